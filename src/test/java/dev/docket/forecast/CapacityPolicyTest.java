package dev.docket.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractType;
import dev.docket.contract.Paper;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

/** A wrong docket.capacity setting is refused with the key at fault and what it should be. */
class CapacityPolicyTest {

    @Test
    void readsHoursPerTypeAndPaperWhateverTheKeyCaseAndTheValueType() {
        Map<String, Map<String, Double>> effort = new HashMap<>(effort());
        Map<String, Object> orderForm = Map.of("OURS", 2, "customer", "4.5");
        effort.put("ORDER_FORM", cast(orderForm));
        effort.remove("order-form");

        CapacityPolicy policy = new CapacityPolicy(new CapacityProperties(2, 30, List.of(), effort));

        assertThat(policy.effortHours(ContractType.ORDER_FORM, Paper.CUSTOMER)).isEqualTo(4.5);
        assertThat(policy.effortHours(ContractType.MSA, Paper.OURS)).isEqualTo(8);
        assertThat(policy.hoursPerReviewerDay()).isEqualTo(6);
    }

    @Test
    void refusesZeroReviewers() {
        assertThatThrownBy(() -> new CapacityPolicy(new CapacityProperties(0, 30, List.of(), effort())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("docket.capacity.reviewers must be at least 1, but is 0");
    }

    @Test
    void refusesHoursPerWeekThatAreNotPositive() {
        assertThatThrownBy(() -> new CapacityPolicy(new CapacityProperties(3, -5, List.of(), effort())))
                .hasMessageContaining("docket.capacity.hours-per-reviewer-week must be more than 0 and at most 168, but is -5.0");
    }

    @Test
    void refusesAnUnknownTypeOrPaperAMissingOneAndHoursThatAreNotPositive() {
        Map<String, Map<String, Double>> typo = new HashMap<>(effort());
        typo.put("ndaa", Map.of("ours", 1.0, "customer", 2.0));
        assertThatThrownBy(() -> policy(typo)).hasMessageContaining(
                "docket.capacity.effort-hours names an unknown contract type 'ndaa'; the types are nda, msa, order-form, dpa, amendment, other");

        Map<String, Map<String, Double>> badPaper = new HashMap<>(effort());
        badPaper.put("dpa", Map.of("ours", 1.0, "theirs", 2.0));
        assertThatThrownBy(() -> policy(badPaper)).hasMessageContaining(
                "docket.capacity.effort-hours.dpa names an unknown paper 'theirs'; the papers are ours, customer");

        Map<String, Map<String, Double>> missing = new HashMap<>(effort());
        missing.put("amendment", Map.of("ours", 1.0));
        assertThatThrownBy(() -> policy(missing)).hasMessageContaining(
                "docket.capacity.effort-hours.amendment.customer is missing");

        Map<String, Map<String, Double>> negative = new HashMap<>(effort());
        negative.put("msa", Map.of("ours", -8.0, "customer", 16.0));
        assertThatThrownBy(() -> policy(negative)).hasMessageContaining(
                "docket.capacity.effort-hours.msa.ours must be more than 0 hours, but is -8.0");

        Map<String, Map<String, Double>> words = new HashMap<>(effort());
        words.put("msa", cast(Map.of("ours", "a day", "customer", 16.0)));
        assertThatThrownBy(() -> policy(words)).hasMessageContaining(
                "docket.capacity.effort-hours.msa.ours must be a number of hours, but is 'a day'");
    }

    private static CapacityPolicy policy(Map<String, Map<String, Double>> effort) {
        return new CapacityPolicy(new CapacityProperties(3, 30, List.of(), effort));
    }

    private static Map<String, Map<String, Double>> effort() {
        return Map.of(
                "nda", Map.of("ours", 1.0, "customer", 2.0),
                "msa", Map.of("ours", 8.0, "customer", 16.0),
                "order-form", Map.of("ours", 2.0, "customer", 4.0),
                "dpa", Map.of("ours", 3.0, "customer", 6.0),
                "amendment", Map.of("ours", 2.0, "customer", 4.0),
                "other", Map.of("ours", 4.0, "customer", 8.0));
    }

    /** Property sources hand over numbers and strings alike, whatever the declared type says. */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> cast(Map<String, ?> raw) {
        return (Map<String, Double>) (Map<String, ?>) raw;
    }
}
