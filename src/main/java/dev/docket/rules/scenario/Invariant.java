package dev.docket.rules.scenario;

import java.util.Arrays;
import java.util.List;

/** Promises the policy makes whatever its rules say in detail; a scenario file lists the ones to check. */
public enum Invariant {

    /** A contract with a missing readiness gate is always in the NOT_READY lane, below every READY contract. */
    NOT_READY_NEVER_OUTRANKS_READY("notReadyNeverOutranksReady"),
    /** All else equal, a contract worth more never ranks below the same contract worth less. */
    MORE_VALUE_NEVER_RANKS_LOWER("moreValueNeverRanksLower"),
    /** All else equal, a contract ready since earlier never ranks below the same contract ready since later. */
    OLDER_READY_SINCE_NEVER_RANKS_LOWER("olderReadySinceNeverRanksLower");

    private final String title;

    Invariant(String title) {
        this.title = title;
    }

    /** The name a scenario file uses. */
    public String title() {
        return title;
    }

    static Invariant byName(String name) {
        return Arrays.stream(values()).filter(i -> i.title.equals(name)).findFirst().orElse(null);
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Invariant::title).toList();
    }
}
