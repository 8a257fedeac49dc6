package dev.docket.contract;

import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import jakarta.persistence.criteria.Predicate;

/** The list endpoint's filters; each one given narrows the result, and none means all contracts. */
record ContractFilter(@Nullable ContractStatus status, @Nullable String owner, @Nullable String team,
                      @Nullable Boolean ready) {

    /** Null when no filter is given: an empty conjunction renders as "WHERE" with nothing after it, a SQL error. */
    @Nullable
    PredicateSpecification<Contract> toSpecification() {
        if (status == null && owner == null && team == null && ready == null) {
            return null;
        }
        return (root, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (owner != null) {
                predicates.add(cb.equal(root.get("owner"), owner));
            }
            if (team != null) {
                predicates.add(cb.equal(root.get("team"), team));
            }
            if (ready != null) {
                predicates.add(ready ? cb.isNotNull(root.get("readySince")) : cb.isNull(root.get("readySince")));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }
}
