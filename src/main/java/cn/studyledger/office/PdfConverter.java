package cn.studyledger.office;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a .docx into PDF with LibreOffice ({@code soffice --headless --convert-to pdf}), in a fresh profile and
 * with our fontconfig mapping of the official font names to the installed CJK fonts. {@code ledger.report.soffice}
 * names the program (a path, or a name looked up on PATH); without it there is no PDF.
 */
@Component
public class PdfConverter {

    static final long TIMEOUT_SECONDS = 60;

    private final String soffice;

    PdfConverter(@Value("${ledger.report.soffice:soffice}") String soffice) {
        this.soffice = soffice;
    }

    /** Thrown when LibreOffice is not installed (answered 503). */
    public static class Unavailable extends RuntimeException {
        public Unavailable() {
            super("未安装LibreOffice，暂不能生成PDF");
        }
    }

    public boolean available() {
        return executable().isPresent();
    }

    Optional<Path> executable() {
        if (soffice == null || soffice.isBlank()) {
            return Optional.empty();
        }
        if (soffice.contains(File.separator)) {
            Path p = Path.of(soffice);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, soffice))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public byte[] convert(byte[] docx) {
        Path program = executable().orElseThrow(Unavailable::new);
        Path work = null;
        try {
            work = Files.createTempDirectory("ledger-pdf-");
            Path input = work.resolve("report.docx");
            Files.write(input, docx);
            Path fonts = work.resolve("fonts.conf");
            try (InputStream in = PdfConverter.class.getResourceAsStream("/report/fonts.conf")) {
                Files.copy(in, fonts);
            }
            Path profile = work.resolve("profile");
            Path out = work.resolve("out");
            Files.createDirectories(out);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            program.toString(),
                            "-env:UserInstallation=" + profile.toUri(),
                            "--headless",
                            "--norestore",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            out.toString(),
                            input.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("soffice.log").toFile());
            builder.environment().put("FONTCONFIG_FILE", fonts.toString());
            builder.environment().put("HOME", work.toString());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("LibreOffice did not finish the PDF within " + TIMEOUT_SECONDS + " s");
            }
            Path pdf = out.resolve("report.pdf");
            if (process.exitValue() != 0 || !Files.exists(pdf)) {
                throw new IllegalStateException("LibreOffice failed (exit " + process.exitValue() + "): "
                        + Files.readString(work.resolve("soffice.log")));
            }
            return Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting to PDF", e);
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
