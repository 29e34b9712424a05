package cn.studyledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only (AuditLog's Javadoc): no statement in the application's code or migrations changes
 * or removes a row of {@code common_audit_event}, and only {@code AuditLog} inserts into it.
 */
class AuditLogIsAppendOnlyTests {

    private static final Pattern CHANGE = Pattern.compile(
            "(update|delete\\s+from|truncate(\\s+table)?|merge\\s+into|alter\\s+table|drop\\s+table)\\s+common_audit_event\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT =
            Pattern.compile("insert\\s+into\\s+common_audit_event\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void nothingButAuditLogWritesTheTableAndNothingChangesARow() throws IOException {
        List<String> changes = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher change = CHANGE.matcher(text);
            while (change.find()) {
                changes.add(file.getFileName() + ": " + change.group());
            }
            if (INSERT.matcher(text).find()) {
                inserts.add(file.getFileName().toString());
            }
        }
        assertThat(changes).as("statements changing audit rows").isEmpty();
        assertThat(inserts).as("files inserting audit rows").containsExactly("AuditLog.java");
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p ->
                                p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                        .forEach(files::add);
            }
        }
        assertThat(files).as("sources found").isNotEmpty();
        return files;
    }
}
