package dev.docket.rules.check;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.docket.rules.source.RuleSource;
import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The policy in plain language, read from the rule files themselves: each file's opening comment, each rule's name
 * with the intent comment written directly under it (docs/rules.md asks for one), and each decision-table row.
 * Nothing here is hand-written about the policy, so the policy page cannot drift from what ranks the queue.
 */
public final class PlainPolicy {

    /** One rule file: what it is about, and its rules. */
    public record Section(String path, String about, List<Rule> rules) {
    }

    /** One rule: its name as explanations show it, and its intent. */
    public record Rule(String name, String intent) {
    }

    private PlainPolicy() {
    }

    public static List<Section> of(List<RuleSource> sources) {
        List<Section> sections = new ArrayList<>();
        for (RuleSource source : sources) {
            switch (source.kind()) {
                case DRL -> sections.add(drl(source));
                case DECISION_TABLE_CSV -> sections.add(csvTable(source));
                case DECISION_TABLE_XLSX -> sections.add(new Section(source.path(),
                        "A spreadsheet decision table; its rows are listed in the rules workbench.", List.of()));
                default -> { } // scenario tests and other files are not policy
            }
        }
        return sections;
    }

    private static Section drl(RuleSource source) {
        // Rule names and lines come from the parser's descriptors (ParsedPolicy), as everything that reads rules does.
        List<ParsedPolicy.Rule> declared = ParsedPolicy.of(List.of(source)).rules();
        String[] lines = source.text().split("\n", -1);
        int firstRuleLine = declared.stream().mapToInt(r -> r.descr().getLine()).min().orElse(Integer.MAX_VALUE);
        StringBuilder about = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, firstRuleLine - 1); i++) {
            String line = lines[i].strip();
            if (line.startsWith("//")) {
                appendComment(about, line);
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (ParsedPolicy.Rule rule : declared) {
            int from = Math.max(0, Math.min(lines.length, rule.descr().getLine() - 1));
            rules.add(new Rule(rule.name(), intent(String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length)))));
        }
        return new Section(source.path(), about.toString(), rules);
    }

    /** The comment lines directly under the rule's declaration line, before {@code when}. */
    private static String intent(String ruleText) {
        StringBuilder intent = new StringBuilder();
        String[] lines = ruleText.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//")) {
                appendComment(intent, line);
            } else if (!line.isEmpty() && !line.startsWith("salience") && !line.startsWith("no-loop")
                    && !line.startsWith("@")) {
                break;
            }
        }
        return intent.isEmpty() ? "(no intent comment under this rule)" : intent.toString();
    }

    private static void appendComment(StringBuilder to, String line) {
        String text = line.replaceFirst("^//+\\s?", "").strip();
        if (!text.isEmpty()) {
            if (!to.isEmpty()) {
                to.append(' ');
            }
            to.append(text);
        }
    }

    /**
     * A CSV decision table: its Notes row, and every row under a RuleTable as "name: column label = value, ...".
     * The four rows after "RuleTable" are keywords, object types, code and column labels; data rows follow.
     */
    private static Section csvTable(RuleSource source) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.parse(new StringReader(source.text())).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Section(source.path(), "This table cannot be read as CSV: " + e.getMessage(), List.of());
        }
        String about = "";
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String first = cell(records.get(i), 0);
            if (first != null && first.equalsIgnoreCase("Notes")) {
                about = String.valueOf(cell(records.get(i), 1));
            }
            if (first != null && first.startsWith("RuleTable") && i + 4 < records.size()) {
                CSVRecord labels = records.get(i + 4);
                for (int r = i + 5; r < records.size(); r++) {
                    CSVRecord row = records.get(r);
                    String name = cell(row, 0);
                    if (name == null || name.isBlank() || name.startsWith("RuleTable")) {
                        break;
                    }
                    List<String> parts = new ArrayList<>();
                    for (int c = 1; c < row.size(); c++) {
                        String value = cell(row, c);
                        if (value != null && !value.isBlank()) {
                            parts.add(String.valueOf(cell(labels, c)) + ": " + value);
                        }
                    }
                    rules.add(new Rule(name, String.join("; ", parts)));
                }
            }
        }
        return new Section(source.path(), about, rules);
    }

    private static @Nullable String cell(CSVRecord record, int index) {
        return index < record.size() ? record.get(index) : null;
    }
}
