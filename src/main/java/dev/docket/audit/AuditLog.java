package dev.docket.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every mutation in the audit log, inside the transaction of the change (so both commit or neither does), and
 * every refused attempt on its own. The caller and the request id come from the request being served; acts Docket does
 * by itself (start-up, the folder watcher) are recorded as "docket" via "system".
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    public static final String REQUEST_ID = "X-Request-Id";

    private final AuditRepository entries;
    private final SecurityService security;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService blocking;

    AuditLog(AuditRepository entries, SecurityService security, JsonMapper json, Clock clock,
             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.entries = entries;
        this.security = security;
        this.json = json;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** A change, in the caller's transaction; {@code before} and {@code after} are views, and only changed fields are kept. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void changed(String entity, Object id, String action, @Nullable Object before, @Nullable Object after) {
        write(entity, id, action, AuditEntry.Outcome.DONE, before, after, null);
    }

    /** An act that changes nothing else Docket stores (a rule validation, a preview), in a transaction of its own. */
    @Transactional
    public void acted(String entity, Object id, String action, @Nullable Object result) {
        write(entity, id, action, AuditEntry.Outcome.DONE, null, result, null);
    }

    /**
     * An act done off the request thread for a caller known beforehand (a CRM import running as a job): in the
     * caller's transaction if there is one, so an apply's entry commits with it, else in one of its own.
     */
    @Transactional
    public void recorded(String actor, String via, @Nullable String requestId, String entity, Object id, String action,
                         Object after) {
        entries.save(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, via, entity, String.valueOf(id),
                action, AuditEntry.Outcome.DONE, null, text(fields(after)), null, requestId));
    }

    /** A refused attempt; written off the caller's thread and transaction, since the attempt's own work rolled back. */
    public void refused(HttpRequest<?> request, @Nullable Authentication caller, String why) {
        String actor = caller == null ? "anonymous" : caller.getName();
        String via = caller == null ? "none" : String.valueOf(caller.getAttributes().getOrDefault("via", "unknown"));
        String requestId = requestId(request);
        blocking.execute(() -> {
            try {
                entries.save(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, via, "request",
                        request.getPath(), request.getMethodName(), AuditEntry.Outcome.REFUSED, null, null, clip(why), requestId));
            } catch (RuntimeException e) {
                LOG.warn("Could not record the refused {} {} by {}: {}", request.getMethodName(), request.getPath(), actor, e.toString());
            }
        });
    }

    private void write(String entity, Object id, String action, AuditEntry.Outcome outcome, @Nullable Object before,
                       @Nullable Object after, @Nullable String detail) {
        Optional<Authentication> caller = security.getAuthentication();
        String actor = caller.map(Authentication::getName).orElse(ServerRequestContext.currentRequest().isPresent() ? "anonymous" : "docket");
        String via = caller.map(a -> String.valueOf(a.getAttributes().getOrDefault("via", "unknown")))
                .orElse(ServerRequestContext.currentRequest().isPresent() ? "none" : "system");
        Map<String, Object> b = fields(before);
        Map<String, Object> a = fields(after);
        if (before != null && after != null) {
            for (String key : new TreeSet<>(b.keySet())) {
                if (Objects.equals(b.get(key), a.get(key))) {
                    b.remove(key);
                    a.remove(key);
                }
            }
        }
        entries.save(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), actor, via, entity, String.valueOf(id), action,
                outcome, before == null ? null : text(b), after == null ? null : text(a), detail,
                ServerRequestContext.currentRequest().map(AuditLog::requestId).orElse(null)));
    }

    static String requestId(HttpRequest<?> request) {
        return request.getAttribute(REQUEST_ID, String.class).orElseGet(() -> request.getHeaders().get(REQUEST_ID));
    }

    private Map<String, Object> fields(@Nullable Object view) {
        if (view == null) {
            return new LinkedHashMap<>();
        }
        if (view instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return fields(text(copy)); // round-trip so values compare as JSON does
        }
        return fields(text(view));
    }

    private Map<String, Object> fields(String text) {
        try {
            return new LinkedHashMap<>(json.readValue(text, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
