package dev.docket.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.docket.rules.check.CheckResult;
import dev.docket.rules.check.StandaloneChecks;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleSource;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule sets for benchmarks: the real rules folder, alone or grown to a given number of rules with the kind
 * of rules a legal team adds over time (strategic accounts, product focus, team pushes, a rep's aging deals).
 * The generated rules only add positive points that never fall as value or waiting time grows, so the
 * folder's own scenario tests and invariants still pass and every check runs all of its stages.
 */
public final class SyntheticRules {

    static final String FOLDER = System.getProperty("docket.rules.folder", "rules");
    private static final int RULES_PER_FILE = 50;
    private static final String[] ACCOUNTS = {"Acme Corporation", "Betatech", "Bioholding", "Cheers", "Codehow",
        "Condax", "Dontechi", "Finhigh", "Gekko & Co", "Globex Corporation", "Hottechi", "Kan-code", "Konmatfix",
        "Rangreen", "Sonron", "Sunnamplex", "Treequote", "Umbrella Corporation", "Xx-holding", "Zumgoity"};
    private static final String[] PRODUCTS = {"GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro",
        "GTX Plus Basic", "GTK 500"};
    private static final String[] TYPES = {"ORDER_FORM", "MSA", "NDA", "DPA", "AMENDMENT"};
    private static final String[] TEAMS = {"Central", "East", "West"};
    private static final String[] AGENTS = {"Anna Snelling", "Cecily Lampkin", "Darcel Schlecht", "Hayden Neloms",
        "Maureen Marcano", "Moses Frase", "Vicki Laflamme", "Zane Levy", "Boris Faz", "Cassey Cress"};

    static {
        // Drools warns on every build that a file's folder does not match its package; thousands of builds bury the results.
        ((Logger) LoggerFactory.getLogger("org.drools.compiler.kie.builder.impl.KieBuilderImpl")).setLevel(Level.ERROR);
    }

    private SyntheticRules() {
    }

    /** The rules folder as Docket reads it: policy files and scenario tests. */
    static List<RuleSource> real() {
        return RuleFolder.read(Path.of(FOLDER));
    }

    /** The rules folder compiled as Docket compiles it; a folder that fails its checks stops the benchmark. */
    public static CompiledRuleSet realRuleSet() {
        CheckResult result = StandaloneChecks.checker().check(real());
        if (!result.ok()) {
            throw new IllegalStateException("The rules in " + FOLDER + " fail their checks: " + result.problems());
        }
        return result.ruleSet();
    }

    /** The real folder plus generated rules, {@code totalRules} rules in all. */
    static List<RuleSource> withTotal(int totalRules) {
        List<RuleSource> real = real();
        int extra = totalRules - realRuleSet().ruleNames().size();
        List<RuleSource> sources = new ArrayList<>(real);
        for (int first = 0; first < extra; first += RULES_PER_FILE) {
            sources.add(file(first, Math.min(extra, first + RULES_PER_FILE)));
        }
        return List.copyOf(sources);
    }

    /** The same rule set with a comment naming the edit, so every reload is a distinct version. */
    static List<RuleSource> edited(List<RuleSource> sources, int edit) {
        List<RuleSource> copy = new ArrayList<>(sources);
        for (int i = 0; i < copy.size(); i++) {
            RuleSource s = copy.get(i);
            if (s.kind() == RuleSource.Kind.DRL) {
                copy.set(i, new RuleSource(s.path(), s.text() + "\n// edit " + edit + "\n"));
                return copy;
            }
        }
        throw new IllegalStateException("No .drl file to edit");
    }

    private static RuleSource file(int from, int to) {
        StringBuilder drl = new StringBuilder("package docket.policy;\n\nimport dev.docket.facts.ContractFact;\n\n");
        for (int i = from; i < to; i++) {
            drl.append(rule(i)).append('\n');
        }
        return new RuleSource(String.format(Locale.ROOT, "generated-%02d.drl", from / RULES_PER_FILE + 1), drl.toString());
    }

    private static String rule(int i) {
        int points = 1 + i % 9;
        return switch (i % 4) {
            case 0 -> rule("Strategic account " + i + ": " + at(ACCOUNTS, i),
                    "account == \"" + at(ACCOUNTS, i) + "\", dealValueBase >= " + (1000 * (1 + i % 50)),
                    points + ".0", "\"strategic account " + at(ACCOUNTS, i) + "\"");
            case 1 -> rule("Product focus " + i + ": " + at(PRODUCTS, i) + " " + at(TYPES, i / 7),
                    "product == \"" + at(PRODUCTS, i) + "\", contractType == \"" + at(TYPES, i / 7) + "\"",
                    points + ".0", "\"" + at(PRODUCTS, i) + " is this quarter's focus\"");
            case 2 -> rule("Team push " + i + ": " + at(TEAMS, i),
                    "team == \"" + at(TEAMS, i) + "\", daysToTargetClose != null, daysToTargetClose <= " + (i % 60),
                    points + ".0", "\"" + at(TEAMS, i) + " closes within " + (i % 60) + " days\"");
            default -> rule("Aging deals " + i + ": " + at(AGENTS, i),
                    "owner == \"" + at(AGENTS, i) + "\", businessDaysReady > " + (i % 10),
                    "Math.min(10.0, $c.getBusinessDaysReady() * 0.5)", "\"ready \" + $c.getBusinessDaysReady() + \" business days\"");
        };
    }

    private static String rule(String name, String constraints, String points, String reason) {
        return "rule \"" + name + "\"\nwhen\n    $c : ContractFact( " + constraints + " )\nthen\n"
                + "    $c.add(drools.getRule().getName(), " + points + ", " + reason + ");\nend\n";
    }

    private static String at(String[] values, int i) {
        return values[i % values.length];
    }
}
