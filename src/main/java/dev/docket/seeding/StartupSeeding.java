package dev.docket.seeding;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.system.Once;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Seeds the database at start-up, before the server accepts requests: every {@link SeedingStep} in the order of
 * {@link SeedingStep.Turn}, all under the one seeding lock, so instances starting together seed in turn and the later
 * one finds every step done. One listener instead of one per step, because Micronaut orders StartupEvent listeners by
 * two sorts that disagree on the default (the bean registration's 0, the event publisher's LOWEST_PRECEDENCE), so
 * their order follows bean-definition order unless every one of them states its own.
 */
@Singleton
class StartupSeeding implements ApplicationEventListener<StartupEvent> {

    private final List<SeedingStep> steps;
    private final Once once;

    StartupSeeding(List<SeedingStep> steps, Once once) {
        this.steps = inTurn(steps);
        this.once = once;
    }

    /** The steps in the order they run. */
    static List<SeedingStep> inTurn(Collection<SeedingStep> steps) {
        Map<SeedingStep.Turn, List<SeedingStep>> byTurn = steps.stream().collect(Collectors.groupingBy(SeedingStep::turn));
        byTurn.forEach((turn, sharing) -> {
            if (sharing.size() > 1) {
                throw new IllegalStateException("Seeding steps " + sharing.stream().map(s -> s.getClass().getName()).toList()
                        + " share the turn " + turn + "; give each its own");
            }
        });
        return steps.stream().sorted(Comparator.comparing(SeedingStep::turn)).toList();
    }

    /** The turns of the steps this instance runs, in order. */
    List<SeedingStep.Turn> turns() {
        return steps.stream().map(SeedingStep::turn).toList();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        once.inSeedingTurn(() -> steps.forEach(SeedingStep::seed));
    }
}
