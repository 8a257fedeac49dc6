package dev.docket.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Decides which gates a contract type needs and which of them are still open. */
@Singleton
public class ReadinessPolicy {

    private static final Pattern GATE_NAME = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    private final Map<ContractType, Set<String>> requiredByType = new EnumMap<>(ContractType.class);
    private final Set<String> knownGates = new TreeSet<>();
    private final Set<String> dataGates = new TreeSet<>();

    public ReadinessPolicy(ReadinessProperties properties) {
        Map<String, List<String>> overrides = properties.requiredByType() == null ? Map.of() : properties.requiredByType();
        for (ContractType type : ContractType.values()) {
            List<String> gates = overrides.entrySet().stream()
                    .filter(e -> normalise(e.getKey()).equals(normalise(type.name())))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(properties.requiredGates());
            gates.forEach(ReadinessPolicy::checkName);
            requiredByType.put(type, Collections.unmodifiableSet(new TreeSet<>(gates)));
            knownGates.addAll(gates);
        }
        if (properties.dataGates() != null) {
            properties.dataGates().forEach(ReadinessPolicy::checkName);
            dataGates.addAll(properties.dataGates());
            knownGates.addAll(dataGates);
        }
    }

    /** Identifies the gates required per type: stored readiness stays valid as long as this does not change. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((requiredByType + " data " + dataGates).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public Set<String> requiredFor(ContractType type) {
        return requiredByType.get(type);
    }

    /** Every gate name the policy knows; setting any other gate is almost always a typo. */
    public Set<String> knownGates() {
        return Collections.unmodifiableSet(knownGates);
    }

    /** Gates that block only a contract on which they are recorded as not passed (see {@link ReadinessProperties}). */
    public Set<String> dataGates() {
        return Collections.unmodifiableSet(dataGates);
    }

    public Set<String> missing(ContractType type, Collection<Gate> gates) {
        Set<String> passed = gates.stream().filter(Gate::passed).map(Gate::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(requiredFor(type));
        missing.removeAll(passed);
        gates.stream().filter(g -> !g.passed() && dataGates.contains(g.name())).forEach(g -> missing.add(g.name()));
        return missing;
    }

    /**
     * When the contract became ready: the moment its last required gate passed, or null while any is open.
     * Derived from the gates' own history, so a gate that re-opens and passes again restarts the clock,
     * and a policy change applies to contracts already stored.
     */
    public @Nullable Instant readySince(ContractType type, Instant submittedAt, Collection<Gate> gates) {
        Set<String> required = requiredFor(type);
        Instant latest = submittedAt;
        int passed = 0;
        for (Gate gate : gates) {
            if (dataGates.contains(gate.name()) && !required.contains(gate.name())) {
                if (!gate.passed()) {
                    return null;
                }
                latest = gate.changedAt().isAfter(latest) ? gate.changedAt() : latest;
            } else if (required.contains(gate.name())) {
                if (!gate.passed()) {
                    return null;
                }
                passed++;
                latest = gate.changedAt().isAfter(latest) ? gate.changedAt() : latest;
            }
        }
        return passed == required.size() ? latest : null;
    }

    /**
     * Readiness with approvals: not ready while any approval request is pending, and once none is, ready from
     * the later of the last required gate passing and the last decision, so the ready clock restarts after a hold.
     */
    public @Nullable Instant readySince(ContractType type, Instant submittedAt, Collection<Gate> gates, ApprovalHolds.Hold hold) {
        Instant gatesPassed = readySince(type, submittedAt, gates);
        if (gatesPassed == null || hold.pending() > 0) {
            return null;
        }
        Instant decided = hold.lastDecidedAt();
        return decided != null && decided.isAfter(gatesPassed) ? decided : gatesPassed;
    }

    public void requireKnown(String field, @Nullable String gate) {
        if (gate == null || !knownGates.contains(gate)) {
            throw new InvalidFieldException(field, "unknown gate '" + gate + "'; the policy knows " + String.join(", ", knownGates));
        }
    }

    private static void checkName(String gate) {
        if (!GATE_NAME.matcher(gate).matches()) {
            throw new IllegalStateException("Readiness gate name '" + gate
                    + "' in docket.readiness must be lower-case kebab case, like 'pricing-approved'");
        }
    }

    private static String normalise(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase();
    }
}
