package dev.docket.explain;

import java.time.LocalDate;
import java.util.List;

import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** "What would move my deal up?", answered by running the real rules on changed copies of the contract. */
@Serdeable
public record Counterfactuals(List<GateEffect> gates, List<InputChange> inputs, @Nullable TimeEffect time) {

    /** Where the contract would stand if this one gate passed. */
    @Serdeable
    public record GateEffect(String gate, int rank, Lane lane, double score) {
    }

    /** The smallest change to an input a rep controls that moves the contract up at least one place. */
    @Serdeable
    public record InputChange(String input, String from, String to, int rank, int placesGained, double pointsGained,
                              String summary) {
    }

    /** What a business day of waiting adds, and when the contract passes the one just ahead if nothing else changes. */
    @Serdeable
    public record TimeEffect(double pointsPerBusinessDay, @Nullable LocalDate passesNextAheadOn, String summary) {
    }
}
