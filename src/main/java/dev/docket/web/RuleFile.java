package dev.docket.web;

import dev.docket.rules.source.RuleSource;

/** A file as the workbench shows it; spreadsheets are binary and are listed, not edited here. */
public record RuleFile(String path, String kind, String text, boolean editable) {
    static RuleFile of(RuleSource s) {
        boolean binary = s.kind() == RuleSource.Kind.DECISION_TABLE_XLSX;
        return new RuleFile(s.path(), s.kind().name(), binary ? "(spreadsheet decision table, " + s.bytes().length
                + " bytes: edit it in a spreadsheet and save it into the rules folder)" : s.text(), !binary);
    }
}
