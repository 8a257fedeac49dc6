package dev.docket.rules.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.source.TextFiles;
import dev.docket.rules.table.DecisionTable;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The policy files as the Drools parser reads them: one {@link PackageDescr} per .drl file and per decision
 * table (from the DRL the table generates, the same DRL that is compiled). Everything that reads rules (the
 * guard, rule locations, rule forms) reads these descriptors, never the text.
 */
final class ParsedPolicy {

    /** One policy file: its source, its table if it is one, the DRL the parser read, and what the parser made of it. */
    record File(RuleSource source, DecisionTable table, String drl, PackageDescr descr, boolean parsed) {

        /** A problem at a line and column of the DRL, placed on the table's cell for a decision table. */
        RuleProblem at(int line, int column, String word, String message) {
            return table == null ? new RuleProblem(source.path(), line, column, message) : table.locate(line, column, word, message);
        }

        /** The text of a 1-based line of the DRL, or "". */
        String line(int line) {
            String[] lines = drl.split("\n", -1);
            return line >= 1 && line <= lines.length ? lines[line - 1] : "";
        }
    }

    /** A rule and the file that defines it. */
    record Rule(File file, RuleDescr descr) {

        String name() {
            return descr.getName();
        }

        RuleProblem at(String message) {
            return file.at(descr.getLine(), descr.getColumn() + 1, descr.getName(), message);
        }
    }

    private final List<File> files;
    private final List<RuleProblem> unreadable;

    private ParsedPolicy(List<File> files, List<RuleProblem> unreadable) {
        this.files = files;
        this.unreadable = unreadable;
    }

    /** The last sources parsed and what they gave: one check reads the same files in the guard, the compiler and the rule forms. */
    private record Parsed(List<RuleSource> sources, ParsedPolicy policy) {
    }

    private static volatile Parsed last;

    static ParsedPolicy parse(List<RuleSource> sources) {
        Parsed previous = last;
        if (previous != null && previous.sources().equals(sources)) {
            return previous.policy();
        }
        ParsedPolicy policy = parseAll(sources);
        last = new Parsed(List.copyOf(sources), policy);
        return policy;
    }

    private static ParsedPolicy parseAll(List<RuleSource> sources) {
        List<File> files = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (RuleSource source : sources) {
            if (source.kind() == RuleSource.Kind.DRL) {
                try {
                    files.add(parse(source, null, TextFiles.decode(source.bytes())));
                } catch (TextFiles.UnreadableException e) {
                    unreadable.add(new RuleProblem(source.path(), e.line(), 0, e.getMessage()));
                }
            } else if (source.kind().isPolicy()) {
                DecisionTable table = DecisionTable.convert(source);
                if (table.ok()) {
                    files.add(parse(source, table, table.drl()));
                } else {
                    unreadable.addAll(table.problems());
                }
            }
        }
        return new ParsedPolicy(files, unreadable);
    }

    private static File parse(RuleSource source, DecisionTable table, String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            descr = null;
        }
        // A file with syntax errors is reported by the compiler, which words them well and compiles nothing that runs.
        return new File(source, table, drl, descr == null ? new PackageDescr() : descr, descr != null && !parser.hasErrors());
    }

    List<File> files() {
        return files;
    }

    /** Files that are not text, or tables that cannot be read. */
    List<RuleProblem> unreadable() {
        return unreadable;
    }

    /** Every rule of every file that parsed, in file order. */
    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (File file : files) {
            for (RuleDescr rule : file.descr().getRules()) {
                rules.add(new Rule(file, rule));
            }
        }
        return rules;
    }

    Optional<Rule> rule(String name) {
        return rules().stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
