package dev.docket.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the rule files of a folder, in a stable order so the same files always give the same version. */
public final class RuleFolder {

    private RuleFolder() {
    }

    public static List<RuleSource> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The rules folder " + folder.toAbsolutePath()
                    + " does not exist; set docket.rules.folder (env DOCKET_RULES_FOLDER) to the folder holding the .drl files");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            List<RuleSource> sources = files
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl"))
                    .sorted()
                    .map(p -> new RuleSource(folder.relativize(p).toString().replace('\\', '/'), readText(p)))
                    .toList();
            if (sources.isEmpty()) {
                throw new IllegalStateException("The rules folder " + folder.toAbsolutePath()
                        + " holds no .drl files; Docket cannot rank without a policy");
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules folder " + folder.toAbsolutePath(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rule file " + file.toAbsolutePath(), e);
        }
    }
}
