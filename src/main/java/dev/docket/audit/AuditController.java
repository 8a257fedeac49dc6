package dev.docket.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.docket.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Reading the audit log, oldest first, filtered; as JSON pages or as CSV. There is no route that changes it. */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class AuditController {

    private static final int CSV_LIMIT = 100_000;

    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    @Get
    AuditPage list(@QueryValue @Nullable String actor, @QueryValue @Nullable String entity, @QueryValue @Nullable String entityId,
                   @QueryValue @Nullable String action, @QueryValue @Nullable AuditEntry.Outcome outcome,
                   @QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                   @QueryValue(defaultValue = "0") @Min(0) int page,
                   @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int size) {
        Page<AuditEntry> found = entries.findAll(filter(actor, entity, entityId, action, outcome, from, to),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("id"))));
        return new AuditPage(found.getContent(), page, size, found.getTotalSize());
    }

    @Get(value = "/csv", produces = "text/csv")
    HttpResponse<String> csv(@QueryValue @Nullable String actor, @QueryValue @Nullable String entity, @QueryValue @Nullable String entityId,
                             @QueryValue @Nullable String action, @QueryValue @Nullable AuditEntry.Outcome outcome,
                             @QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to) {
        List<AuditEntry> rows = entries.findAll(filter(actor, entity, entityId, action, outcome, from, to),
                Pageable.from(0, CSV_LIMIT, Sort.of(Sort.Order.asc("id")))).getContent();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("id", "at", "actor", "via", "entity", "entityId", "action", "outcome", "before", "after", "detail", "requestId")
                .get())) {
            for (AuditEntry e : rows) {
                csv.printRecord(e.id(), e.at(), e.actor(), e.via(), e.entity(), e.entityId(), e.action(), e.outcome(), e.before(),
                        e.after(), e.detail(), e.requestId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString()).contentType(MediaType.of("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"docket-audit.csv\"");
    }

    @Nullable
    private static PredicateSpecification<AuditEntry> filter(@Nullable String actor, @Nullable String entity, @Nullable String entityId,
                                                             @Nullable String action, @Nullable AuditEntry.Outcome outcome,
                                                             @Nullable Instant from, @Nullable Instant to) {
        if (actor == null && entity == null && entityId == null && action == null && outcome == null && from == null && to == null) {
            return null; // an empty conjunction would render as a bare WHERE
        }
        return (root, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (actor != null) {
                p.add(cb.equal(root.get("actor"), actor));
            }
            if (entity != null) {
                p.add(cb.equal(root.get("entity"), entity));
            }
            if (entityId != null) {
                p.add(cb.equal(root.get("entityId"), entityId));
            }
            if (action != null) {
                p.add(cb.equal(root.get("action"), action));
            }
            if (outcome != null) {
                p.add(cb.equal(root.get("outcome"), outcome));
            }
            if (from != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("at"), from));
            }
            if (to != null) {
                p.add(cb.lessThan(root.get("at"), to));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    @Serdeable
    record AuditPage(List<AuditEntry> items, int page, int size, long total) {
    }
}
