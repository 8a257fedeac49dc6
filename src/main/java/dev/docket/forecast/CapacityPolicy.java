package dev.docket.forecast;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.ContractType;
import dev.docket.contract.Paper;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * docket.capacity, checked and ready to use. Created at start-up ({@link Context}) so a wrong setting
 * stops Docket with the key and the value at fault, instead of failing the first forecast request.
 */
@Context
public class CapacityPolicy {

    private static final int WORK_DAYS_PER_WEEK = 5;

    private final int reviewers;
    private final double hoursPerReviewerWeek;
    private final Map<ContractType, double[]> effort = new EnumMap<>(ContractType.class);

    public CapacityPolicy(CapacityProperties properties) {
        if (properties.reviewers() < 1) {
            throw new ConfigurationException("docket.capacity.reviewers must be at least 1, but is "
                    + properties.reviewers() + "; without reviewers no contract is ever picked up");
        }
        if (!(properties.hoursPerReviewerWeek() > 0) || properties.hoursPerReviewerWeek() > 168) {
            throw new ConfigurationException("docket.capacity.hours-per-reviewer-week must be more than 0 and at most 168, but is "
                    + properties.hoursPerReviewerWeek());
        }
        this.reviewers = properties.reviewers();
        this.hoursPerReviewerWeek = properties.hoursPerReviewerWeek();
        readEffort(properties.effortHours() == null ? Map.of() : properties.effortHours());
    }

    public int reviewers() {
        return reviewers;
    }

    public double hoursPerReviewerWeek() {
        return hoursPerReviewerWeek;
    }

    /** One reviewer's review hours on one business day: the unit the forecast counts work in. */
    public double hoursPerReviewerDay() {
        return hoursPerReviewerWeek / WORK_DAYS_PER_WEEK;
    }

    public double effortHours(ContractType type, Paper paper) {
        return effort.get(type)[paper.ordinal()];
    }

    private void readEffort(Map<String, ? extends Map<String, ?>> configured) {
        for (var entry : configured.entrySet()) {
            ContractType type = Arrays.stream(ContractType.values())
                    .filter(t -> key(t.name()).equals(key(entry.getKey())))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("docket.capacity.effort-hours names an unknown contract type '"
                            + entry.getKey() + "'; the types are " + names(ContractType.values())));
            double[] hours = new double[Paper.values().length];
            Arrays.fill(hours, Double.NaN);
            for (var paper : entry.getValue().entrySet()) {
                Paper p = Arrays.stream(Paper.values())
                        .filter(candidate -> key(candidate.name()).equals(key(paper.getKey())))
                        .findFirst()
                        .orElseThrow(() -> new ConfigurationException("docket.capacity.effort-hours." + kebab(type)
                                + " names an unknown paper '" + paper.getKey() + "'; the papers are " + names(Paper.values())));
                hours[p.ordinal()] = positiveHours(type, p, paper.getValue());
            }
            effort.put(type, hours);
        }
        for (ContractType type : ContractType.values()) {
            double[] hours = effort.get(type);
            for (Paper paper : Paper.values()) {
                if (hours == null || Double.isNaN(hours[paper.ordinal()])) {
                    throw new ConfigurationException("docket.capacity.effort-hours." + kebab(type) + "." + kebab(paper)
                            + " is missing: every contract type needs review hours for each paper (" + names(Paper.values()) + ")");
                }
            }
        }
    }

    /** Map values arrive as numbers or strings depending on the property source; both are accepted. */
    private static double positiveHours(ContractType type, Paper paper, Object value) {
        String where = "docket.capacity.effort-hours." + kebab(type) + "." + kebab(paper);
        double hours;
        try {
            hours = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(where + " must be a number of hours, but is '" + value + "'");
        }
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw new ConfigurationException(where + " must be more than 0 hours, but is " + value
                    + "; every review takes some time");
        }
        return hours;
    }

    private static String key(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(CapacityPolicy::kebab).collect(Collectors.joining(", "));
    }
}
