package dev.docket.audit;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

/** One act, done or refused: who, which way in, on what, the changed fields before and after (JSON), when, which request. */
@Serdeable
@MappedEntity("audit_entry")
public record AuditEntry(
        @Id @GeneratedValue @Nullable Long id,
        Instant at,
        String actor,
        String via,
        String entity,
        String entityId,
        String action,
        Outcome outcome,
        @Nullable @MappedProperty("before_json") String before,
        @Nullable @MappedProperty("after_json") String after,
        @Nullable String detail,
        @Nullable String requestId) {

    public enum Outcome { DONE, REFUSED }
}
