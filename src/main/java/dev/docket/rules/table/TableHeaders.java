package dev.docket.rules.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.drools.decisiontable.parser.ActionType;

/**
 * Checks the row of column types under each RuleTable. Drools accepts any header whose first letter is a
 * known short form, so a typo such as "CONDITON" silently becomes a condition and "COMMENT" an action;
 * here a header must be a column type spelled out in full, or exactly its one-letter form.
 */
final class TableHeaders {

    private TableHeaders() {
    }

    static boolean isRuleTable(TableCells.Cell cell) {
        return cell.value().strip().toLowerCase(Locale.ROOT).startsWith("ruletable");
    }

    static List<RuleProblem> check(RuleSource source, TableCells cells) {
        List<RuleProblem> problems = new ArrayList<>();
        for (TableCells.Cell table : cells.all().stream().filter(TableHeaders::isRuleTable).toList()) {
            for (TableCells.Cell header : cells.all()) {
                if (header.row() == table.row() + 1 && header.column() >= table.column() && !known(header.value())) {
                    problems.add(DecisionTable.at(source, header, "'" + header.value().strip()
                            + "' is not a column type; each column under '" + table.value().strip()
                            + "' must be headed CONDITION, ACTION, NAME or DESCRIPTION (or an attribute such as PRIORITY)"));
                }
            }
        }
        return problems;
    }

    private static boolean known(String header) {
        String value = header.strip().toUpperCase(Locale.ROOT);
        for (ActionType.Code code : ActionType.Code.values()) {
            if (value.equals(code.getColHeader()) || value.equals(code.getColShort())) {
                return true;
            }
        }
        return false;
    }
}
