package dev.docket.rules.version;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An activation of a rule set: its sequence number (id), content hash, where it came from and who activated it. */
@MappedEntity("rule_version")
public record RuleVersion(@Id @GeneratedValue @Nullable Long id, String hash, Source source, Instant activatedAt,
                          @Nullable String activatedBy, String ruleNames) {

    /** Where an activation came from: a change in the rules folder, an API upload, or a rollback. */
    public enum Source { FILE, API, ROLLBACK }
}
