package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up only warms what it runs: its policy must pass every stage of the check, compile and probe included. */
class RuleEngineWarmUpTest {

    @Test
    void warmUpPolicy_passesEveryCheck() {
        CheckResult result = StandaloneChecks.checker().check(RuleEngineWarmUp.SAMPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ruleSet().ruleNames()).containsExactly("Warm-up", "Warm-up row");
    }
}
