package dev.docket.rules.check;

import java.util.List;
import java.util.Set;

import dev.docket.rules.source.RuleSource;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Tells whether a policy looks at one contract at a time. Only then may one edited contract be re-scored alone;
 * a rule that compares contracts ("top 10% by value") needs the whole backlog. Read from the parsed rules: a rule
 * looks at one contract only when its conditions are exactly one pattern on ContractFact, taken from working memory,
 * and nothing else. Any other pattern (Object or another supertype, a second ContractFact, anything from
 * {@code from}, {@code accumulate} or {@code collect}), and {@code not}, {@code exists}, {@code forall},
 * {@code or} or {@code eval} can depend on other contracts, so the policy needs the whole backlog.
 * Decision tables are read the same way, from the DRL they generate. A file that does not parse is not per-contract.
 */
public final class RuleForms {

    private static final Set<String> CONTRACT = Set.of("ContractFact", "dev.docket.facts.ContractFact");

    private RuleForms() {
    }

    public static boolean perContract(List<RuleSource> sources) {
        return perContract(ParsedPolicy.of(sources));
    }

    static boolean perContract(ParsedPolicy policy) {
        // A blank table cannot be read, so nothing says its rules look at one contract; a blank .drl has no rules.
        return policy.unreadable().isEmpty() && policy.blank().stream().allMatch(s -> s.kind() == RuleSource.Kind.DRL)
                && policy.files().stream().allMatch(ParsedPolicy.File::parsed)
                && policy.rules().stream().allMatch(rule -> perContract(rule.descr()));
    }

    static boolean perContract(String drl) {
        return perContract(List.of(new RuleSource("rule.drl", drl)));
    }

    private static boolean perContract(RuleDescr rule) {
        List<? extends BaseDescr> conditions = rule.getLhs().getDescrs();
        return conditions.size() == 1 && conditions.get(0) instanceof PatternDescr pattern
                && pattern.getSource() == null && CONTRACT.contains(pattern.getObjectType())
                && pattern.getDescrs().stream().noneMatch(ConditionalElementDescr.class::isInstance);
    }
}
