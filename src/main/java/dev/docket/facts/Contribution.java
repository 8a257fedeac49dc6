package dev.docket.facts;

/**
 * Points one rule gave one contract, with the reason built from that contract's facts.
 * The explanation of a rank is the list of these; they always sum to the score.
 */
public record Contribution(String rule, double points, String reason) {
}
