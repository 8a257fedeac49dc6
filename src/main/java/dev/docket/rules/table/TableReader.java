package dev.docket.rules.table;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.source.TextFiles;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/** Feeds the cells of a CSV or XLSX decision table to Drools' rule listener and to a {@link TableCells} recorder. */
final class TableReader {

    private TableReader() {
    }

    static Workbook open(RuleSource source) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(source.bytes()));
        } catch (IOException | RuntimeException e) {
            throw new TextFiles.UnreadableException("file is not a readable XLSX workbook (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().strip()) + ")");
        }
    }

    /**
     * Reads the first sheet into {@code first} and {@code rules}, as Drools does; the other sheets only to refuse
     * a RuleTable there, which Drools would silently skip.
     */
    static void readWorkbook(RuleSource source, Workbook workbook, TableCells first, DefaultRuleSheetListener rules,
                             List<RuleProblem> problems) {
        Map<String, List<DataListener>> sheets = new LinkedHashMap<>();
        sheets.put(workbook.getSheetName(0), List.of(first, rules));
        List<TableCells> others = new ArrayList<>();
        for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
            TableCells other = new TableCells(workbook.getSheetName(i));
            others.add(other);
            sheets.put(workbook.getSheetName(i), List.of(other));
        }
        new ExcelParser(sheets).parseWorkbook(workbook);
        for (TableCells other : others) {
            other.all().stream().filter(TableHeaders::isRuleTable).findFirst().ifPresent(cell -> problems.add(DecisionTable.at(source, cell,
                    "only the first sheet of a workbook is read; move this RuleTable to sheet '" + first.sheetName() + "'")));
        }
    }

    /** The same cell and merge ("...") handling as Drools' CsvParser, but reading UTF-8 whatever the platform charset. */
    static void readCsv(String text, List<DataListener> listeners) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvLineParser lineParser = new CsvLineParser();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            listeners.forEach(l -> l.startSheet("csv"));
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine(), row++) {
                List<String> values = lineParser.parse(line);
                for (DataListener listener : listeners) {
                    listener.newRow(row, values.size());
                }
                int mergeStart = DataListener.NON_MERGED;
                for (int column = 0; column < values.size(); column++) {
                    String value = values.get(column);
                    boolean merged = value.endsWith("...");
                    mergeStart = merged ? (mergeStart == DataListener.NON_MERGED ? column : mergeStart) : DataListener.NON_MERGED;
                    String cellText = merged ? value.substring(0, value.length() - 3) : value;
                    for (DataListener listener : listeners) {
                        listener.newCell(row, column, cellText, mergeStart);
                    }
                }
            }
            listeners.forEach(DataListener::finishSheet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
