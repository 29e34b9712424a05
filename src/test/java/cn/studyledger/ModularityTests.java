package cn.studyledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map: every module keeps to the dependencies its {@code package-info.java} allows, and the diagrams
 * committed under {@code docs/modules} are the ones the code draws today. After a change to the map, refresh them
 * with {@code ./mvnw test -Dtest=ModularityTests -Dmodules.refresh=true} and commit the result.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(StudyLedgerApplication.class);
    static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDiagramsAreCurrent() throws IOException {
        Path drawn = Path.of("target", "module-diagrams");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(drawn.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        if (Boolean.getBoolean("modules.refresh")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            for (Path p : diagrams(drawn).keySet().stream().map(drawn::resolve).toList()) {
                Files.copy(p, COMMITTED.resolve(p.getFileName()));
            }
        }
        assertThat(diagrams(COMMITTED))
                .as("docs/modules is not what the code draws: refresh it with"
                        + " ./mvnw test -Dtest=ModularityTests -Dmodules.refresh=true")
                .isEqualTo(diagrams(drawn));
    }

    private static TreeMap<String, List<String>> diagrams(Path folder) throws IOException {
        TreeMap<String, List<String>> all = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                // the Documenter writes the same diagram with its lines in varying order
                all.put(
                        p.getFileName().toString(),
                        Files.readAllLines(p).stream().sorted().toList());
            }
        }
        return all;
    }
}
