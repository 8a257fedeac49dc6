package dev.docket.web;

import java.util.List;
import dev.docket.fairness.FairnessReport;

/** The fairness report with its weekly series as uPlot data. */
public record FairnessView(FairnessReport report, String weeksJson) {

    public List<Table> tables() {
        return List.of(new Table("By who asked", report.byAsker()), new Table("By who approved", report.byApprover()),
                new Table("By deal owner", report.byOwner()), new Table("By team", report.byTeam()));
    }

    public record Table(String title, List<FairnessReport.Group> groups) {
    }
}
