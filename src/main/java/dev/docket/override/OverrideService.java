package dev.docket.override;

import dev.docket.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractChanged;
import dev.docket.contract.ContractClosedException;
import dev.docket.contract.ContractNotFoundException;
import dev.docket.contract.ContractRepository;
import dev.docket.facts.OverrideFact;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.system.DatabaseErrors;
import dev.docket.system.Setting;
import dev.docket.system.SettingRepository;
import dev.docket.identity.Actor;
import dev.docket.identity.NotAllowedException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The override ledger. Every write publishes ContractChanged inside its transaction, so the ranking takes
 * the override in (or drops it) right after commit; expiry is announced by {@link OverrideExpiryCheck}.
 */
@Singleton
public class OverrideService {

    /** Above this many contracts one query for all active overrides beats a list of ids, which databases also cap. */
    private static final int IN_LIST_LIMIT = 1_000;
    static final String EXPIRY_CHECKED_UNTIL = "override-expiry-checked-until";

    private final OverrideRepository overrides;
    private final ContractRepository contracts;
    private final OverrideChecks checks;
    private final ApplicationEventPublisher<ContractChanged> events;
    private final ChangeLog changeLog;
    private final SettingRepository settings;
    private final Clock clock;
    private final AuditLog audit;

    OverrideService(OverrideRepository overrides, ContractRepository contracts, OverrideChecks checks,
                    ApplicationEventPublisher<ContractChanged> events, ChangeLog changeLog, SettingRepository settings,
                    Clock clock, AuditLog audit) {
        this.audit = audit;
        this.changeLog = changeLog;
        this.settings = settings;
        this.overrides = overrides;
        this.contracts = contracts;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** The first act: someone asks. Nothing changes in the ranking until an approver approves. */
    @Transactional
    public OverrideView request(long contractId, OverrideRequest r, Actor asker) {
        // The lock comes first, before any plain read: on MariaDB a plain read fixes the transaction's snapshot,
        // and a check against a snapshot from before the lock misses an override committed in between.
        Contract contract = contracts.lockById(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        asker.requireMayAskOn(contractId, contract.owner(), "overrides");
        if (!contract.status().isOpen()) {
            throw new ContractClosedException(contractId, contract.status(), "overrides");
        }
        Instant now = now();
        checks.check(r, now);
        requireNoneInForce(contractId, now);
        overrides.findByContractIdAndApprovedAtIsNullAndRefusedAtIsNullAndExpiresAtGreaterThan(contractId, now).stream().findFirst()
                .ifPresent(pending -> {
                    throw new ActiveOverrideExistsException(pending);
                });
        ContractOverride saved = overrides.save(new ContractOverride(null, contractId, r.pins() ? null : r.points(), r.pins(),
                r.reason().strip(), asker.name(), null, now, r.expiresAt().truncatedTo(ChronoUnit.MICROS), null, null, null,
                null, null, null, null));
        OverrideView view = OverrideView.of(saved, now);
        audit.changed("override", saved.id(), "request", null, view);
        return view;
    }

    /** The second act: an approver who did not ask approves, and the override counts from now until it expires. */
    @Transactional
    public OverrideView approve(long overrideId, Actor approver) {
        ContractOverride o = decidable(overrideId, approver, "approve");
        Instant now = now();
        overrides.releaseExpired(o.contractId(), now);
        requireNoneInForce(o.contractId(), now);
        if (overrides.approveIfPending(overrideId, now, approver.name()) == 0) {
            throw new OverrideNotActiveException(overrideId);
        }
        try {
            overrides.markActive(overrideId);
        } catch (DataAccessException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new ActiveOverrideExistsException(o.contractId());
            }
            throw e;
        }
        // The override counts in the ranking from its approval, so that is when the feed hears of it.
        changeLog.contract(ChangeType.OVERRIDE_CREATED, overrideId, o.contractId(),
                Map.of("pinToTop", o.pinToTop(), "expiresAt", o.expiresAt().toString(), "approvedBy", approver.name()));
        events.publishEvent(new ContractChanged(o.contractId()));
        OverrideView view = OverrideView.of(overrides.findById(overrideId).orElseThrow(), now);
        audit.changed("override", overrideId, "approve", OverrideView.of(o, now), view);
        return view;
    }

    /** The second act, the other way: an approver who did not ask refuses, and the request never counts. */
    @Transactional
    public OverrideView refuse(long overrideId, RevokeRequest r, Actor approver) {
        ContractOverride o = decidable(overrideId, approver, "refuse");
        Instant now = now();
        if (overrides.refuseIfPending(overrideId, now, approver.name(), r.reason().strip()) == 0) {
            throw new OverrideNotActiveException(overrideId);
        }
        OverrideView view = OverrideView.of(overrides.findById(overrideId).orElseThrow(), now);
        audit.changed("override", overrideId, "refuse", OverrideView.of(o, now), view);
        return view;
    }

    private ContractOverride decidable(long overrideId, Actor approver, String act) {
        ContractOverride o = overrides.findById(overrideId).orElseThrow(() -> new OverrideNotFoundException(overrideId));
        // Same lock order as every other write on the contract: its row first, then its children.
        contracts.lockById(o.contractId());
        if (approver.is(o.askedBy())) {
            throw new NotAllowedException("'" + approver.name() + "' asked for override " + overrideId + " and cannot " + act
                    + " it too; another approver must");
        }
        Instant now = now();
        if (!o.isPendingAt(now)) {
            throw new OverrideNotActiveException(o, now);
        }
        return o;
    }

    private void requireNoneInForce(long contractId, Instant now) {
        overrides.findByContractIdAndApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(contractId, now).stream().findFirst()
                .ifPresent(active -> {
                    throw new ActiveOverrideExistsException(active);
                });
    }

    @Transactional
    public OverrideView revoke(long overrideId, RevokeRequest r, Actor by) {
        ContractOverride o = overrides.findById(overrideId).orElseThrow(() -> new OverrideNotFoundException(overrideId));
        // Same lock order as every other write on the contract: its row first, then its children.
        contracts.lockById(o.contractId());
        Instant now = now();
        if (!o.isActiveAt(now)) {
            throw new OverrideNotActiveException(o, now);
        }
        if (overrides.revokeIfActive(overrideId, now, by.name(), r.reason().strip()) == 0) {
            throw new OverrideNotActiveException(overrideId);
        }
        changeLog.contract(ChangeType.OVERRIDE_REVOKED, overrideId, o.contractId(), Map.of("by", by.name()));
        events.publishEvent(new ContractChanged(o.contractId()));
        OverrideView view = OverrideView.of(overrides.findById(overrideId).orElseThrow(), now);
        audit.changed("override", overrideId, "revoke", OverrideView.of(o, now), view);
        return view;
    }

    @Transactional(readOnly = true)
    public List<OverrideView> forContract(long contractId) {
        if (!contracts.existsById(contractId)) {
            throw new ContractNotFoundException(contractId);
        }
        Instant now = clock.instant();
        return overrides.findByContractIdOrderById(contractId).stream().map(o -> OverrideView.of(o, now)).toList();
    }

    /** The override each contract has in force at {@code now}, as the rules see it; one query for all of them. */
    public Map<Long, OverrideFact> activeFacts(Collection<Long> contractIds, Instant now) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        // At most one is active per contract; should two ever be, the newer decision wins.
        // Few contracts hold an override, so for a large backlog all active ones are read and the rest ignored.
        List<ContractOverride> active = contractIds.size() > IN_LIST_LIMIT
                ? overrides.findByApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(now)
                : overrides.findByContractIdInAndApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(contractIds, now);
        Set<Long> wanted = contractIds instanceof Set<Long> set ? set : new HashSet<>(contractIds);
        return active.stream().filter(o -> wanted.contains(o.contractId()))
                .sorted(Comparator.comparing(ContractOverride::createdAt))
                .collect(Collectors.toMap(ContractOverride::contractId, OverrideService::fact, (older, newer) -> newer));
    }

