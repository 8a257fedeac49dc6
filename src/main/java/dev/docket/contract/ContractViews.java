package dev.docket.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

/** Builds API views of stored contracts, listing the gates the policy requires even if never set. */
@Singleton
public class ContractViews {

    private final ReadinessPolicy readiness;

    ContractViews(ReadinessPolicy readiness) {
        this.readiness = readiness;
    }

    public ContractView view(Contract c, List<Gate> gates) {
        Set<String> required = readiness.requiredFor(c.contractType());
        Map<String, Gate> byName = gates.stream().collect(Collectors.toMap(Gate::name, Function.identity()));
        Map<String, ContractView.GateView> views = new TreeMap<>();
        for (String name : required) {
            Gate g = byName.get(name);
            views.put(name, g == null
                    ? new ContractView.GateView(name, true, false, null, null)
                    : new ContractView.GateView(name, true, g.passed(), g.changedAt(), g.changedBy()));
        }
        for (Gate g : gates) {
            views.putIfAbsent(g.name(), new ContractView.GateView(g.name(), false, g.passed(), g.changedAt(), g.changedBy()));
        }
        List<String> missing = new ArrayList<>(readiness.missing(c.contractType(), gates));
        // Ready needs every gate and no pending approval; readySince is null while an approval is pending.
        boolean ready = missing.isEmpty() && c.readySince() != null;
        return new ContractView(c.id(), c.externalRef(), c.title(), c.account(), c.owner(), c.team(), c.product(),
                c.contractType(), c.paper(), new Money(c.dealAmount(), c.dealCurrency()),
                new Money(c.expansionAmount(), c.expansionCurrency()), c.targetCloseDate(), c.status(),
                c.submittedAt(), c.readySince(), ready, missing, List.copyOf(views.values()),
                c.assignee(), c.createdAt(), c.updatedAt(), c.version() == null ? 0 : c.version());
    }
}
