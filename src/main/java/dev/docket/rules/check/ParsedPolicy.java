package dev.docket.rules.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A candidate's policy files read once: each file's source, its decoded text (for a decision table, the DRL the
 * table generates, the same DRL that is compiled), the converted table, the Drools parser's descriptors and the
 * lines problems are placed on. The guard, the compiler, the bytecode guard, the probe's rule locations and the
 * rule forms all read this one model, so a check decodes each file once, converts each table once and parses each
 * file once; everything that reads rules reads these descriptors, never the text.
 */
final class ParsedPolicy {

    /** One policy file: its source, its table if it is one, the DRL the parser read, and what the parser made of it. */
    record File(RuleSource source, DecisionTable table, String drl, String[] lines, PackageDescr descr, boolean parsed) {

        /** A problem at a line and column of the DRL, placed on the table's cell for a decision table. */
        RuleProblem at(int line, int column, String word, String message) {
            return table == null ? new RuleProblem(source.path(), line, column, message) : table.locate(line, column, word, message);
        }

        /** The text of a 1-based line of the DRL, or "". */
        String line(int line) {
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

    private final List<RuleSource> sources;
    private final List<RuleSource> policy;
    private final List<RuleSource> blank;
    private final List<File> files;
    private final Map<String, DecisionTable> tables;
    private final List<RuleProblem> unreadable;
    private final List<Rule> rules;
    private final Map<String, Rule> firstByName = new LinkedHashMap<>();

    private ParsedPolicy(List<RuleSource> sources, List<RuleSource> policy, List<RuleSource> blank, List<File> files, Map<String, DecisionTable> tables,
                         List<RuleProblem> unreadable) {
        this.sources = List.copyOf(sources);
        this.policy = policy;
        this.blank = blank;
        this.files = files;
        this.tables = tables;
        this.unreadable = unreadable;
        List<Rule> all = new ArrayList<>();
        for (File file : files) {
            for (RuleDescr rule : file.descr().getRules()) {
                all.add(new Rule(file, rule));
            }
        }
        this.rules = List.copyOf(all);
        rules.forEach(r -> firstByName.putIfAbsent(r.name(), r));
    }

    /**
     * Reads the policy files among {@code sources} (scenario tests are not policy). Files that are empty or only
     * whitespace are set aside unread: the guard refuses them, and there is nothing in them to parse.
     */
    static ParsedPolicy of(List<RuleSource> sources) {
        List<RuleSource> policy = sources.stream().filter(s -> s.kind().isPolicy()).toList();
        List<RuleSource> blank = new ArrayList<>();
        List<File> files = new ArrayList<>();
        Map<String, DecisionTable> tables = new LinkedHashMap<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (RuleSource source : policy) {
            if (isBlank(source)) {
                blank.add(source);
            } else if (source.kind() == RuleSource.Kind.DRL) {
                try {
                    files.add(parse(source, null, TextFiles.decode(source.bytes())));
                } catch (TextFiles.UnreadableException e) {
                    unreadable.add(new RuleProblem(source.path(), e.line(), 0, e.getMessage()));
                }
            } else {
                DecisionTable table = DecisionTable.convert(source);
                tables.put(source.path(), table);
                if (table.ok()) {
                    files.add(parse(source, table, table.drl()));
                } else {
                    unreadable.addAll(table.problems());
                }
            }
        }
        return new ParsedPolicy(sources, policy, List.copyOf(blank), List.copyOf(files), tables, List.copyOf(unreadable));
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
        return new File(source, table, drl, drl.split("\n", -1), descr == null ? new PackageDescr() : descr,
                descr != null && !parser.hasErrors());
    }

    /** Empty, or only whitespace; an XLSX workbook is binary, so only an empty one is blank. */
    private static boolean isBlank(RuleSource source) {
        if (source.bytes().length == 0) {
            return true;
        }
        if (source.kind() == RuleSource.Kind.DECISION_TABLE_XLSX) {
            return false;
        }
        for (byte b : source.bytes()) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** Every file of the candidate, scenario tests included, as given. */
    List<RuleSource> sources() {
        return sources;
    }

    /** Every policy file of the candidate, in order, blank ones included. */
    List<RuleSource> policy() {
        return policy;
    }

    /** Policy files that are empty or only whitespace, in order; they are not parsed. */
    List<RuleSource> blank() {
        return blank;
    }

    /** The files that could be read, in order. */
    List<File> files() {
        return files;
    }

    /** Files that are not text, or tables that cannot be read. */
    List<RuleProblem> unreadable() {
        return unreadable;
    }

    /** The table a decision-table file converts to; a blank one, which the model does not read, is converted on demand. */
    DecisionTable table(RuleSource source) {
        return tables.computeIfAbsent(source.path(), path -> DecisionTable.convert(source));
    }

    /** The 1-based line {@code line} of the policy file at {@code path}, as text, or "". */
    String line(String path, int line) {
        String[] lines = lines(path);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    /** The lines of the policy file at {@code path}: a DRL file's decoded text, or (unparsed) its bytes as UTF-8. */
    String[] lines(String path) {
        for (File file : files) {
            if (file.table() == null && file.source().path().equals(path)) {
                return file.lines();
            }
        }
        for (RuleSource source : policy) {
            if (source.path().equals(path)) {
                return source.text().split("\n", -1);
            }
        }
        return new String[0];
    }

    /** Every rule of every file that parsed, in file order. */
    List<Rule> rules() {
        return rules;
    }

    Optional<Rule> rule(String name) {
        return Optional.ofNullable(firstByName.get(name));
    }
}
