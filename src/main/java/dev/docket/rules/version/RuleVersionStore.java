package dev.docket.rules.version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleSource;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.system.DatabaseErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
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

    /**
     * Records a new activation of {@code ruleSet} and makes it the active version for every instance, but only
     * if the live version is still {@code expectedLive} (null: none recorded yet): a compare-and-set on the
     * live pointer, so of two activations based on the same version one wins and the other records nothing.
     *
     * @throws ActivationConflictException when the live version moved, or another instance recorded first
     */
    @Transactional
    public RuleVersion recordActivation(CompiledRuleSet ruleSet, RuleVersion.Source source, @Nullable String by, Instant at,
                                        @Nullable Long expectedLive) {
        try {
            return compareAndRecord(ruleSet, source, by, at.truncatedTo(ChronoUnit.MICROS), expectedLive);
        } catch (DataAccessException e) {
            // Two first recordings at once (an empty database, two instances starting): a unique key or a
            // deadlock on the new rows decides the winner.
            DatabaseErrors.Kind kind = DatabaseErrors.classify(e);
            if (kind == DatabaseErrors.Kind.CONSTRAINT || kind == DatabaseErrors.Kind.LOST_RACE) {
                throw new ActivationConflictException("another activation of rule set " + ruleSet.version()
                        + " or of another policy was recorded at the same moment", e);
            }
            throw e;
        }
    }

    private RuleVersion compareAndRecord(CompiledRuleSet ruleSet, RuleVersion.Source source, @Nullable String by, Instant now,
                                         @Nullable Long expectedLive) {
        Optional<RuleState> live = state.lockById(RuleState.SINGLETON_ID);
        Long liveId = live.map(RuleState::activeVersionId).orElse(null);
        if (!Objects.equals(liveId, expectedLive)) {
            throw new ActivationConflictException("the live version is " + liveId + ", not " + expectedLive
                    + " that this activation was based on");
        }
        boolean first = versions.findByHash(ruleSet.version()).isEmpty();
        RuleVersion version = versions.save(new RuleVersion(null, ruleSet.version(), source, now, by,
                String.join("\n", ruleSet.ruleNames())));
        if (first) {
            versions.markFirstOfHash(version.id());
        }
        for (RuleSource file : ruleSet.sources()) {
            files.save(new RuleVersionFile(null, version.id(), file.path(), file.bytes()));
        }
        RuleState pointer = new RuleState(RuleState.SINGLETON_ID, version.id(), now);
        if (live.isPresent()) {
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
