package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.docket.facts.SeededContracts;

/**
 * Random but reproducible contracts around a scenario's "now", for checking invariants beyond the few
 * contracts a file names: the shared seeded draws ({@link SeededContracts}) with every type and paper,
 * ready for up to eight weeks, target close dates from a month ago to three months ahead or none.
 */
final class ContractGenerator {

    static final int COUNT = 200;
    static final long SEED = SeededContracts.SEED;

    private ContractGenerator() {
    }

    /** The same {@link #COUNT} contracts for the same now, named generated-1, generated-2, ... */
    static List<ContractSpec> around(Instant now) {
        Random r = new Random(SEED);
        LocalDate today = ContractSpec.dateOf(now);
        List<ContractSpec> specs = new ArrayList<>(COUNT);
        for (int i = 1; i <= COUNT; i++) {
            SeededContracts.Draw d = SeededContracts.next(r);
            Set<String> missing = d.missing();
            String type = ContractReader.CONTRACT_TYPES.get(r.nextInt(ContractReader.CONTRACT_TYPES.size()));
            String paper = ContractReader.PAPERS.get(r.nextInt(ContractReader.PAPERS.size()));
            LocalDate close = r.nextInt(4) == 0 ? null : today.plusDays(r.nextInt(121) - 30L);
            Instant readySince = earlier(now, today.minusDays(r.nextInt(57)), r);
            Instant submittedAt = earlier(readySince, ContractSpec.dateOf(readySince).minusDays(r.nextInt(15)), r);
            String name = "generated-" + i;
            specs.add(new ContractSpec(name, "Generated deal " + i, "Account " + (i % 37), "", "", "", type, paper,
                    d.status(), d.value(), d.expansion(), close, submittedAt, missing.isEmpty() ? readySince : null, missing));
        }
        return specs;
    }

    /** A working-hours moment on {@code day}, never after {@code latest}. */
    private static Instant earlier(Instant latest, LocalDate day, Random r) {
        Instant at = day.atTime(8 + r.nextInt(10), r.nextInt(60)).toInstant(ZoneOffset.UTC);
        return at.isAfter(latest) ? latest : at;
    }
}
