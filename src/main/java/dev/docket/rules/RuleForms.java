package dev.docket.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a policy looks at one contract at a time. Only then may one edited contract be
 * re-scored alone; a rule that compares contracts ("top 10% by value") needs the whole backlog.
 * A rule needs the whole backlog when its conditions name ContractFact more than once, or use
 * accumulate, collect, exists, forall, not or from. Decision tables match one contract per row.
 */
public final class RuleForms {

    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);
    private static final Pattern RULE_CONDITIONS = Pattern.compile("\\bwhen\\b(.*?)\\bthen\\b", Pattern.DOTALL);
    private static final Pattern FACT = Pattern.compile("\\bContractFact\\s*\\(");
    private static final Pattern WHOLE_BACKLOG_FORMS = Pattern.compile("\\b(accumulate|collect|exists|forall|not|from)\\b");

    private RuleForms() {
    }

    public static boolean perContract(List<RuleSource> sources) {
        return sources.stream().filter(s -> s.kind() == RuleSource.Kind.DRL).allMatch(s -> perContract(s.text()));
    }

    static boolean perContract(String drl) {
        Matcher conditions = RULE_CONDITIONS.matcher(COMMENTS_AND_STRINGS.matcher(drl).replaceAll(" "));
        while (conditions.find()) {
            String lhs = conditions.group(1);
            if (FACT.matcher(lhs).results().count() > 1 || WHOLE_BACKLOG_FORMS.matcher(lhs).find()) {
                return false;
            }
        }
        return true;
    }
}
