package dev.docket.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Writes the change feed. Every write that affects the ranking calls this inside its own transaction, so the event
 * commits (or rolls back) with the change: no change without its event, and no event without its change.
 */
@Singleton
public class ChangeLog {

    private static final int MAX_PAYLOAD = 2_000;

    private final ChangeEventRepository events;
    private final InstanceId instance;
    private final JsonMapper json;
    private final Clock clock;

    ChangeLog(ChangeEventRepository events, InstanceId instance, JsonMapper json, Clock clock) {
        this.events = events;
        this.instance = instance;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change to a contract or to something of a contract's (a gate, an approval, an override). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void contract(ChangeType type, long entityId, long contractId, Map<String, ?> payload) {
        write(type, entityId, contractId, payload);
    }

    /** Records a change that is not about one contract: a rule version going live, a bulk load. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void other(ChangeType type, long entityId, Map<String, ?> payload) {
        write(type, entityId, null, payload);
    }

    private void write(ChangeType type, long entityId, @Nullable Long contractId, Map<String, ?> payload) {
        events.save(new ChangeEvent(null, clock.instant().truncatedTo(ChronoUnit.MICROS), instance.value(), type,
                type.entity(), entityId, contractId, encode(payload)));
    }

    private String encode(Map<String, ?> payload) {
        try {
            String encoded = json.writeValueAsString(payload);
            if (encoded.length() > MAX_PAYLOAD) {
                // The payload is a convenience for subscribers; the entity id always leads to the full record.
                return "{\"truncated\":true}";
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a change event's payload as JSON", e);
        }
    }
}
