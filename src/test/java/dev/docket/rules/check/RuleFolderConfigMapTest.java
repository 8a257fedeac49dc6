package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rules/ mounted from Kubernetes ConfigMaps (deploy/kubernetes): the kubelet writes the files into a hidden
 * "..<timestamp>" directory, points "..data" at it, and exposes each entry (tests/ too) as a symbolic link
 * through "..data". Docket must read exactly the policy it would read from the plain folder.
 */
class RuleFolderConfigMapTest {

    @Test
    void aConfigMapVolumeReadsAsTheSameRuleSetAsThePlainFolder(@TempDir Path volume) throws IOException {
        Path plain = PolicyFiles.FOLDER;
        Path timestamped = Files.createDirectory(volume.resolve("..2026_11_30_06_30_00.123456789"));
        try (Stream<Path> files = Files.walk(plain)) {
            for (Path source : files.toList()) {
                Path target = timestamped.resolve(plain.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.createSymbolicLink(volume.resolve("..data"), timestamped.getFileName());
        try (Stream<Path> top = Files.list(timestamped)) {
            for (Path entry : top.toList()) {
                Files.createSymbolicLink(volume.resolve(entry.getFileName().toString()),
                        Path.of("..data").resolve(entry.getFileName().toString()));
            }
        }

        List<RuleSource> fromVolume = RuleFolder.read(volume);

        assertThat(fromVolume).isEqualTo(RuleFolder.read(plain));
        assertThat(fromVolume).extracting(RuleSource::path).contains("age.drl", "tests/invariants.yaml")
                .noneMatch(p -> p.contains(".."));
        assertThat(StandaloneChecks.checker().check(fromVolume).ok()).isTrue();
    }
}
