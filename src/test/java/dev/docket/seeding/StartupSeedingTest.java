package dev.docket.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.docket.seeding.SeedingStep.Turn;
import org.junit.jupiter.api.Test;

class StartupSeedingTest {

    private record Step(Turn turn) implements SeedingStep {
        @Override
        public void seed() {
        }
    }

    @Test
    void stepsRunInTheOrderOfTheirTurns_whateverOrderTheyArriveIn() {
        List<SeedingStep> arriving = List.of(new Step(Turn.GENERATED_BACKLOG), new Step(Turn.SHOWCASE),
                new Step(Turn.READINESS), new Step(Turn.CRM_SAMPLE), new Step(Turn.CREDENTIALS));

        assertThat(StartupSeeding.inTurn(arriving)).extracting(SeedingStep::turn)
                .containsExactly(Turn.CREDENTIALS, Turn.READINESS, Turn.CRM_SAMPLE, Turn.SHOWCASE, Turn.GENERATED_BACKLOG);
    }

    @Test
    void twoStepsOfOneTurn_areRefused() {
        assertThatThrownBy(() -> StartupSeeding.inTurn(List.of(new Step(Turn.SHOWCASE), new Step(Turn.SHOWCASE))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("share the turn SHOWCASE");
    }
}
