package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.docket.rules.HostileRules;
import dev.docket.rules.PolicyFiles;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile rule file, added to the real rules folder, is refused by the full candidate check (guard, compile
 * with the bytecode guard, probe, scenarios) with its file, line and what is not allowed, and none of its code runs:
 * no marker file appears and nothing connects to the listening socket, not even a moment later.
 * The same corpus goes through HTTP and the watched folder in {@code HostileRulesIT}.
 */
class HostileRulesTest {

    private static HostileRules.Tripwires tripwires;
    private static List<RuleSource> real;

    @BeforeAll
    static void arm() {
        tripwires = new HostileRules.Tripwires();
        real = RuleFolder.read(PolicyFiles.FOLDER);
    }

    @AfterAll
    static void disarm() throws Exception {
        tripwires.close();
    }

    static List<HostileRules.Variant> variants() {
        return HostileRules.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void isRefusedOnItsLineAndNothingOfItRuns(HostileRules.Variant variant) {
        List<RuleSource> candidate = new ArrayList<>(real);
        candidate.add(new RuleSource(HostileRules.FILE, tripwires.arm(variant)));

        CheckResult result = StandaloneChecks.checker().check(candidate);

        assertThat(result.ok()).as("%s passed the check", variant).isFalse();
        assertThat(result.problems()).as("problems for %s", variant).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(HostileRules.FILE);
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains(variant.refusal());
        });
        assertThat(tripwires.tripped()).as("%s ran", variant).isNull();
    }

    @Test
    void thereAreAtLeastSixtyVariantsAndNoneLeftAnythingRunning() throws InterruptedException {
        assertThat(HostileRules.all()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(HostileRules.all().stream().map(HostileRules.Variant::name).distinct()).hasSameSizeAs(HostileRules.all());
        // A thread or pool started by rejected code would act later, as the parallel stream did.
        Thread.sleep(1_000);
        assertThat(tripwires.tripped()).isNull();
    }
}
