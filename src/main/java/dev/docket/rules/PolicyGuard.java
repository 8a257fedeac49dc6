package dev.docket.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rules are code: a DRL consequence can call any Java on Docket's classpath. Before a rule set is compiled,
 * the guard reads every .drl file, and the DRL generated from every decision table, and refuses:
 * <ul>
 *   <li>files that are empty, only whitespace, not UTF-8 text, or declare no rule, query, function or type;</li>
 *   <li>imports outside the fact model, java.time, java.util, java.util.function and java.lang.Math;</li>
 *   <li>use of the operating system, threads, reflection, class loading, scripting or the engine internals,
 *       and any fully qualified class outside the allow-list ({@link ForbiddenCode});</li>
 *   <li>the same rule name twice, in one file or across files, since explanations name rules.</li>
 * </ul>
 * Comments and string literals are not scanned, so a reason such as "System down" is fine.
 */
public final class PolicyGuard {

    private PolicyGuard() {
    }

    /** One rule definition: its name and a place to report, as "value.drl line 3" or "quick-reviews.csv cell A10". */
    private record Definition(String name, RuleProblem place, String where) {
    }

    public static List<RuleProblem> check(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Definition> definitions = new ArrayList<>();
        for (RuleSource source : sources) {
            if (!source.kind().isPolicy()) {
                continue;
            }
            if (source.bytes().length == 0 || source.kind() != RuleSource.Kind.DECISION_TABLE_XLSX && isBlank(source)) {
                problems.add(new RuleProblem(source.path(), 0, 0, "file is empty" + (source.bytes().length == 0 ? "" : " (only whitespace)")
                        + "; a rule file needs at least one rule"));
            } else if (source.kind() == RuleSource.Kind.DRL) {
                checkDrl(source, problems, definitions);
            } else {
                checkTable(source, problems, definitions);
            }
        }
        problems.addAll(duplicates(definitions));
        // A table repeats its code cells in every rule it generates; one problem per cell is enough.
        return problems.stream().distinct().toList();
    }

    private static void checkDrl(RuleSource source, List<RuleProblem> problems, List<Definition> definitions) {
        DrlText text;
        try {
            text = new DrlText(TextFiles.decode(source.bytes()));
        } catch (TextFiles.UnreadableException e) {
            problems.add(new RuleProblem(source.path(), e.line(), 0, e.getMessage()));
            return;
        }
        if (!text.declaresAnything()) {
            problems.add(new RuleProblem(source.path(), 0, 0,
                    "no rules: the file declares no rule (nor a query, function or declare), so it would change nothing"));
        }
        problems.addAll(ForbiddenCode.scan(text, (line, column, word, message) -> new RuleProblem(source.path(), line, column, message)));
        for (DrlText.RuleDeclaration rule : text.rules()) {
            definitions.add(new Definition(rule.name(), new RuleProblem(source.path(), rule.line(), rule.column(), ""),
                    source.path() + " line " + rule.line()));
        }
    }

    private static void checkTable(RuleSource source, List<RuleProblem> problems, List<Definition> definitions) {
        DecisionTable table = DecisionTable.convert(source);
        if (!table.ok()) {
            problems.addAll(table.problems());
            return;
        }
        DrlText text = new DrlText(table.drl());
        problems.addAll(ForbiddenCode.scan(text, (line, column, word, message) -> table.locate(line, 0, word, message)));
        for (DrlText.RuleDeclaration rule : text.rules()) {
            TableCells.Cell cell = table.cellFor(rule.line(), 0, rule.name());
            definitions.add(cell == null
                    ? new Definition(rule.name(), new RuleProblem(source.path(), 0, 0, ""), source.path())
                    : new Definition(rule.name(), DecisionTable.at(source, cell, ""), source.path() + " " + DecisionTable.where(cell)));
        }
    }

    /** For a name defined more than once, a problem at each definition, naming every place, so each file's author sees it. */
    private static List<RuleProblem> duplicates(List<Definition> definitions) {
        Map<String, List<Definition>> byName = definitions.stream()
                .collect(Collectors.groupingBy(Definition::name, LinkedHashMap::new, Collectors.toList()));
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, List<Definition>> entry : byName.entrySet()) {
            List<Definition> places = entry.getValue();
            if (places.size() < 2) {
                continue;
            }
            List<String> wheres = places.stream().map(Definition::where).toList();
            String listed = String.join(", ", wheres.subList(0, wheres.size() - 1)) + " and " + wheres.get(wheres.size() - 1);
            String message = "rule '" + entry.getKey() + "' is defined " + (places.size() == 2 ? "twice" : places.size() + " times")
                    + ": in " + listed + "; rule names must be unique across all files, because explanations name the rule";
            for (Definition definition : places) {
                RuleProblem place = definition.place();
                problems.add(new RuleProblem(place.file(), place.line(), place.column(), place.message() + message));
            }
        }
        return problems;
    }

    private static boolean isBlank(RuleSource source) {
        for (byte b : source.bytes()) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
