package dev.docket.web;

import java.util.List;
import dev.docket.flow.FlowReport;
import io.micronaut.core.annotation.Nullable;

/** The flow report with its weekly closures as uPlot data. */
public record FlowView(FlowReport report, String weeksJson) {

    public List<Table> tables() {
        return List.of(new Table("Overall", List.of(report.overall())), new Table("By contract type", report.byType()),
                new Table("By team", report.byTeam()), new Table("By rule-set version live when the deal became ready",
                        report.byRuleVersion()));
    }

    public static String hours(@Nullable Double h) {
        return h == null ? "–" : h < 48 ? String.format(java.util.Locale.ROOT, "%.1f h", h)
                : String.format(java.util.Locale.ROOT, "%.1f d", h / 24);
    }

    public static String share(@Nullable Double s) {
        return s == null ? "–" : String.format(java.util.Locale.ROOT, "%.0f%%", s * 100);
    }

    public record Table(String title, List<FlowReport.Group> groups) {
    }
}
