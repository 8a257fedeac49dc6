package dev.docket.rules.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.RulesProperties;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.version.RuleVersion;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder and, once it has been quiet for the debounce time, reads it again and
 * offers it to {@link ActiveRuleSet} as a candidate. Editors save in several steps (truncate, write,
 * rename), so a half-saved file is never read: only the folder's state after the last event counts.
 */
@Singleton
@Requires(property = "docket.rules.watch", value = "true", defaultValue = "true")
class RuleFolderWatcher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
    private static final int READ_ATTEMPTS = 5;

    private final ActiveRuleSet rules;
    private final Duration debounce;
    private final ExecutorService loop;
    private volatile WatchService watcher;
    private volatile List<RuleSource> lastOffered;

    RuleFolderWatcher(ActiveRuleSet rules, RulesProperties properties, @Named("rules-watcher") ExecutorService loop) {
        this.rules = rules;
        this.loop = loop;
        this.debounce = properties.debounce();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            watcher = FileSystems.getDefault().newWatchService();
            registerTree(rules.folder());
        } catch (IOException e) {
            LOG.error("Cannot watch {}; rule edits go live only after a restart", rules.folder().toAbsolutePath(), e);
            return;
        }
        // In an empty context: each reload opens its own transactions. The loop ends when close() closes the watcher.
        loop.execute(PropagatedContext.empty().wrap(this::loop));
        LOG.info("Watching {} for rule changes", rules.folder().toAbsolutePath());
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Keep collecting events until the folder has been quiet for the whole debounce time.
                WatchKey next;
                while ((next = watcher.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(WatchKey key) {
        key.pollEvents().forEach(event -> {
            if (event.kind() == ENTRY_CREATE && key.watchable() instanceof Path dir) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    registerQuietly(created);
                }
            }
        });
        key.reset();
    }

    void reload() throws InterruptedException {
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            try {
                List<RuleSource> sources = RuleFolder.read(rules.folder());
                if (sources.equals(lastOffered)) {
                    return;
                }
                lastOffered = sources;
                rules.folderChanged(sources);
                return;
            } catch (RuleFolder.RulesFolderChangedException e) {
                Thread.sleep(debounce.toMillis());
            } catch (RuntimeException e) {
                LOG.error("Reading the rules folder failed; the active version keeps serving", e);
                return;
            }
        }
        LOG.warn("The rules folder kept changing while it was read; waiting for the next change");
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            LOG.warn("Cannot watch new folder {}", dir, e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
