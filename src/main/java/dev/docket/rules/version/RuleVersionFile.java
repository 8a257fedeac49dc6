package dev.docket.rules.version;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One file of a recorded rule set, kept byte for byte (decision tables may be XLSX). */
@MappedEntity("rule_version_file")
public record RuleVersionFile(@Id @GeneratedValue @Nullable Long id, Long versionId, String path, byte[] content) {
}
