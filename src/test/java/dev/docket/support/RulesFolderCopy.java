package dev.docket.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private copy of the real rules/ folder that a test may edit while a Docket watches it. Registered as an
 * extension ({@code @RegisterExtension static final RulesFolderCopy FOLDER}), it removes itself after the class.
 */
public final class RulesFolderCopy implements AfterAllCallback {

    private final Path root;

    public RulesFolderCopy() {
        try {
            root = Files.createTempDirectory("docket-rules-");
            try (Stream<Path> files = Files.walk(Path.of("rules"))) {
                for (Path source : files.toList()) {
                    Path target = root.resolve(Path.of("rules").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return root;
    }

    /** The settings that point a Docket at this folder, with the given further settings (key, value, ...). */
    public Map<String, String> settings(String... more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("docket.rules.folder", root.toString());
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        deleteAll();
    }

    public String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes through a temporary file and a rename, as editors do, so the watcher never sees half a file. */
    public void write(String file, String content) {
        try {
            Path target = root.resolve(file);
            Path temp = Files.createTempFile(root, ".edit-", ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String file) {
        try {
            Files.deleteIfExists(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
