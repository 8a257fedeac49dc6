package dev.docket.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.source.TextFiles;
import org.apache.poi.ss.usermodel.Workbook;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DecisionTableParseException;

/**
 * A CSV or XLSX decision table turned into DRL with drools-decisiontables, keeping every cell so that
 * a problem found in the generated DRL (by the policy guard or the compiler) names the cell to fix.
 * The policy guard checks this DRL and the compiler compiles the same DRL, so what is checked is what runs.
 */
public final class DecisionTable {

    private static final Pattern CELL_REFERENCE = Pattern.compile("(?i)\\bcells?\\s+\\[?([A-Z]{1,3})([1-9][0-9]*)\\b");
    private static final Pattern RULE_MARK = Pattern.compile("^\\s*// rule values at ([A-Z]{1,3})([1-9][0-9]*), header at");

    private final RuleSource source;
    private final TableCells cells;
    private final String drl;
    private final String[] drlLines;
    private final List<RuleProblem> problems;
    private final TreeMap<Integer, TableCells.Cell> ruleRows = new TreeMap<>();

    private DecisionTable(RuleSource source, TableCells cells, String drl, List<RuleProblem> problems) {
        this.source = source;
        this.cells = cells;
        this.drl = drl;
        this.problems = List.copyOf(problems);
        this.drlLines = drl == null ? new String[0] : drl.split("\n", -1);
        if (drl != null) {
            for (int i = 0; i < drlLines.length; i++) {
                Matcher m = RULE_MARK.matcher(drlLines[i]);
                if (m.find()) {
                    int row = Integer.parseInt(m.group(2)) - 1;
                    int column = TableCells.columnIndex(m.group(1));
                    TableCells.Cell start = cells.at(row, column);
                    ruleRows.put(i + 1, start != null ? start : new TableCells.Cell("", row, column, ""));
                }
            }
        }
    }

    public static DecisionTable convert(RuleSource source) {
        TableCells cells = new TableCells("");
        DefaultRuleSheetListener rules = new DefaultRuleSheetListener();
        List<RuleProblem> problems = new ArrayList<>();
        String drl = null;
        try {
            if (source.kind() == RuleSource.Kind.DECISION_TABLE_XLSX) {
                Workbook workbook = TableReader.open(source);
                cells = new TableCells(workbook.getSheetName(0));
                TableReader.readWorkbook(source, workbook, cells, rules, problems);
            } else {
                TableReader.readCsv(TextFiles.decode(source.bytes()), List.of(cells, rules));
            }
            problems.addAll(TableHeaders.check(source, cells));
            if (problems.isEmpty()) {
                DRLOutput out = new DRLOutput();
                rules.getRuleSet().renderDRL(out);
                drl = out.getDRL();
            }
        } catch (DecisionTableParseException e) {
            problems.addAll(TableHeaders.check(source, cells));
            if (problems.isEmpty()) {
                problems.add(fromDrools(source, cells, e));
            }
        } catch (TextFiles.UnreadableException e) {
            problems.add(new RuleProblem(source.path(), e.line(), 0, e.getMessage()));
        } catch (RuntimeException e) {
            problems.addAll(TableHeaders.check(source, cells));
            if (problems.isEmpty()) {
                problems.add(new RuleProblem(source.path(), 0, 0, "the decision table cannot be read: " + e.getMessage()));
            }
        }
        return new DecisionTable(source, cells, drl, problems);
    }

    public boolean ok() { return problems.isEmpty(); }
    public String drl() { return drl; }
    public List<RuleProblem> problems() { return problems; }
    RuleSource source() { return source; }

    /** Where the generated DRL is written in the build; problems reported there are mapped back to this table. */
    public String derivedPath() {
        return source.path() + ".drl";
    }

    /**
     * A problem at {@code drlLine} (and {@code drlColumn}, 0 if unknown) of the generated DRL, placed on the
     * table cell that holds the word {@code hint} if given (searched in the rule's own row first), else on the cell of
     * the rule's row whose value the DRL line shows at or before that column, else on the rule's first cell.
     */
    public RuleProblem locate(int drlLine, int drlColumn, String hint, String message) {
        TableCells.Cell cell = cellFor(drlLine, drlColumn, hint);
        return cell == null ? new RuleProblem(source.path(), 0, 0, message) : at(source, cell, message);
    }

    /** The cell {@link #locate} would name, or null when the DRL line belongs to no rule and no cell holds the hint. */
    public TableCells.Cell cellFor(int drlLine, int drlColumn, String hint) {
        Map.Entry<Integer, TableCells.Cell> rule = ruleRows.floorEntry(drlLine);
        int row = rule == null ? -1 : rule.getValue().row();
        TableCells.Cell cell = cells.containing(hint, row);
        if (cell == null && row >= 0) {
            cell = shownOnLine(row, drlLine, drlColumn);
        }
        return cell != null ? cell : rule == null ? null : rule.getValue();
    }

    private TableCells.Cell shownOnLine(int row, int drlLine, int drlColumn) {
        if (drlLine < 1 || drlLine > drlLines.length) {
            return null;
        }
        String text = drlLines[drlLine - 1];
        TableCells.Cell first = null;
        TableCells.Cell before = null;
        int firstAt = Integer.MAX_VALUE;
        int beforeAt = -1;
        for (TableCells.Cell cell : cells.all()) {
            int at = cell.row() == row ? text.indexOf(cell.value().strip()) : -1;
            if (at >= 0 && at < firstAt) {
                first = cell;
                firstAt = at;
            }
            if (at >= 0 && drlColumn > 0 && at <= drlColumn - 1 && at > beforeAt) {
                before = cell;
                beforeAt = at;
            }
        }
        return before != null ? before : first;
    }

    static RuleProblem at(RuleSource source, TableCells.Cell cell, String message) {
        return new RuleProblem(source.path(), cell.row() + 1, cell.column() + 1, where(cell) + ": " + message);
    }

    /** "cell C7", or "sheet 'Rules' cell C7" in a workbook. */
    public static String where(TableCells.Cell cell) {
        return (cell.sheet().isEmpty() ? "" : "sheet '" + cell.sheet() + "' ") + "cell " + cell.name();
    }

    private static RuleProblem fromDrools(RuleSource source, TableCells cells, DecisionTableParseException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        if (message.startsWith("No RuleTable")) {
            return new RuleProblem(source.path(), 0, 0, "the table has no RuleTable: a decision table starts with a cell "
                    + "'RuleTable <name>', followed by a row of column types (CONDITION, ACTION, NAME, ...)");
        }
        Matcher m = CELL_REFERENCE.matcher(message);
        if (!m.find()) {
            return new RuleProblem(source.path(), 0, 0, "the decision table cannot be read: " + message);
        }
        int row = Integer.parseInt(m.group(2)) - 1;
        int column = TableCells.columnIndex(m.group(1));
        TableCells.Cell cell = cells.at(row, column);
        return at(source, cell != null ? cell : new TableCells.Cell(cells.sheetName(), row, column, ""), message);
    }
}
