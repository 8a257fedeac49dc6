package dev.docket.contract;

import dev.docket.audit.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Every write to a contract goes through here, so the stored {@code readySince} always agrees with
 * {@link ReadinessPolicy#readySince}: the moment the last required gate passed, null while one is open.
 */
@Singleton
public class ContractService {

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ReadinessPolicy readiness;
    private final CurrencyConverter currencies;
    private final ContractViews views;
    private final ApplicationEventPublisher<ContractChanged> events;
    private final ApplicationEventPublisher<ContractValueEdited> valueEdits;
    private final ApprovalHolds approvals;
    private final ChangeLog changeLog;
    private final Clock clock;
    private final AuditLog audit;

    ContractService(ContractRepository contracts, GateRepository gates, ReadinessPolicy readiness,
                    CurrencyConverter currencies, ContractViews views,
                    ApplicationEventPublisher<ContractChanged> events,
                    ApplicationEventPublisher<ContractValueEdited> valueEdits, ApprovalHolds approvals, ChangeLog changeLog,
                    Clock clock, AuditLog audit) {
        this.audit = audit;
        this.contracts = contracts;
        this.gates = gates;
        this.readiness = readiness;
        this.currencies = currencies;
        this.views = views;
        this.events = events;
        this.valueEdits = valueEdits;
        this.approvals = approvals;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ContractView get(long id) {
        Contract c = load(id);
        return views.view(c, gates.findByContractIdOrderByName(id));
    }

    @Transactional(readOnly = true)
    public ContractView getByRef(String externalRef) {
        Contract c = contracts.findByExternalRef(externalRef).orElseThrow(() -> new ContractNotFoundException(externalRef));
        return views.view(c, gates.findByContractIdOrderByName(c.id()));
    }

    @Transactional
    public ContractView create(ContractRequest request, String actor) {
        requireSubmitter(request, actor);
        String ref = request.externalRef();
        if (ref == null || ref.isBlank()) {
            throw new InvalidFieldException("externalRef", "must not be blank");
        }
        contracts.findByExternalRef(ref).ifPresent(existing -> {
            throw new DuplicateExternalRefException(ref, existing.id());
        });
        return insert(ref, request, actor);
    }

    /** Creates or replaces the contract a CRM knows by {@code externalRef}; returns whether it was created. */
    @Transactional
    public Upserted upsert(String externalRef, ContractRequest request, String actor) {
        requireSubmitter(request, actor);
        if (request.externalRef() != null && !request.externalRef().equals(externalRef)) {
            throw new InvalidFieldException("externalRef", "body names '" + request.externalRef()
                    + "' but the path names '" + externalRef + "'");
        }
        var existing = contracts.lockByExternalRef(externalRef);
        if (existing.isEmpty()) {
            return new Upserted(true, insert(externalRef, request, actor));
        }
        Contract current = existing.get();
        if (request.version() != null) {
            checkVersion(current, request.version());
        }
        if (!current.status().isOpen()) {
            // Answering 200 while the contract stays closed would tell the CRM its update took effect.
            throw new ContractClosedException(current.id(), current.status(), "update from the CRM");
        }
        ContractPatch replacement = new ContractPatch(current.version(), request.title(), request.account(),
                request.owner(), request.team(), request.product(), request.contractType(), request.paper(),
                request.dealValue(), request.expansionPotential() == null ? zero(request.dealValue().currency()) : request.expansionPotential(),
                request.targetCloseDate(), null, request.assignee());
        ContractView updated = update(current.id(), replacement, actor);
        if (request.gates() != null && !request.gates().isEmpty()) {
            request.gates().forEach((gate, passed) -> setGate(updated.id(), gate, new GateChange(passed, null), actor));
            return new Upserted(false, get(updated.id()));
        }
        return new Upserted(false, updated);
    }

    @Transactional
    public ContractView update(long id, ContractPatch patch, String actor) {
        Contract c = lock(id);
        checkVersion(c, patch.version());
        if (patch.status() != null && !c.status().canMoveTo(patch.status())) {
            throw new InvalidStatusChangeException(id, c.status(), patch.status());
        }
        Money deal = patch.dealValue();
        Money expansion = patch.expansionPotential();
        if (deal != null) {
            currencies.requireAccepted("dealValue.currency", deal.currency());
        }
        if (expansion != null) {
            currencies.requireAccepted("expansionPotential.currency", expansion.currency());
        }
        Instant now = now();
        Contract unchanged = new Contract(c.id(), c.externalRef(),
                or(patch.title(), c.title()), or(patch.account(), c.account()), or(patch.owner(), c.owner()),
                or(patch.team(), c.team()), or(patch.product(), c.product()),
                or(patch.contractType(), c.contractType()), or(patch.paper(), c.paper()),
                deal == null ? c.dealAmount() : sameAmount(deal.amount(), c.dealAmount()),
                deal == null ? c.dealCurrency() : deal.currency(),
                expansion == null ? c.expansionAmount() : sameAmount(expansion.amount(), c.expansionAmount()),
                expansion == null ? c.expansionCurrency() : expansion.currency(),
                or(patch.targetCloseDate(), c.targetCloseDate()), or(patch.status(), c.status()),
                c.submittedAt(), c.readySince(), or(patch.assignee(), c.assignee()), c.createdAt(), c.updatedAt(), c.version());
        if (unchanged.equals(c)) {
            // Nothing to change: keep version and updatedAt, so a repeated CRM sync neither churns ETags nor
            // gives legal's in-flight edits a 409.
            return views.view(c, gates.findByContractIdOrderByName(id));
        }
        Contract edited = unchanged.withUpdatedAt(now);
        ValueEdits.of(c, edited, actor, now).forEach(valueEdits::publishEvent);
        List<Gate> current = gates.findByContractIdOrderByName(id);
        Contract saved = contracts.update(withReadiness(edited, current, now));
        ChangeType type = saved.status() == c.status() ? ChangeType.CONTRACT_UPDATED
                : saved.status() == ContractStatus.WITHDRAWN ? ChangeType.CONTRACT_WITHDRAWN : ChangeType.CONTRACT_STATUS_CHANGED;
        changeLog.contract(type, id, id, Map.of("version", saved.version(), "status", saved.status().name()));
        ContractView after = changed(saved, current);
        String action = c.status() == saved.status() ? "update" : saved.status() == ContractStatus.WITHDRAWN ? "withdraw" : "status";
        audit.changed("contract", id, action, views.view(c, current), after);
        return after;
    }

    /** Re-derives readySince after something outside the contract changed it, such as an approval request or decision. */
    @Transactional
    public ContractView refreshReadiness(long id) {
        Contract c = lock(id);
        List<Gate> current = gates.findByContractIdOrderByName(id);
        Contract ready = withReadiness(c, current, now());
        return changed(ready == c ? c : contracts.update(ready), current);
    }

    @Transactional
    public ContractView withdraw(long id, long version, String actor) {
        return update(id, new ContractPatch(version, null, null, null, null, null, null, null, null, null, null,
                ContractStatus.WITHDRAWN, null), actor);
    }

    @Transactional
    public ContractView setGate(long id, String gateName, GateChange change, String actor) {
        readiness.requireKnown("gate", gateName);
        Contract c = lock(id);
        if (change.version() != null) {
            checkVersion(c, change.version());
        }
        Instant now = now();
        var existing = gates.findByContractIdAndName(id, gateName);
        if (existing.isPresent() && existing.get().passed() == change.passed()) {
            // Re-sending the same state is not a change: the gate keeps its time and author.
            return views.view(c, gates.findByContractIdOrderByName(id));
        }
        audit.changed("gate", id + "/" + gateName, "set", Map.of("passed", existing.map(g -> (Object) g.passed()).orElse("unset")),
                Map.of("passed", change.passed()));
        Gate written;
        if (existing.isEmpty()) {
            written = gates.save(new Gate(null, id, gateName, change.passed(), now, actor));
        } else {
            Gate g = existing.get();
            written = gates.update(new Gate(g.id(), id, gateName, change.passed(), now, actor));
        }
        changeLog.contract(ChangeType.GATE_SET, written.id(), id, Map.of("gate", gateName, "passed", change.passed()));
        List<Gate> current = gates.findByContractIdOrderByName(id);
        Contract saved = contracts.update(withReadiness(c.withReadySince(c.readySince(), now), current, now));
        return changed(saved, current);
    }

    private ContractView insert(String ref, ContractRequest r, String by) {
        currencies.requireAccepted("dealValue.currency", r.dealValue().currency());
        Money expansion = r.expansionPotential() == null ? zero(r.dealValue().currency()) : r.expansionPotential();
        currencies.requireAccepted("expansionPotential.currency", expansion.currency());
        Map<String, Boolean> initialGates = r.gates() == null ? Map.of() : r.gates();
        initialGates.keySet().forEach(g -> readiness.requireKnown("gates." + g, g));
        initialGates.forEach((g, passed) -> {
            if (passed == null) {
                throw new InvalidFieldException("gates." + g, "must be true or false");
            }
        });
        Instant now = now();
        Contract saved = contracts.save(new Contract(null, ref, r.title(), r.account(), r.owner(), r.team(), r.product(),
                r.contractType(), r.paper(), r.dealValue().amount(), r.dealValue().currency(),
                expansion.amount(), expansion.currency(), r.targetCloseDate(), ContractStatus.SUBMITTED,
                now, null, r.assignee(), now, now, null));
        List<Gate> created = initialGates.entrySet().stream()
                .map(e -> gates.save(new Gate(null, saved.id(), e.getKey(), e.getValue(), now, by)))
                .toList();
        Contract ready = withReadiness(saved, created, now);
        changeLog.contract(ChangeType.CONTRACT_CREATED, saved.id(), saved.id(), Map.of("externalRef", ref));
        ContractView view = changed(ready == saved ? saved : contracts.update(ready), created);
        audit.changed("contract", view.id(), "create", null, view);
        return view;
    }

    /** A CRM export's submittedBy may stay in the body, but it cannot name someone other than the caller. */
    private static void requireSubmitter(ContractRequest request, String actor) {
        if (request.submittedBy() != null && !request.submittedBy().strip().equalsIgnoreCase(actor.strip())) {
            throw new InvalidFieldException("submittedBy", "names '" + request.submittedBy().strip() + "' but the caller is '" + actor
                    + "'; Docket records the authenticated caller, so leave submittedBy out or make it the caller");
        }
    }

    private Contract withReadiness(Contract c, List<Gate> current, Instant now) {
        Instant readySince = readiness.readySince(c.contractType(), c.submittedAt(), current, approvals.of(c.id()));
        return Objects.equals(readySince, c.readySince()) ? c : c.withReadySince(readySince, now);
    }

    private ContractView changed(Contract saved, List<Gate> current) {
        events.publishEvent(new ContractChanged(saved.id()));
        return views.view(saved, current);
    }

    private Contract load(long id) {
        return contracts.findById(id).orElseThrow(() -> new ContractNotFoundException(id));
    }

    /**
     * Loads the contract for a write and holds its row lock until commit: a concurrent writer waits here, then
     * sees this one's version and answers 409 like any stale version, instead of deadlocking further on.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Contract lock(long id) {
        return contracts.lockById(id).orElseThrow(() -> new ContractNotFoundException(id));
    }

    private static void checkVersion(Contract c, long given) {
        if (!Objects.equals(c.version(), given)) {
            throw new StaleVersionException(c.id(), given, c.version());
        }
    }

    private Instant now() {
        // Stored as DATETIME(6): keep microseconds so a value reads back exactly as written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** 48210 and 48210.00 are the same amount; keep the stored scale so an equal value compares equal. */
    private static BigDecimal sameAmount(BigDecimal given, BigDecimal stored) {
        return stored != null && given.compareTo(stored) == 0 ? stored : given;
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }

    public record Upserted(boolean created, ContractView contract) {
    }
}
