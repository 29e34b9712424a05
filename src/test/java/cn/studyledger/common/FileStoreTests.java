package cn.studyledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.IntegrationTest;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.time.OfficeTime;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/** Uploads: type by content, size limit, generated names outside the web root, nothing left on refusal. */
@IntegrationTest
@Transactional
class FileStoreTests {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    FileStore store(String limit) {
        return new FileStore(
                jdbc,
                dir,
                DataSize.parse(limit),
                java.time.Duration.ofHours(1),
                java.time.Clock.system(OfficeTime.ZONE));
    }

    @Test
    void storesAPdfUnderAGeneratedNameAndReadsItBack() throws Exception {
        StoredFile file = store("1MB").store("../../etc/passwd.pdf", new ByteArrayInputStream(PDF), FileKind.DOCUMENTS);
        assertThat(file.originalName()).isEqualTo("passwd.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(PDF.length);
        try (InputStream in = store("1MB").open(file.id())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(n -> assertThat(n).endsWith(".pdf").doesNotContain("passwd"));
        }
    }

    @Test
    void refusesAProgramRenamedToPdf() throws Exception {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        assertThatThrownBy(() -> store("1MB").store("报告.pdf", new ByteArrayInputStream(exe), FileKind.DOCUMENTS))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("类型不受支持");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNameMustEndWithTheExtensionOfWhatTheContentIs() throws Exception {
        byte[] polyglot = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(
                        () -> store("1MB").store("x.pdf.html", new ByteArrayInputStream(polyglot), FileKind.DOCUMENTS))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("文件“x.pdf.html”的扩展名 .html 与内容不符（内容是 .pdf 文件），请改用 .pdf 扩展名后上传");
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store("1MB").store("x.pdf.html", new ByteArrayInputStream(page), FileKind.DOCUMENTS))
                .hasMessageContaining("类型不受支持");
        byte[] notes = "学习笔记 <b>重点</b>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store("1MB").store("笔记.txt.htm", new ByteArrayInputStream(notes), FileKind.DOCUMENTS))
                .hasMessageContaining("扩展名 .htm 与内容不符");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // names whose last dot starts no extension, and the aliases of a kind, are kept
        assertThat(store("1MB")
                        .store("2025.03", new ByteArrayInputStream(PDF), FileKind.DOCUMENTS)
                        .contentType())
                .isEqualTo("application/pdf");
        assertThat(store("1MB")
                        .store("名单.csv", new ByteArrayInputStream(notes), FileKind.DOCUMENTS)
                        .contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void refusesTextWhoseNamePromisesAnotherKindAndMarkupAsText() throws Exception {
        byte[] notes = "学习笔记：第一部分".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store("1MB").store("提纲.pdf", new ByteArrayInputStream(notes), FileKind.DOCUMENTS))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("扩展名与内容不符");
        byte[] page = "\uFEFF  <!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store("1MB").store("说明.txt", new ByteArrayInputStream(page), FileKind.DOCUMENTS))
                .hasMessageContaining("类型不受支持");
        assertThat(store("1MB")
                        .store("笔记.txt", new ByteArrayInputStream(notes), FileKind.DOCUMENTS)
                        .contentType())
                .isEqualTo("text/plain");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void refusesAFileOverTheLimit() throws Exception {
        byte[] big = new byte[3 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> store("2KB").store("big.pdf", new ByteArrayInputStream(big), FileKind.DOCUMENTS))
                .hasMessageContaining("超过大小上限");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesAKindNotAllowedHere() {
        assertThatThrownBy(() ->
                        store("1MB").store("a.pdf", new ByteArrayInputStream(PDF), java.util.List.of(FileKind.XLSX)))
                .hasMessageContaining(".xlsx");
    }

    @Test
    void recognisesKindsByContent() {
        assertThat(FileKind.detect("纯文本内容\n第二行".getBytes(StandardCharsets.UTF_8)))
                .contains(FileKind.TEXT);
        assertThat(FileKind.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains(FileKind.PNG);
        assertThat(FileKind.detect(new byte[] {0, 1, 2, 3})).isEmpty();
    }
}
