package cn.studyledger.liaison.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed file a notice or a filing travels in between installations: a ZIP of {@code manifest.json} (the
 * record's content, and for a filing its document's name, size and SHA-256), the document itself ({@code document})
 * and {@code signature.json} — the algorithm, the signer's public key and fingerprint, and the Ed25519 signature
 * over the exact bytes of {@code manifest.json}. Nothing else: no credentials, no private key, no internal ids.
 * Read while it streams in, within a size limit and with no entries but these three.
 */
final class SignedFile {

    static final String FORMAT = "studyledger-liaison-signed-file";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "signature.json";
    static final String DOCUMENT = "document";
    private static final Set<String> ENTRIES = Set.of(MANIFEST, SIGNATURE, DOCUMENT);

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A file read and parsed, not yet verified. */
    record Read(
            byte[] manifest,
            JsonNode content,
            byte[] publicKey,
            String claimedFingerprint,
            byte[] signature,
            byte[] document) {}

    private SignedFile() {}

    /** The signed file: the manifest's bytes as signed, the document if there is one, and the signature. */
    static byte[] write(byte[] manifest, byte[] document, String publicKey, String fingerprint, byte[] signature) {
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("algorithm", InstallationKeys.ALGORITHM);
        signed.put("publicKey", publicKey);
        signed.put("fingerprint", fingerprint);
        signed.put("signature", Base64.getEncoder().encodeToString(signature));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, MANIFEST, manifest);
            if (document != null) {
                put(zip, DOCUMENT, document);
            }
            put(zip, SIGNATURE, JSON.writeValueAsBytes(signed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The manifest's bytes: the map (in its order) as compact UTF-8 JSON, the bytes that are signed. */
    static byte[] manifest(Map<String, Object> content) {
        return JSON.writeValueAsBytes(content);
    }

    /** Reads the file, at most {@code maxBytes} of it; a file that is not one of ours is a 400, a larger one a 422. */
    static Read read(InputStream in, long maxBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long[] total = {0};
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!ENTRIES.contains(name) || entry.isDirectory()) {
                    throw malformed("文件中有不属于签名文件的内容（" + shortened(name) + "）");
                }
                if (entries.containsKey(name)) {
                    throw malformed("文件中 " + name + " 出现了两次");
                }
                entries.put(name, bounded(zip, total, maxBytes));
            }
        } catch (ZipException e) {
            throw malformed("文件不是有效的签名文件（ZIP 格式损坏）");
        } catch (IOException e) {
            throw malformed("文件无法读取：" + e.getMessage());
        }
        if (!entries.containsKey(MANIFEST) || !entries.containsKey(SIGNATURE)) {
            throw malformed("文件不是本系统导出的签名文件（缺少 manifest.json 或 signature.json）");
        }
        JsonNode signature = parse(entries.get(SIGNATURE), SIGNATURE);
        if (!InstallationKeys.ALGORITHM.equals(text(signature, "algorithm"))) {
            throw malformed("签名算法不受支持（应为 Ed25519）");
        }
        byte[] publicKey = base64(text(signature, "publicKey"), "公钥");
        byte[] signed = base64(text(signature, "signature"), "签名");
        JsonNode content = parse(entries.get(MANIFEST), MANIFEST);
        if (!FORMAT.equals(text(content, "format"))
                || content.path("formatVersion").asInt() != VERSION) {
            throw malformed("文件不是本系统的签名文件格式（" + FORMAT + " 第 " + VERSION + " 版）");
        }
        return new Read(
                entries.get(MANIFEST),
                content,
                publicKey,
                text(signature, "fingerprint"),
                signed,
                entries.get(DOCUMENT));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isString() ? null : value.asString();
    }

    private static byte[] bounded(InputStream in, long[] total, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            total[0] += n;
            if (total[0] > maxBytes) {
                throw new BusinessRuleException("签名文件超过 " + (maxBytes / (1024 * 1024)) + "MB，不能导入");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static JsonNode parse(byte[] bytes, String name) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw malformed(name + " 不是 JSON 对象");
            }
            return node;
        } catch (JacksonException e) {
            throw malformed(name + " 无法解析");
        }
    }

    private static byte[] base64(String text, String what) {
        if (text == null) {
            throw malformed("签名文件缺少" + what);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("签名文件中的" + what + "不是有效的 Base64 编码");
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String shortened(String name) {
        String clean = name.replaceAll("[^\\p{L}\\p{N}._/-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static InvalidInputException malformed(String message) {
        return new InvalidInputException(message);
    }
}
