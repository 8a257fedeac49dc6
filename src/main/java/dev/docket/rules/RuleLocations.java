package dev.docket.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds where a rule is defined, so a problem found while the rules run points at the rule's file and line. */
final class RuleLocations {

    private static final Pattern CHANGES_FACTS = Pattern.compile("\\b(update|modify|insert|insertLogical|delete|retract)\\s*[(]");

    /** A rule definition: its name, a problem-shaped place (file, line, column, message prefix), its text and code. */
    private record Definition(String name, RuleProblem place, String text, String code) {
    }

    private RuleLocations() {
    }

    /** A problem placed at the definition of {@code rule}, or with no file when it cannot be found. */
    static RuleProblem at(List<RuleSource> sources, String rule, String message) {
        if (rule != null) {
            for (Definition definition : definitions(sources)) {
                if (definition.name().equals(rule)) {
                    RuleProblem place = definition.place();
                    return new RuleProblem(place.file(), place.line(), place.column(), place.message() + message);
                }
            }
        }
        return new RuleProblem(null, 0, 0, message);
    }

    /** The first rule whose text holds {@code literal} as a string literal ("Made up"), or null. */
    static String quoting(List<RuleSource> sources, String literal) {
        return literal == null ? null : definitions(sources).stream()
                .filter(d -> d.text().contains("\"" + literal + "\""))
                .map(Definition::name).findFirst().orElse(null);
    }

    /** Rules whose consequence changes working memory (update, modify, insert, delete), which can re-trigger rules. */
    static List<String> changingFacts(List<RuleSource> sources) {
        return definitions(sources).stream().filter(d -> CHANGES_FACTS.matcher(d.code()).find()).map(Definition::name).toList();
    }

    private static List<Definition> definitions(List<RuleSource> sources) {
        List<Definition> definitions = new ArrayList<>();
        for (RuleSource source : sources) {
            try {
                if (source.kind() == RuleSource.Kind.DRL) {
                    for (DrlText.RuleDeclaration rule : new DrlText(TextFiles.decode(source.bytes())).rules()) {
                        definitions.add(new Definition(rule.name(), new RuleProblem(source.path(), rule.line(), rule.column(), ""), rule.text(), rule.code()));
                    }
                } else if (source.kind() == RuleSource.Kind.DECISION_TABLE_CSV || source.kind() == RuleSource.Kind.DECISION_TABLE_XLSX) {
                    DecisionTable table = DecisionTable.convert(source);
                    for (DrlText.RuleDeclaration rule : table.ok() ? new DrlText(table.drl()).rules() : List.<DrlText.RuleDeclaration>of()) {
                        definitions.add(new Definition(rule.name(), table.locate(rule.line(), 0, rule.name(), ""), rule.text(), rule.code()));
                    }
                }
            } catch (TextFiles.UnreadableException e) {
                // A file that is not text defines no rule; the policy guard reports it.
            }
        }
        return definitions;
    }
}
