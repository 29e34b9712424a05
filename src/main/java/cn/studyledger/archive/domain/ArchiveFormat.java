package cn.studyledger.archive.domain;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names and helpers shared by the archive's writer and reader. */
final class ArchiveFormat {

    static final String FORMAT = "studyledger-archive";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    /** The 学习档案专卷's 目录 at the archive's root; the papers it lists are under documents/ and files/. */
    static final String CATALOGUE = "目录.docx";

    static final String DATA_SCOPE = "data/ 含导出者可读范围内本组织的全部记录（不限年度，用于恢复）及这些记录引用的组织、人员与附件，"
            + "不含账号、角色授权、口令、签到密钥、审计日志；ledgers/ 为所选年度的台账；files/ 为记录引用的全部附件；"
            + "目录.docx 为所选年度的学习档案专卷目录，documents/ 为系统生成的计划、报告、会议记录、签到表和学习简报";

    private ArchiveFormat() {}

    static String dataEntry(String table) {
        return "data/" + table + ".jsonl";
    }

    static String fileEntry(long id, String originalName) {
        return "files/" + id + "-" + safeName(originalName);
    }

    /** A file name safe inside a ZIP on every system: no separators, no control or reserved characters. */
    static String safeName(String name) {
        String safe = name == null
                ? ""
                : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replace("..", "_");
        safe = safe.trim();
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
    }

    /** Whether an entry name may appear in an archive at all: relative, forward slashes, no "..", known folder. */
    static boolean safeEntryName(String name) {
        if (name == null || name.isEmpty() || name.length() > 300) {
            return false;
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return name.equals(MANIFEST)
                || name.equals(CATALOGUE)
                || (name.startsWith("ledgers/")
                                || name.startsWith("data/")
                                || name.startsWith("files/")
                                || name.startsWith(ArchiveDossier.DOCUMENTS))
                        && name.indexOf('/') == name.lastIndexOf('/');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts and digests what passes through to the ZIP entry; closing it does not close the ZIP. */
    static final class EntryStream extends FilterOutputStream {

        private final MessageDigest digest = ArchiveFormat.sha256();
        private long size;

        EntryStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        long size() {
            return size;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
