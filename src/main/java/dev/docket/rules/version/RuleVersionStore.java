package dev.docket.rules.version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.RuleSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Records activations and the shared active pointer, so instances on one database agree on the policy. */
@Singleton
public class RuleVersionStore {

    private final RuleVersionRepository versions;
    private final RuleVersionFileRepository files;
    private final RuleStateRepository state;
    private final ChangeLog changeLog;

    RuleVersionStore(RuleVersionRepository versions, RuleVersionFileRepository files, RuleStateRepository state,
                     ChangeLog changeLog) {
        this.versions = versions;
        this.files = files;
        this.state = state;
        this.changeLog = changeLog;
    }

    /** Records a new activation of {@code ruleSet} and makes it the active version for every instance. */
    @Transactional
    public RuleVersion recordActivation(CompiledRuleSet ruleSet, RuleVersion.Source source, @Nullable String by, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        RuleVersion version = versions.save(new RuleVersion(null, ruleSet.version(), source, now, by,
                String.join("\n", ruleSet.ruleNames())));
        for (RuleSource file : ruleSet.sources()) {
            files.save(new RuleVersionFile(null, version.id(), file.path(), file.bytes()));
        }
        RuleState pointer = new RuleState(RuleState.SINGLETON_ID, version.id(), now);
        if (state.existsById(RuleState.SINGLETON_ID)) {
            state.update(pointer);
        } else {
            state.save(pointer);
        }
        changeLog.other(ChangeType.RULES_ACTIVATED, version.id(), Map.of("hash", version.hash(), "source", source.name()));
        return version;
    }

    @Transactional(readOnly = true)
    public Optional<RuleVersion> active() {
        return state.findById(RuleState.SINGLETON_ID).flatMap(s -> versions.findById(s.activeVersionId()));
    }

    @Transactional(readOnly = true)
    public boolean hasEverActivated(String hash) {
        return !versions.findByHash(hash).isEmpty();
    }

    @Transactional(readOnly = true)
    public List<RuleVersion> list() {
        return versions.listOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public Optional<RuleVersion> find(long id) {
        return versions.findById(id);
    }

    @Transactional(readOnly = true)
    public List<RuleSource> sourcesOf(long versionId) {
        return files.findByVersionIdOrderByPath(versionId).stream()
                .map(f -> new RuleSource(f.path(), f.content()))
                .toList();
    }
}
