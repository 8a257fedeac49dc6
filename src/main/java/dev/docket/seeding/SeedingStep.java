package dev.docket.seeding;

/**
 * One step of start-up seeding, a bean of the feature whose data it writes. {@link StartupSeeding} runs every step
 * on every start of every instance, in the order of {@link Turn}, so a step must find its work done and do nothing.
 */
public interface SeedingStep {

    /** Where this step runs among the others; no two steps share a turn. */
    Turn turn();

    /** Does the step's work unless it finds it done; called under the seeding lock, never by two instances at once. */
    void seed();

    /** The order of the steps, and why each comes where it does. */
    enum Turn {
        /** The initial API token and the first admin: they need nothing else, and nothing else needs them. */
        CREDENTIALS,
        /**
         * Readiness reconciliation, before the loaders: it re-derives what earlier starts stored under another policy,
         * while the loaders below derive readySince with the policy of the moment, so it need not read them back.
         */
        READINESS,
        /** The bundled CRM sample, which loads only into a database without contracts: before any other contract. */
        CRM_SAMPLE,
        /** The showcase, which varies only an untouched CRM sample: after it, and before anything else is stored. */
        SHOWCASE,
        /** A generated backlog, last: it would keep the CRM sample from loading and the showcase from varying it. */
        GENERATED_BACKLOG
    }
}
