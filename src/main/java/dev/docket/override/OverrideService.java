package dev.docket.override;

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
import dev.docket.system.Setting;
import dev.docket.system.SettingRepository;
import dev.docket.system.DatabaseErrors;
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

    OverrideService(OverrideRepository overrides, ContractRepository contracts, OverrideChecks checks,
                    ApplicationEventPublisher<ContractChanged> events, ChangeLog changeLog, SettingRepository settings,
                    Clock clock) {
        this.overrides = overrides;
        this.contracts = contracts;
        this.checks = checks;
        this.events = events;
        this.changeLog = changeLog;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public OverrideView create(long contractId, OverrideRequest r) {
        // The lock comes first, before any plain read: on MariaDB a plain read fixes the transaction's snapshot,
        // and a check against a snapshot from before the lock misses an override committed in between.
        Contract contract = contracts.lockById(contractId).orElseThrow(() -> new ContractNotFoundException(contractId));
        if (!contract.status().isOpen()) {
            throw new ContractClosedException(contractId, contract.status(), "overrides");
        }
        Instant now = now();
        checks.check(r, now);
        overrides.releaseExpired(contractId, now);
        overrides.findByContractIdAndRevokedAtIsNullAndExpiresAtGreaterThan(contractId, now).stream().findFirst()
                .ifPresent(active -> {
                    throw new ActiveOverrideExistsException(active);
                });
        ContractOverride saved = overrides.save(new ContractOverride(null, contractId, r.pins() ? null : r.points(), r.pins(),
                r.reason().strip(), r.askedBy().strip(), r.approvedBy().strip(), now,
                r.expiresAt().truncatedTo(ChronoUnit.MICROS), null, null, null));
        try {
            overrides.markActive(saved.id());
        } catch (DataAccessException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new ActiveOverrideExistsException(contractId);
            }
            throw e;
        }
        changeLog.contract(ChangeType.OVERRIDE_CREATED, saved.id(), contractId,
                Map.of("pinToTop", saved.pinToTop(), "expiresAt", saved.expiresAt().toString()));
        events.publishEvent(new ContractChanged(contractId));
        return OverrideView.of(saved, now);
    }

    @Transactional
    public OverrideView revoke(long overrideId, RevokeRequest r) {
        ContractOverride o = overrides.findById(overrideId).orElseThrow(() -> new OverrideNotFoundException(overrideId));
        // Same lock order as every other write on the contract: its row first, then its children.
        contracts.lockById(o.contractId());
        Instant now = now();
        if (!o.isActiveAt(now)) {
            throw new OverrideNotActiveException(o);
        }
        if (overrides.revokeIfActive(overrideId, now, r.by().strip(), r.reason().strip()) == 0) {
            throw new OverrideNotActiveException(overrideId);
        }
        changeLog.contract(ChangeType.OVERRIDE_REVOKED, overrideId, o.contractId(), Map.of("by", r.by().strip()));
        events.publishEvent(new ContractChanged(o.contractId()));
        return OverrideView.of(new ContractOverride(o.id(), o.contractId(), o.points(), o.pinToTop(), o.reason(), o.askedBy(),
                o.approvedBy(), o.createdAt(), o.expiresAt(), now, r.by().strip(), r.reason().strip()), now);
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
                ? overrides.findByRevokedAtIsNullAndExpiresAtGreaterThan(now)
                : overrides.findByContractIdInAndRevokedAtIsNullAndExpiresAtGreaterThan(contractIds, now);
        Set<Long> wanted = contractIds instanceof Set<Long> set ? set : new HashSet<>(contractIds);
        return active.stream().filter(o -> wanted.contains(o.contractId()))
                .sorted(Comparator.comparing(ContractOverride::createdAt))
                .collect(Collectors.toMap(ContractOverride::contractId, OverrideService::fact, (older, newer) -> newer));
    }

    /**
     * Records an OVERRIDE_EXPIRED change for every override that expired since the last check, up to {@code now}, and
     * announces it here; the other instances take it from the change feed. The window is kept in the database, so
     * whichever instance checks next goes on from it (see OverrideExpiryCheck). Returns how many contracts.
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
        List<ContractOverride> expired = overrides.findByRevokedAtIsNullAndExpiresAtGreaterThanAndExpiresAtLessThanEquals(after, upTo);
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
