package cn.studyledger.liaison;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习提示 and 报送 across installations (issue 16, part 5). The demo is one installation, so the other one is
 * simulated by trusting the installation's own key for the organisation on the other side (and a second key pair made
 * here signs what no trusted installation signed): a notice exported by X局 is imported by the 监测中心 (XJ-01) as a
 * notice it received, shown in its inbox and to-dos and acknowledged; the unit's filing exported by the unit is
 * imported by X局 as the unit's filing, in the matrix and accepted. Refused: an untrusted signer, a changed manifest
 * or document, a file for another organisation, a signer trusted for another unit, the same file twice. The
 * private key is in no file and no answer. Each test rolls back.
 */
@IntegrationTest
@Transactional
class SignedFilesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoticeExportedByTheBureauIsImportedByTheUnitAsOneItReceivedAndAcknowledged() throws Exception {
        long original = issue("关于学习贯彻全国生态环境保护大会精神的提示", "[\"XJ-01\"]");
        call(get("/api/v1/notices/" + original + "/export"), "unitclerk").andExpect(status().isNotFound());
        call(get("/api/v1/notices/" + original + "/export"), "leader").andExpect(status().isForbidden());
        byte[] file = export("/api/v1/notices/" + original + "/export", "clerk");
        Map<String, byte[]> entries = entries(file);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "signature.json");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(manifest, "$.notice.title")).isEqualTo("关于学习贯彻全国生态环境保护大会精神的提示");
        assertThat(JsonPath.<List<String>>read(manifest, "$.notice.targets[*].code"))
                .containsExactly("XJ-01");
        assertThat((String) JsonPath.read(manifest, "$.notice.issuerCode")).isEqualTo("XJ");
        assertNoPrivateKey(file);

        // not trusted yet: refused, nothing written
        call(importNotice("XJ-01", file), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("未被本单位信任")));
        trust("XJ-01", "XJ", "unitclerk");

        String imported = body(importNotice("XJ-01", file), "unitclerk", 201);
        long id = ((Number) JsonPath.read(imported, "$.id")).longValue();
        assertThat(id).isNotEqualTo(original);
        String notice = body(get("/api/v1/notices/" + id), "unitclerk", 200);
        assertThat((String) JsonPath.read(notice, "$.title")).isEqualTo("关于学习贯彻全国生态环境保护大会精神的提示");
        assertThat((String) JsonPath.read(notice, "$.content")).isEqualTo("请各单位结合实际组织专题学习。");
        assertThat(JsonPath.<List<String>>read(notice, "$.materials")).containsExactly("全国生态环境保护大会讲话");
        assertThat((String) JsonPath.read(notice, "$.dueOn")).isEqualTo("2026-12-31");
        String inbox = body(get("/api/v1/orgs/XJ-01/notices/inbox"), "unitclerk", 200);
        assertThat(JsonPath.<List<Number>>read(inbox, "$[*].id").stream().map(Number::longValue))
                .contains(id);
        String todos = body(get("/api/v1/me/todos"), "unitclerk", 200);
        assertThat(JsonPath.<List<String>>read(todos, "$[?(@.kind == 'notice.unread')].url"))
                .anyMatch(url -> url.startsWith("/notices/" + id + "?"));
        String receipt = body(
                post("/api/v1/notices/" + id + "/acknowledgement?version=0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\":\"已列入12月中心组学习\"}"),
                "unitclerk",
                200);
        assertThat((String) JsonPath.read(receipt, "$.state")).isEqualTo("READ");

        // the same file twice: 409, and nothing more
        call(importNotice("XJ-01", file), "unitclerk")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已导入过")));
        assertThat(jdbc.sql("select count(*) from liaison_notice where origin_sha256 is not null and title = ?")
                        .param("关于学习贯彻全国生态环境保护大会精神的提示")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '学习提示' and object_id = ?"
                                + " and summary like '导入%'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // only the unit's clerk imports for the unit
        call(importNotice("XJ-01", file), "leader").andExpect(status().isForbidden());
        call(importNotice("XJ-02", file), "unitclerk").andExpect(status().isNotFound());
    }

    @Test
    void aChangedOrForeignSignedOrMisdirectedNoticeIsRefused() throws Exception {
        trust("XJ-01", "XJ", "unitclerk");
        byte[] elsewhere = export("/api/v1/notices/" + issue("只发执法总队的提示", "[\"XJ-02\"]") + "/export", "clerk");
        call(importNotice("XJ-01", elsewhere), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("没有下发给本单位")));

        byte[] file = export("/api/v1/notices/" + issue("发监测中心的提示", "[\"XJ-01\"]") + "/export", "clerk");
        Map<String, byte[]> entries = entries(file);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        byte[] changed = manifest.replace("发监测中心的提示", "发监测中心的提示（已改）").getBytes(StandardCharsets.UTF_8);

        // the content changed after signing: the signature no longer verifies
        call(importNotice("XJ-01", zip(changed, null, entries.get("signature.json"))), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("签名校验失败")));

        // signed again by another installation nobody trusts
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        call(importNotice("XJ-01", zip(changed, null, signature(changed, other))), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("未被本单位信任")));

        // a key trusted by nobody, claiming the fingerprint of the trusted one
        String trusted =
                JsonPath.read(new String(entries.get("signature.json"), StandardCharsets.UTF_8), "$.fingerprint");
        byte[] claiming = new String(signature(changed, other), StandardCharsets.UTF_8)
                .replaceAll("\"fingerprint\":\"[0-9a-f]+\"", "\"fingerprint\":\"" + trusted + "\"")
                .getBytes(StandardCharsets.UTF_8);
        call(importNotice("XJ-01", zip(changed, null, claiming)), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("指纹与公钥不符")));

        // not a signed file at all
        call(importNotice("XJ-01", "PK not a zip".getBytes(StandardCharsets.UTF_8)), "unitclerk")
                .andExpect(status().isBadRequest());
        call(importNotice("XJ-01", zip(changed, null, null)), "unitclerk").andExpect(status().isBadRequest());
        // a filing's file is not a notice
        assertThat(jdbc.sql("select count(*) from liaison_notice where origin_sha256 is not null")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aFilingExportedByTheUnitIsImportedByTheBureauShownInTheMatrixAndAccepted() throws Exception {
        jdbc.sql("delete from liaison_submission where unit_org_id = (select id from org_unit where code = 'XJ-01')")
                .update();
        String filed = body(
                post("/api/v1/orgs/XJ-01/submissions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"MEMBER_LIST\",\"year\":2025}"),
                "unitclerk",
                201);
        long original = ((Number) JsonPath.read(filed, "$.id")).longValue();
        call(get("/api/v1/submissions/" + original + "/export"), "clerk").andExpect(status().isForbidden());
        byte[] file = export("/api/v1/submissions/" + original + "/export", "unitclerk");
        Map<String, byte[]> entries = entries(file);
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "signature.json", "document");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        byte[] document = call(get("/api/v1/submissions/" + original + "/file"), "unitclerk")
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(entries.get("document")).isEqualTo(document);
        assertThat((String) JsonPath.read(manifest, "$.submission.document.sha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(document)));
        assertThat((String) JsonPath.read(manifest, "$.submission.unitCode")).isEqualTo("XJ-01");
        assertThat(manifest).doesNotContain("\"id\"").doesNotContain("fileId");
        assertNoPrivateKey(file);

        // X局 trusts the installation for the 执法总队 only: the 监测中心's file is refused
        trust("XJ", "XJ-02", "clerk");
        call(importSubmission("XJ", file), "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("未被本单位信任为X局生态环境监测中心党委的安装")));
        trust("XJ", "XJ-01", "clerk");
        // the unit's filing waits for the decision here already (one installation): first returned
        call(importSubmission("XJ", file), "clerk")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("正等待审核")));
        body(
                post("/api/v1/submissions/" + original + "/return?version=0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"请经签名文件报送\"}"),
                "clerk",
                200);

        // the document changed on the way: refused
        byte[] changedDocument = document.clone();
        changedDocument[changedDocument.length - 10] ^= 1;
        call(
                        importSubmission(
                                "XJ",
                                zip(entries.get("manifest.json"), changedDocument, entries.get("signature.json"))),
                        "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("校验值不符")));
        // a filing to X局 imported at the unit: not its superior's file, and the unit trusts nobody
        call(importSubmission("XJ-01", file), "unitclerk").andExpect(status().isUnprocessableContent());
        // a filing is not a notice
        trust("XJ-01", "XJ", "unitclerk");
        call(importNotice("XJ-01", file), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不是学习提示签名文件")));

        String imported = body(importSubmission("XJ", file), "clerk", 201);
        long id = ((Number) JsonPath.read(imported, "$.id")).longValue();
        String filing = body(get("/api/v1/submissions/" + id), "clerk", 200);
        assertThat((String) JsonPath.read(filing, "$.unitCode")).isEqualTo("XJ-01");
        assertThat((String) JsonPath.read(filing, "$.status")).isEqualTo("SUBMITTED");
        assertThat((String) JsonPath.read(filing, "$.submittedBy")).isEqualTo(JsonPath.read(filed, "$.submittedBy"));
        byte[] stored = call(get("/api/v1/submissions/" + id + "/file"), "clerk")
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(stored).isEqualTo(document);
        String matrix = body(get("/api/v1/orgs/XJ/years/2025/submissions"), "clerk", 200);
        List<Number> cell = JsonPath.read(matrix, "$.units[?(@.unitCode == 'XJ-01')].cells.MEMBER_LIST.submissionId");
        assertThat(cell.get(0).longValue()).isEqualTo(id);

        call(importSubmission("XJ", file), "clerk")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已导入过")));
        String accepted = body(
                post("/api/v1/submissions/" + id + "/accept?version=0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"),
                "clerk",
                200);
        assertThat((String) JsonPath.read(accepted, "$.status")).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '报送' and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        call(importSubmission("XJ", file), "unitclerk").andExpect(status().isNotFound());
    }

    @Test
    void theClerkTrustsAPeerOnlyWithItsFingerprintAndForAnOrganisationAboveOrBelow() throws Exception {
        String key = body(get("/api/v1/installation/key"), "unitclerk", 200);
        assertNoPrivateKey(key.getBytes(StandardCharsets.UTF_8));
        String publicKey = JsonPath.read(key, "$.publicKey");
        String grouped = JsonPath.read(key, "$.fingerprintGrouped");
        assertThat(grouped).matches("([0-9a-f]{4} ){15}[0-9a-f]{4}");

        call(addPeer("XJ", publicKey, "0000" + grouped.substring(4), "XJ-01"), "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("指纹不符")));
        call(addPeer("XJ", publicKey, grouped, "XJ"), "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不是本组织的上级单位或直属下级单位")));
        call(addPeer("XJ", "not a key", grouped, "XJ-01"), "clerk").andExpect(status().isBadRequest());
        call(addPeer("XJ", publicKey, grouped, "XJ-01"), "unitclerk").andExpect(status().isNotFound());
        call(addPeer("XJ", publicKey, grouped, "XJ-01"), "leader").andExpect(status().isForbidden());
        String added = body(addPeer("XJ", publicKey, grouped.toUpperCase(), "XJ-01"), "clerk", 201);
        long id = ((Number) JsonPath.read(added, "$.id")).longValue();
        assertThat((String) JsonPath.read(added, "$.relation")).isEqualTo("直属下级单位");
        call(addPeer("XJ", publicKey, grouped, "XJ-01"), "clerk").andExpect(status().isConflict());

        String peers = body(get("/api/v1/orgs/XJ/peers"), "clerk", 200);
        assertThat(JsonPath.<List<String>>read(peers, "$.peers[*].standsForCode"))
                .contains("XJ-01");
        assertThat(JsonPath.<List<String>>read(peers, "$.choices[*].code")).contains("XJ-01", "XJ-06");
        assertNoPrivateKey(peers.getBytes(StandardCharsets.UTF_8));
        call(get("/api/v1/orgs/XJ/peers"), "unitclerk").andExpect(status().isNotFound());

        call(delete("/api/v1/orgs/XJ/peers/" + id + "?version=3"), "clerk").andExpect(status().isConflict());
        call(delete("/api/v1/orgs/XJ-01/peers/" + id + "?version=0"), "unitclerk")
                .andExpect(status().isNotFound());
        call(delete("/api/v1/orgs/XJ/peers/" + id + "?version=0"), "clerk").andExpect(status().isNoContent());
        assertThat(jdbc.sql("select action from common_audit_event where object_type = '受信任的外部安装' and object_id = ?"
                                + " order by id")
                        .param(String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "DELETE");
    }

    private long issue(String title, String targets) throws Exception {
        String issued = body(
                post("/api/v1/orgs/XJ/notices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"content\":\"请各单位结合实际组织专题学习。\","
                                + "\"materials\":[\"全国生态环境保护大会讲话\"],\"dueOn\":\"2026-12-31\","
                                + "\"targets\":" + targets + "}"),
                "clerk",
                201);
        return ((Number) JsonPath.read(issued, "$.id")).longValue();
    }

    /** The org's clerk trusts this installation's own key for the organisation on the other side. */
    private void trust(String org, String standsFor, String user) throws Exception {
        String key = body(get("/api/v1/installation/key"), user, 200);
        body(
                addPeer(org, JsonPath.read(key, "$.publicKey"), JsonPath.read(key, "$.fingerprintGrouped"), standsFor),
                user,
                201);
    }

    private MockHttpServletRequestBuilder addPeer(String org, String publicKey, String fingerprint, String standsFor) {
        return post("/api/v1/orgs/" + org + "/peers")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"另一套系统\",\"publicKey\":\"" + publicKey + "\",\"fingerprint\":\"" + fingerprint
                        + "\",\"standsFor\":\"" + standsFor + "\"}");
    }

    private AbstractMockHttpServletRequestBuilder<?> importNotice(String org, byte[] file) {
        return multipart("/api/v1/orgs/" + org + "/notices/import")
                .file(new MockMultipartFile("file", "notice.signed.zip", "application/zip", file));
    }

    private AbstractMockHttpServletRequestBuilder<?> importSubmission(String org, byte[] file) {
        return multipart("/api/v1/orgs/" + org + "/submissions/import")
                .file(new MockMultipartFile("file", "filing.signed.zip", "application/zip", file));
    }

    private byte[] export(String url, String user) throws Exception {
        return call(get(url), user)
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    /** Neither the private key (PKCS#8, Base64 or raw) nor its 32-byte seed is anywhere in the bytes. */
    private void assertNoPrivateKey(byte[] file) throws Exception {
        String stored = jdbc.sql("select private_key from liaison_installation_key")
                .query(String.class)
                .single();
        byte[] pkcs8 = Base64.getDecoder().decode(stored);
        byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        List<byte[]> parts = new java.util.ArrayList<>(List.of(file));
        try {
            parts.addAll(entries(file).values());
        } catch (RuntimeException | java.io.IOException notAZip) {
            // an API answer: only its own bytes
        }
        for (byte[] part : parts) {
            String text = new String(part, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(stored);
            assertThat(text).doesNotContain(new String(pkcs8, StandardCharsets.ISO_8859_1));
            assertThat(text).doesNotContain(new String(seed, StandardCharsets.ISO_8859_1));
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(seed));
            assertThat(text).doesNotContain(HexFormat.of().formatHex(seed));
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        if (entries.isEmpty()) {
            throw new java.io.IOException("not a zip");
        }
        return entries;
    }

    private static byte[] zip(byte[] manifest, byte[] document, byte[] signature) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest);
            if (document != null) {
                zip.putNextEntry(new ZipEntry("document"));
                zip.write(document);
            }
            if (signature != null) {
                zip.putNextEntry(new ZipEntry("signature.json"));
                zip.write(signature);
            }
        }
        return bytes.toByteArray();
    }

    /** signature.json as another installation with this key pair writes it. */
    private static byte[] signature(byte[] manifest, KeyPair key) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(manifest);
        byte[] publicKey = key.getPublic().getEncoded();
        String fingerprint =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey));
        return ("{\"algorithm\":\"Ed25519\",\"publicKey\":\""
                        + Base64.getEncoder().encodeToString(publicKey)
                        + "\",\"fingerprint\":\"" + fingerprint + "\",\"signature\":\""
                        + Base64.getEncoder().encodeToString(signer.sign()) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private ResultActions call(AbstractMockHttpServletRequestBuilder<?> request, String user) throws Exception {
        return mvc.perform(request.with(as(accounts, user)).with(csrf().asHeader()));
    }

    private String body(AbstractMockHttpServletRequestBuilder<?> request, String user, int expected) throws Exception {
        return call(request, user)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
