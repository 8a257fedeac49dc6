package dev.docket.rules.check;

import java.util.List;

import dev.docket.rules.source.RuleSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the rule engine going while the application framework boots. In a fresh JVM the first rule check costs
 * about three seconds, nearly all of it loading and first running Drools' compiler; the real check of the rules
 * folder can only start once configuration and the database are ready. Checking a one-rule policy and a one-row
 * decision table on a thread of its own, from the first line of main, overlaps that cost with the boot.
 */
public final class RuleEngineWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngineWarmUp.class);
    static final List<RuleSource> SAMPLE = List.of(
            new RuleSource("warm-up.drl", """
                    package docket.policy;
                    import dev.docket.facts.ContractFact;
                    rule "Warm-up"
                    when
                        $c : ContractFact( dealValueBase >= 1000, missingGates.size() == 0 )
                    then
                        $c.add(drools.getRule().getName(), 1.0, "warm-up %,.0f", $c.getDealValueBase());
                    end
                    """),
            new RuleSource("warm-up.csv", String.join("\n",
                    "RuleSet,docket.policy",
                    "Import,dev.docket.facts.ContractFact",
                    ",",
                    "RuleTable Warm-up table",
                    "NAME,CONDITION,ACTION",
                    ",$c : ContractFact,",
                    ",\"contractType == \"\"$param\"\"\",\"$c.add(drools.getRule().getName(), $1, \"\"%s\"\", \"\"$2\"\");\"",
                    "Rule name,Contract type,\"Points, then why\"",
                    "Warm-up row,NDA,\"1, warm-up\"")));

    private RuleEngineWarmUp() {
    }

    public static void start() {
        // A thread of its own, not a Micronaut executor: this runs before the application context, and its executors, exist.
        Thread thread = new Thread(() -> {
            // The sample is known to finish, so its probe runs right here rather than on the rule-probe executor.
            CheckResult result = new CandidateChecker(new RuleSetProbe(Runnable::run)).check(SAMPLE);
            if (!result.ok()) {
                // Harmless for the service, which checks the real folder itself; worth knowing when editing this class.
                LOG.debug("Rule engine warm-up policy did not pass its checks: {}", result.problems());
            }
        }, "docket-rule-engine-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
