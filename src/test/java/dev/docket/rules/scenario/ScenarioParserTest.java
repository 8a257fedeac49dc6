package dev.docket.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.junit.jupiter.api.Test;

/** Reading scenario files: defaults, and a precise message at the right place for every mistake. */
class ScenarioParserTest {

    private static final List<String> RULES = List.of("Deal value", "First in, first out");

    private static ScenarioParser.Result parse(String yaml) {
        return ScenarioParser.parse(new RuleSource("tests/x.yaml", yaml), RULES);
    }

    private static List<String> problems(String yaml) {
        return parse(yaml).problems().stream().map(RuleProblem::toString).toList();
    }

    /** A file with one contract A (given its fields as a flow mapping) and an expectation on it. */
    private static List<String> contract(String fields) {
        return problems("now: 2025-06-13\ncontracts:\n  A: " + fields + "\nexpectations:\n  - lane: {contract: A, is: READY}\n");
    }

    @Test
    void everyFieldDefaultsToThePlainestDeal() {
        ScenarioParser.Result result = parse("""
                description: defaults
                now: 2025-06-13T09:00:00Z
                contracts:
                  A:
                  B: {ready: false}
                  C: {readySince: 2025-06-02, dealValue: 1_000_000}
                expectations:
                  - outranks: [A, B]
                """);
        assertThat(result.problems()).isEmpty();
        Scenario s = result.scenario();
        assertThat(s.today()).isEqualTo(LocalDate.of(2025, 6, 13));
        ContractSpec a = s.contracts().get(0);
        assertThat(a.contractType()).isEqualTo("OTHER");
        assertThat(a.paper()).isEqualTo("OURS");
        assertThat(a.status()).isEqualTo("SUBMITTED");
        assertThat(a.dealValue()).isZero();
        assertThat(a.readySince()).isEqualTo(s.now());
        assertThat(a.submittedAt()).isEqualTo(s.now());
        assertThat(a.title()).isEqualTo("A");
        assertThat(s.contracts().get(1).missingGates()).isEqualTo(Set.of("signatory-known"));
        assertThat(s.contracts().get(1).readySince()).isNull();
        ContractSpec c = s.contracts().get(2);
        assertThat(c.readySince()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
        assertThat(c.submittedAt()).isEqualTo(c.readySince());
        assertThat(c.dealValue()).isEqualTo(1_000_000);
        assertThat(c.toFact(3, s.today()).getBusinessDaysReady()).isEqualTo(9);
    }

    @Test
    void anEmptyFileAndAFileWithNothingToCheck() {
        assertThat(problems("")).containsExactly(
                "tests/x.yaml:1:1: the file is empty; a scenario needs 'now', 'contracts' and 'expectations'");
        assertThat(problems("now: 2025-06-13\ncontracts:\n  A: {}\n")).containsExactly(
                "tests/x.yaml:1:1: nothing to check: add 'expectations' or 'invariants'");
    }

    @Test
    void unknownTopLevelKeysAndDuplicates() {
        assertThat(problems("""
                now: 2025-06-13
                expectation:
                  - lane: {contract: A, is: READY}
                """)).contains("tests/x.yaml:2:1: unknown key 'expectation' (did you mean 'expectations'?); "
                + "known keys: description, now, contracts, expectations, invariants");
        assertThat(problems("""
                now: 2025-06-13
                contracts:
                  A: {}
                  A: {dealValue: 5}
                invariants: [moreValueNeverRanksLower]
                """)).containsExactly("tests/x.yaml:4:3: 'A' appears twice in contracts");
    }

    @Test
    void nowMustBeADateOrAnInstantWithAZone() {
        assertThat(problems("now: 2025-06-13T09:00:00\ninvariants: [moreValueNeverRanksLower]\n")).containsExactly(
                "tests/x.yaml:1:6: now must be a date such as 2025-06-13 or an instant such as 2025-06-13T09:30:00Z, "
                        + "not '2025-06-13T09:00:00'");
        assertThat(parse("now: 2025-06-13T11:00:00+02:00\ninvariants: [moreValueNeverRanksLower]\n").scenario().now())
                .isEqualTo(Instant.parse("2025-06-13T09:00:00Z"));
    }

    @Test
    void fieldValuesAreChecked() {
        assertThat(contract("{contractType: nda}")).containsExactly(
                "tests/x.yaml:3:21: contractType 'nda' is not one of NDA, MSA, ORDER_FORM, DPA, AMENDMENT, OTHER (values are upper case)");
        assertThat(contract("{status: APPROVED}")).containsExactly(
                "tests/x.yaml:3:15: status 'APPROVED' is not one of SUBMITTED, IN_REVIEW, WAITING_ON_SALES");
        assertThat(contract("{dealValue: \"1,000\"}")).containsExactly(
                "tests/x.yaml:3:18: dealValue must be a number such as 250000 or 42.5, not '1,000'");
        assertThat(contract("{dealValue: -5}")).containsExactly("tests/x.yaml:3:18: dealValue cannot be negative");
        assertThat(contract("{dealValue: {amount: 5000, currency: EUR}}")).containsExactly(
                "tests/x.yaml:3:18: dealValue is one number in the base currency (USD unless docket.money.base-currency "
                        + "says otherwise); scenario files do not convert currencies");
        assertThat(contract("{targetCloseDate: next week}")).containsExactly(
                "tests/x.yaml:3:24: targetCloseDate must be a date such as 2025-06-13, not 'next week'");
        assertThat(contract("{ready: no}")).containsExactly("tests/x.yaml:3:14: ready 'no' is not one of true, false");
        assertThat(contract("{missingGates: pricing-approved}")).containsExactly(
                "tests/x.yaml:3:21: missingGates must be a list such as [A, B], not the value 'pricing-approved'");
    }

    @Test
    void readinessFieldsMustAgree() {
        assertThat(contract("{readySince: 2025-06-02, missingGates: [pricing-approved]}")).containsExactly(
                "tests/x.yaml:3:7: contract 'A' has missing gates, so it has no readySince; remove readySince or the missing gates");
        assertThat(contract("{ready: true, missingGates: [pricing-approved]}")).containsExactly(
                "tests/x.yaml:3:7: a contract with missingGates cannot be 'ready: true'");
        assertThat(contract("{ready: false, missingGates: []}")).containsExactly(
                "tests/x.yaml:3:7: 'ready: false' needs at least one missing gate, or no missingGates");
        assertThat(contract("{readySince: 2025-06-14}")).containsExactly(
                "tests/x.yaml:3:19: readySince 2025-06-14 is after now (2025-06-13)");
    }

    @Test
    void expectationsMustBeWellFormed() {
        String base = "now: 2025-06-13\ncontracts:\n  A: {}\n  B: {}\nexpectations:\n";
        assertThat(problems(base + "  - outrank: [A, B]\n")).containsExactly("tests/x.yaml:6:5: unknown expectation 'outrank' "
                + "(did you mean 'outranks'?); known expectations: order, outranks, lane, score, contributed, notFired, reasonContains");
        assertThat(problems(base + "  - outranks: [A, B]\n    order: [A, B]\n")).containsExactly("tests/x.yaml:6:5: each "
                + "expectation is one of order, outranks, lane, score, contributed, notFired, reasonContains; start each on its own line with '- '");
        assertThat(problems(base + "  - outranks: [A, B, A]\n")).hasSize(1);
        assertThat(problems(base + "  - order: [A]\n")).containsExactly("tests/x.yaml:6:12: order needs at least two contracts");
        assertThat(problems(base + "  - score: {contract: A}\n")).containsExactly(
                "tests/x.yaml:6:12: score takes either 'equals: 42.5' or 'between: [40, 50]'");
        assertThat(problems(base + "  - score: {contract: A, between: [50, 40]}\n")).containsExactly(
                "tests/x.yaml:6:35: between [50.0, 40.0] is empty; write the lowest score first");
        assertThat(problems(base + "  - contributed: {rule: Deal value, contract: A}\n")).containsExactly(
                "tests/x.yaml:6:18: contributed needs 'points'");
        assertThat(problems(base + "  - lane: {contract: A, is: BLOCKED}\n")).containsExactly(
                "tests/x.yaml:6:29: lane 'BLOCKED' is not one of READY, NOT_READY");
        assertThat(problems(base + "  - notFired: {rule: Deal value, contract: A, points: 3}\n")).containsExactly(
                "tests/x.yaml:6:47: unknown notFired field 'points'; known notFired fields: rule, contract");
    }

    @Test
    void yamlTagsAreRefusedAndNothingIsConstructed() {
        assertThat(problems("now: !!javax.script.ScriptEngineManager [x]\ninvariants: [moreValueNeverRanksLower]\n"))
                .hasSize(1).first().asString().startsWith("tests/x.yaml:1:6: not valid YAML: Global tag is not allowed");
        assertThat(problems("now: !date 2025-06-13\ninvariants: [moreValueNeverRanksLower]\n")).containsExactly(
                "tests/x.yaml:1:6: now has the YAML tag '!date'; scenario files do not use tags");
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        assertThat(problems("""
                now: 2025-06-13
                contracts:
                  A: {paper: ours}
                  B: {dealvalue: 5}
                expectations:
                  - outranks: [A, C]
                  - contributed: {rule: Value, contract: B, points: 1}
                """)).extracting(p -> p.substring(0, p.indexOf(": "))).containsExactly(
                "tests/x.yaml:3:14", "tests/x.yaml:4:7", "tests/x.yaml:6:19", "tests/x.yaml:7:25");
    }
}
