package dev.docket.rules.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the policy files (.drl, .csv and .xlsx decision tables) and scenario tests (tests/*.yaml)
 * of a rules folder, in a stable order so the same files always give the same version.
 */
public final class RuleFolder {

    private RuleFolder() {
    }

    public static List<RuleSource> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("The rules folder " + folder.toAbsolutePath()
                    + " does not exist; set docket.rules.folder (env DOCKET_RULES_FOLDER) to the folder holding the .drl files");
        }
        List<Path> files;
        // Links are followed: a Kubernetes ConfigMap volume is a tree of symbolic links into a hidden
        // "..<timestamp>" directory, whose copies the hidden-path check below leaves out.
        try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RulesFolderChangedException(folder, e);
        }
        List<RuleSource> sources = new ArrayList<>();
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            if (RuleSource.Kind.of(relative) == RuleSource.Kind.OTHER || relative.startsWith(".") || relative.contains("/.")) {
                continue;
            }
            try {
                sources.add(new RuleSource(relative, Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                // Deleted between listing and reading, as editors do on save; the caller reads again.
                throw new RulesFolderChangedException(folder, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read rule file " + file.toAbsolutePath(), e);
            }
        }
        if (sources.stream().noneMatch(s -> s.kind().isPolicy())) {
            throw new IllegalStateException("The rules folder " + folder.toAbsolutePath()
                    + " holds no .drl files or decision tables; Docket cannot rank without a policy");
        }
        return sources;
    }

    /** The folder changed while it was being read; reading it again a moment later gives a consistent set. */
    public static final class RulesFolderChangedException extends RuntimeException {
        RulesFolderChangedException(Path folder, Exception cause) {
            super("The rules folder " + folder.toAbsolutePath() + " changed while it was read: " + cause.getMessage(), cause);
        }
    }
}
