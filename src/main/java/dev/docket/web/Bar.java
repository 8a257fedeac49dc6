package dev.docket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.docket.facts.Contribution;

/**
 * A score drawn as a stacked bar: one segment per contribution, its width a share of the page's widest bar and its
 * colour fixed per rule, so the same rule looks the same on every row and every page.
 */
public record Bar(List<Segment> segments) {

    /** @param widthPercent share of the bar's track; negative points are drawn hatched, with their width as magnitude */
    public record Segment(String rule, double points, String reason, double widthPercent, String colour, boolean negative) {

        public String title() {
            return String.format(Locale.ROOT, "%s: %+.1f points, %s", rule, points, reason);
        }

        public String style() {
            return String.format(Locale.ROOT, "width:%.2f%%;background:%s", widthPercent, colour);
        }
    }

    static Bar of(List<Contribution> contributions, double scale) {
        List<Segment> segments = new ArrayList<>(contributions.size());
        for (Contribution c : contributions) {
            if (c.points() == 0) {
                continue;
            }
            double width = scale <= 0 ? 0 : Math.abs(c.points()) / scale * 100.0;
            segments.add(new Segment(c.rule(), c.points(), c.reason(), width, colour(c.rule()), c.points() < 0));
        }
        return new Bar(segments);
    }

    /** The sum of the magnitudes, which is the length the bar needs. */
    static double length(List<Contribution> contributions) {
        return contributions.stream().mapToDouble(c -> Math.abs(c.points())).sum();
    }

    /** A stable hue per rule name; saturation and lightness keep every segment distinct from the page background. */
    public static String colour(String rule) {
        int hue = Math.floorMod(rule.hashCode() * 37, 360);
        return "hsl(" + hue + ",62%,42%)";
    }
}
