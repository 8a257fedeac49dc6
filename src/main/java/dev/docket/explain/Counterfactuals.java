package dev.docket.explain;

import java.time.LocalDate;
import java.util.List;

import dev.docket.facts.Lane;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * "What would move my deal up?", answered by running the real rules on changed copies of the contract. Each effect
 * keeps its machine-readable fields for dashboards and adds {@code summary}, one sentence a rep can act on.
 *
 * @param allGates where the contract would stand if every open gate passed; only when more than one is open
 */
@Serdeable
public record Counterfactuals(List<GateEffect> gates, List<InputChange> inputs, @Nullable TimeEffect time,
                              @Nullable GatesTogether allGates) {

    /** Where the contract would stand if this one gate passed. */
    @Serdeable
    public record GateEffect(String gate, int rank, Lane lane, double score, String summary) {
    }

    /** Where the contract would stand if all these gates passed together. */
    @Serdeable
    public record GatesTogether(List<String> gates, int rank, Lane lane, double score, String summary) {
    }

    /**
     * The smallest change to an input a rep controls that moves the contract up at least one place. {@code from} and
     * {@code to} are the raw values (ISO dates, {@code OURS}/{@code CUSTOMER}, whole amounts in the base currency);
     * {@code label}, {@code fromText} and {@code toText} are the same as a rep reads them.
     */
    @Serdeable
    public record InputChange(String input, String from, String to, int rank, int placesGained, double pointsGained,
                              String summary, String label, String fromText, String toText) {
    }

    /**
     * What a business day of waiting adds, and when the contract passes the one just ahead if nothing else changes.
     * {@code reviewStartsFirst}: legal is forecast to start this contract's review on {@code reviewStartsOn}, on or
     * before that date, so waiting will not change when it is picked up.
     */
    @Serdeable
    public record TimeEffect(double pointsPerBusinessDay, @Nullable LocalDate passesNextAheadOn, String summary,
                             @Nullable LocalDate reviewStartsOn, boolean reviewStartsFirst) {
    }
}
