package cn.studyledger;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** A program outside the JVM that some tests need, with the Debian package that brings it ({@code .ci/run}). */
public enum Tool {
    CHROMIUM("chromium", "chromium"),
    CHROMEDRIVER("chromedriver", "chromium-driver"),
    SOFFICE("soffice", "libreoffice-writer-nogui"),
    PDFTOTEXT("pdftotext", "poppler-utils"),
    PDFFONTS("pdffonts", "poppler-utils"),
    PG_DUMP("pg_dump", "postgresql-client"),
    PG_RESTORE("pg_restore", "postgresql-client");

    private final String executable;
    private final String debianPackage;

    Tool(String executable, String debianPackage) {
        this.executable = executable;
        this.debianPackage = debianPackage;
    }

    /** The executable's name, as a command line names it. */
    public String executable() {
        return executable;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The executable on the {@code PATH}, if there is one. */
    public Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(p -> p.toFile().canExecute())
                .findFirst();
    }

    /** The executable on the {@code PATH}; only for tests marked {@link Requires} this tool. */
    public Path path() {
        return find().orElseThrow(() -> new IllegalStateException(executable + " is not on the PATH"));
    }
}
