package cn.studyledger.common.files;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploaded files outside the web root under generated names, checks their size and their type by
 * content, and records them in {@code common_stored_file}. It does no authorisation: the module that owns the
 * record checks the scope before it offers a download. A file written inside a transaction that rolls back is
 * deleted again, so a failed save leaves nothing behind.
 */
@Component
public class FileStore {

    private static final int HEAD = 8192;

    private final JdbcClient jdbc;
    private final Path root;
    private final long maxBytes;
    private final Duration stagingGrace;
    private final Clock clock;

    public FileStore(
            JdbcClient jdbc,
            @Value("${ledger.files.dir:./data/files}") Path root,
            @Value("${ledger.files.max-size:20MB}") DataSize maxSize,
            @Value("${ledger.files.staging-grace:1h}") Duration stagingGrace,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
        this.stagingGrace = stagingGrace;
    }

    /** Stores an upload if it is one of the allowed kinds and within the size limit; refuses it otherwise. */
    public StoredFile store(MultipartFile upload, Collection<FileKind> allowed) {
        if (upload == null || upload.isEmpty()) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        try (InputStream in = upload.getInputStream()) {
            return store(upload.getOriginalFilename(), in, allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a file sent with a form or request, on the same terms as {@link #store(MultipartFile, Collection)}. */
    public StoredFile store(Upload upload, Collection<FileKind> allowed) {
        try (InputStream in = upload.content().getInputStream()) {
            return store(upload.name(), in, allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StoredFile store(String originalName, InputStream content, Collection<FileKind> allowed) {
        return store(originalName, content, allowed, maxBytes, 0);
    }

    /**
     * Stores a file on stricter terms than the installation's: at most {@code maxBytes} (never more than {@code
     * ledger.files.max-size}; counted while it streams in, so a larger file is never written in full) and, for a
     * PNG or JPEG image, at most {@code maxImageSide} pixels wide and high (0: any size). The image's size is read from
     * its header before anything is recorded, so a refused file leaves no row and no file.
     */
    public StoredFile store(Upload upload, Collection<FileKind> allowed, long maxBytes, int maxImageSide) {
        try (InputStream in = upload.content().getInputStream()) {
            return store(upload.name(), in, allowed, Math.min(maxBytes, this.maxBytes), maxImageSide);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredFile store(
            String originalName, InputStream content, Collection<FileKind> allowed, long maxBytes, int maxImageSide) {
        String name = displayName(originalName);
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempFile(root, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, sha)) {
                size = copyAtMost(in, temp, maxBytes);
            }
            byte[] head = readHead(temp);
            FileKind kind = FileKind.detect(head)
                    .filter(allowed::contains)
                    .orElseThrow(() -> new BusinessRuleException("文件“" + name + "”的类型不受支持，请上传 "
                            + String.join(
                                    "、",
                                    allowed.stream().map(FileKind::extension).toList()) + " 文件"));
            String claimed = claimedExtension(name);
            if (claimed != null && !kind.hasExtension(claimed)) {
                // e.g. a web page or a script named "提纲.pdf", or a PDF named "x.pdf.html" that a browser would save
                // and open as a web page: the name must promise the kind the content is, nothing else
                throw new BusinessRuleException(
                        known(claimed)
                                ? "文件“" + name + "”的内容不是 " + claimed + " 文件（扩展名与内容不符），请上传真实的 " + claimed + " 文件"
                                : "文件“" + name + "”的扩展名 " + claimed + " 与内容不符（内容是 " + kind.extension() + " 文件），请改用 "
                                        + kind.extension() + " 扩展名后上传");
            }
            if (maxImageSide > 0 && (kind == FileKind.PNG || kind == FileKind.JPEG)) {
                ImageSizes.requireWithin(temp, name, maxImageSide);
            }
            String storedName = UUID.randomUUID() + kind.extension();
            Path target = root.resolve(storedName);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            deleteOnRollback(target);
            String hex = HexFormat.of().formatHex(sha.digest());
            LocalDateTime now = LocalDateTime.now(clock);
            String by = CurrentUser.usernameOrSystem();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into common_stored_file (stored_name, original_name, content_type, size_bytes, sha256,
                              uploaded_at, uploaded_by) values (:stored, :original, :type, :size, :sha, :at, :by)""")
                    .param("stored", storedName)
                    .param("original", name)
                    .param("type", kind.contentType())
                    .param("size", size)
                    .param("sha", hex)
                    .param("at", now)
                    .param("by", by)
                    .update(keys, "id");
            return new StoredFile(keys.getKey().longValue(), name, kind.contentType(), size, hex, now, by);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temp file is in our own folder; a leftover is harmless and named *.part
                }
            }
        }
    }

    public StoredFile describe(long id) {
        return jdbc.sql("""
                        select id, original_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by
                        from common_stored_file where id = ?""")
                .param(id)
                .query((rs, n) -> new StoredFile(
                        rs.getLong("id"),
                        // names come from uploads (cleaned on the way in) or from a restored archive (as written
                        // there): cleaned again, so a download header never carries a path or a line break
                        displayName(rs.getString("original_name")),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toLocalDateTime(),
                        rs.getString("uploaded_by")))
                .optional()
                .orElseThrow(() -> NotFoundException.of("文件"));
    }

    public List<StoredFile> describe(Collection<Long> ids) {
        return ids.stream().map(this::describe).toList();
    }

    /** Opens the bytes of a stored file; the caller has checked that the user may see the record it belongs to. */
    public InputStream open(long id) {
        String storedName = jdbc.sql("select stored_name from common_stored_file where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("文件"));
        Path file = root.resolve(storedName).normalize();
        if (!file.startsWith(root)) {
            throw NotFoundException.of("文件");
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw NotFoundException.of("文件");
        }
    }

    /**
     * Puts back the bytes of a stored file under its stored name (restoring an archive, whose rows of
     * {@code common_stored_file} are inserted by the caller). Refuses a name that is not a plain file name or
     * that exists already. Runs inside a transaction: the bytes go to a staging folder of that transaction first and
     * are moved into the files folder only after the commit; a rollback deletes them, and a process killed in
     * between leaves them in the staging folder, which {@link #sweepStaging} empties at the next start. So a
     * failed or killed import leaves nothing in the files folder and a retry finds no name taken.
     */
    public void restore(String storedName, InputStream content) {
        if (storedName == null || !storedName.matches("[A-Za-z0-9._-]{1,100}") || storedName.startsWith(".")) {
            throw new BusinessRuleException("归档中的文件名不合法：" + storedName);
        }
        Path target = root.resolve(storedName).normalize();
        if (!target.getParent().equals(root)) {
            throw new BusinessRuleException("归档中的文件名不合法：" + storedName);
        }
        try {
            Files.createDirectories(root);
            if (Files.exists(target)) {
                throw new BusinessRuleException("文件目录中已有同名文件：" + storedName);
            }
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                // the rows and their files commit together, so there must be a transaction to follow
                throw new IllegalStateException("restore needs a transaction");
            }
            Path staged = stagingFolderOfTransaction().resolve(storedName);
            if (Files.exists(staged)) {
                throw new BusinessRuleException("归档中同一文件出现了两次：" + storedName);
            }
            Files.copy(content, staged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where files of unfinished restores wait: beside the files folder, so a move into it stays on one disk. */
    public Path stagingRoot() {
        return root.resolveSibling(root.getFileName() + ".staging");
    }

    /**
     * Empties the staging folder at start-up: a file whose row was committed (the process stopped while moving
     * files after the commit) is moved into the files folder, every other file (a restore that was killed before
     * its commit) is deleted. Folders younger than {@code ledger.files.staging-grace} are left alone, since they
     * may belong to a restore still running on another instance.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sweepStaging() {
        Path staging = stagingRoot();
        if (!Files.isDirectory(staging)) {
            return;
        }
        Instant youngest = clock.instant().minus(stagingGrace);
        try (var folders = Files.list(staging)) {
            for (Path folder : folders.toList()) {
                if (Files.getLastModifiedTime(folder).toInstant().isAfter(youngest)) {
                    continue;
                }
                if (Files.isDirectory(folder)) {
                    try (var files = Files.list(folder)) {
                        for (Path file : files.toList()) {
                            String name = file.getFileName().toString();
                            boolean committed =
                                    jdbc.sql("select count(*) from common_stored_file where stored_name = ?")
                                                    .param(name)
                                                    .query(Long.class)
                                                    .single()
                                            > 0;
                            if (committed && !Files.exists(root.resolve(name))) {
                                Files.createDirectories(root);
                                Files.move(file, root.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                            } else {
                                Files.deleteIfExists(file);
                            }
                        }
                    }
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The staging folder of the current transaction, made on first use; moved in on commit, deleted otherwise. */
    private Path stagingFolderOfTransaction() throws IOException {
        Object key = stagingRoot();
        Path folder = (Path) TransactionSynchronizationManager.getResource(key);
        if (folder != null) {
            return folder;
        }
        Path staging = stagingRoot();
        Files.createDirectories(staging);
        Path created = Files.createTempDirectory(staging, "restore-");
        TransactionSynchronizationManager.bindResource(key, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try (var files = Files.list(created)) {
                    for (Path file : files.toList()) {
                        Files.move(file, root.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // the rows are committed: what could not be moved stays staged and the next start moves it
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                try (var files = Files.list(created)) {
                    if (status != STATUS_COMMITTED) {
                        for (Path file : files.toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                } catch (IOException ignored) {
                    // left for the sweep at the next start
                }
                try {
                    Files.deleteIfExists(created);
                } catch (IOException ignored) {
                    // not empty: a committed file that could not be moved, for the sweep at the next start
                }
            }
        });
        return created;
    }

    public long maxBytes() {
        return maxBytes;
    }

    private long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > limit) {
                    throw new BusinessRuleException(
                            "文件超过大小上限 " + DataSize.ofBytes(limit).toMegabytes() + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        if (total == 0) {
            throw new BusinessRuleException("文件是空的");
        }
        return total;
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return bytes + " 字节";
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    /**
     * The extension a name ends with (lower case, with the dot), when it looks like one: up to ten letters or digits
     * with at least one letter, so "2025.03" or "第1.2版 纪要" have none.
     */
    static String claimedExtension(String name) {
        java.util.regex.Matcher m = EXTENSION.matcher(name);
        return m.find() ? m.group().toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static final java.util.regex.Pattern EXTENSION =
            java.util.regex.Pattern.compile("\\.(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,10}$");

    private static boolean known(String extension) {
        for (FileKind kind : FileKind.values()) {
            if (kind.hasExtension(extension)) {
                return true;
            }
        }
        return false;
    }

    /** The name to show: the last path segment only, without control characters, at most 200 characters. */
    static String displayName(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}]", "")
                .trim();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "附件";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static void deleteOnRollback(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // an orphan file under a random name is unreachable; nothing refers to it
                    }
                }
            }
        });
    }
}
