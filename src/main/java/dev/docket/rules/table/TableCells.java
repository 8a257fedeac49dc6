package dev.docket.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.drools.template.parser.DataListener;

/**
 * Every non-blank cell of a decision table as Drools' parser reads it, recorded alongside the rule
 * listener, so a problem in the generated DRL can be traced back to the cell that caused it.
 * Rows and columns are 0-based here, as in Drools; {@link Cell#name()} gives the spreadsheet name ("C7").
 */
public final class TableCells implements DataListener {

    public record Cell(String sheet, int row, int column, String value) {

        String name() {
            return columnName(column) + (row + 1);
        }
    }

    private final List<Cell> cells = new ArrayList<>();
    private final String sheet;

    /** {@code sheet} is the worksheet name for XLSX, empty for CSV (Drools' Excel parser does not announce sheets). */
    TableCells(String sheet) {
        this.sheet = sheet;
    }

    String sheetName() {
        return sheet;
    }

    List<Cell> all() {
        return cells;
    }

    /** Column letters as a spreadsheet shows them: 0 is A, 25 is Z, 26 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    /** 0-based column index of spreadsheet column letters ("C" is 2). */
    static int columnIndex(String letters) {
        int index = 0;
        for (char c : letters.toUpperCase(Locale.ROOT).toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    Cell at(int row, int column) {
        return cells.stream().filter(c -> c.row() == row && c.column() == column).findFirst().orElse(null);
    }

    /**
     * The first cell of {@code row} (else of the whole sheet) holding the word {@code word}: a match must not
     * be part of a longer name, so "x" does not match "index".
     */
    Cell containing(String word, int row) {
        if (word == null || word.isBlank()) {
            return null;
        }
        Pattern pattern = Pattern.compile("(?<![\\w$])" + Pattern.quote(word.strip()) + "(?![\\w$])");
        for (boolean sameRow : new boolean[] {true, false}) {
            for (Cell cell : cells) {
                if ((!sameRow || cell.row() == row) && cell.value().contains(word.strip()) && pattern.matcher(cell.value()).find()) {
                    return cell;
                }
            }
        }
        return null;
    }

    @Override
    public void startSheet(String name) {
    }

    @Override
    public void finishSheet() {
    }

    @Override
    public void newRow(int row, int columns) {
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            cells.add(new Cell(sheet, row, column, value));
        }
    }
}