    /**
     * Records an OVERRIDE_EXPIRED change for every approved override that expired since the last check, up to
     * {@code now}, and announces it here; the other instances take it from the change feed. The window is kept in the
     * database, so whichever instance checks next goes on from it (see OverrideExpiryCheck). Returns how many contracts.
     */
    @Transactional
    public int recordExpired(Instant now) {
        Instant upTo = now.truncatedTo(ChronoUnit.MICROS);
        Optional<Setting> checked = settings.findById(EXPIRY_CHECKED_UNTIL);
        Instant after = checked.map(s -> Instant.parse(s.content())).orElse(upTo);
        Setting next = new Setting(EXPIRY_CHECKED_UNTIL, upTo.toString(), upTo);
        if (checked.isPresent()) {
            settings.update(next);
        } else {
            // The first check ever: overrides that expired before it are already left out by every start-up ranking.
            settings.save(next);
        }
        if (!upTo.isAfter(after)) {
            // The clock was set back (tests do, and so can an NTP step); the window starts again from here.
            return 0;
        }
        List<ContractOverride> expired =
                overrides.findByApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThanAndExpiresAtLessThanEquals(after, upTo);
        expired.forEach(o -> changeLog.contract(ChangeType.OVERRIDE_EXPIRED, o.id(), o.contractId(),
                Map.of("expiresAt", o.expiresAt().toString())));
        List<Long> contractIds = expired.stream().map(ContractOverride::contractId).distinct().toList();
        contractIds.forEach(id -> events.publishEvent(new ContractChanged(id)));
        return contractIds.size();
    }

    private static OverrideFact fact(ContractOverride o) {
        return new OverrideFact(o.id(), o.points() == null ? 0.0 : o.points().doubleValue(), o.pinToTop(), o.reason(),
                o.askedBy(), o.approvedBy(), o.expiresAt());
    }

    private Instant now() {
        // Stored as DATETIME(6): keep microseconds so a value reads back exactly as written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
