package dev.docket.fairness;

import java.util.List;

import dev.docket.contract.FlaggedEdit;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The edits to points-earning fields an explanation flags, oldest first, with the places each gained. */
@Singleton
public class FlaggedEdits {

    private final FieldChangeRepository changes;

    FlaggedEdits(FieldChangeRepository changes) {
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<FlaggedEdit> of(long contractId) {
        return changes.findByContractIdOrderById(contractId).stream()
                .map(c -> new FlaggedEdit(c.fieldName(), c.oldValue(), c.newValue(), c.changedBy(), c.changedAt(), c.placesGained()))
                .toList();
    }
}
