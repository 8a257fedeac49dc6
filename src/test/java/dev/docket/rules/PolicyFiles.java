package dev.docket.rules;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.Contribution;
import dev.docket.facts.ContractFact;

/** Compiles the real files in the top-level rules/ folder, whole or one at a time, for plain JUnit tests. */
public final class PolicyFiles {

    public static final Path FOLDER = Path.of("rules");

    private PolicyFiles() {
    }

    public static CompiledRuleSet all() {
        return RuleSetCompiler.compile(RuleFolder.read(FOLDER));
    }

    public static CompiledRuleSet only(String... files) {
        Set<String> wanted = Set.of(files);
        List<RuleSource> sources = RuleFolder.read(FOLDER).stream().filter(s -> wanted.contains(s.path())).toList();
        if (sources.size() != wanted.size()) {
            throw new IllegalArgumentException("Not all of " + Arrays.toString(files) + " are in " + FOLDER.toAbsolutePath());
        }
        return RuleSetCompiler.compile(sources);
    }

    public static ContractFact score(CompiledRuleSet rules, ContractFact fact) {
        rules.score(List.of(fact));
        return fact;
    }

    /** The single contribution of the named rule, or null when it did not fire. */
    public static Contribution contribution(ContractFact fact, String rule) {
        List<Contribution> matching = fact.getContributions().stream().filter(c -> c.rule().equals(rule)).toList();
        if (matching.size() > 1) {
            throw new AssertionError("rule '" + rule + "' fired " + matching.size() + " times: " + matching);
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    public static Set<String> firedRules(ContractFact fact) {
        return fact.getContributions().stream().map(Contribution::rule).collect(Collectors.toSet());
    }
}
