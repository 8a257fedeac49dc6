package dev.docket.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.docket.support.Cluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy that does not compile must stop Docket from starting, and say where the problem is. */
class BrokenRulesStartupIT {

    @TempDir
    Path rules;

    @Test
    void refusesToStartAndNamesFileLineAndColumn() throws Exception {
        Files.copy(Path.of("rules/age.drl"), rules.resolve("age.drl"));
        Files.writeString(rules.resolve("broken.drl"), """
                package docket.policy;
                import dev.docket.facts.ContractFact;

                rule "Half written"
                when
                    $c : ContractFact( dealValueBase > )
                then
                end
                """);

        assertThatThrownBy(() -> start(rules))
                .hasStackTraceContaining("The rule set does not compile")
                .hasStackTraceContaining("broken.drl:6:");
    }

    @Test
    void refusesToStartWithoutARulesFolder() {
        Path missing = rules.resolve("nowhere");

        assertThatThrownBy(() -> start(missing))
                .hasStackTraceContaining("The rules folder " + missing.toAbsolutePath() + " does not exist");
    }

    private static void start(Path folder) {
        try (Cluster docket = new Cluster(Map.of("docket.rules.folder", folder.toString()))) {
            docket.start();
            throw new AssertionError("Docket started with rules from " + folder);
        }
    }
}
