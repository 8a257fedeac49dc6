package dev.docket.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds XLSX decision tables in memory with Apache POI, so tests need no binary fixtures. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** A workbook with one sheet per {@code sheets[i]}, named {@code names[i]}; a null cell stays empty. */
    public static byte[] xlsx(String[] names, String[][]... sheets) {
        return write(names, sheets, new int[0][]);
    }

    /** A one-sheet workbook named "Rules" whose cells {@code merge} (row, first column, last column; 0-based) are merged. */
    public static byte[] xlsx(String[][] rows, int[]... merges) {
        return write(new String[] {"Rules"}, new String[][][] {rows}, merges);
    }

    private static byte[] write(String[] names, String[][][] sheets, int[][] firstSheetMerges) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int s = 0; s < sheets.length; s++) {
                Sheet sheet = workbook.createSheet(names[s]);
                for (int r = 0; r < sheets[s].length; r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < sheets[s][r].length; c++) {
                        if (sheets[s][r][c] != null) {
                            row.createCell(c).setCellValue(sheets[s][r][c]);
                        }
                    }
                }
                for (int[] merge : s == 0 ? firstSheetMerges : new int[0][]) {
                    sheet.addMergedRegion(new CellRangeAddress(merge[0], merge[0], merge[1], merge[2]));
                    // As in a workbook saved by Excel, every cell of a merged range exists (Drools skips missing cells).
                    for (int c = merge[1]; c <= merge[2]; c++) {
                        if (sheet.getRow(merge[0]).getCell(c) == null) {
                            sheet.getRow(merge[0]).createCell(c);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quick-review style table used by the XLSX tests: rows 1-5 define it, data rows follow. */
    public static String[][] pointsByTypeTable(String[]... dataRows) {
        String[][] head = {
                {"RuleSet", "docket.policy"},
                {"Import", "dev.docket.facts.ContractFact"},
                {"RuleTable Spreadsheet points"},
                {"NAME", "CONDITION", "CONDITION", "ACTION"},
                {null, "$c : ContractFact", null, null},
                {null, "contractType == \"$param\"", "paper == \"$param\"",
                        "$c.add(drools.getRule().getName(), $1, \"$2 (\" + $c.getContractType() + \" on \" + $c.getPaper() + \" paper)\");"},
                {"Rule", "Type", "Paper", "Points, why"},
        };
        String[][] all = new String[head.length + dataRows.length][];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(dataRows, 0, all, head.length, dataRows.length);
        return all;
    }
}
