package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a scenario file strictly: every key must be known, every contract named in an expectation must be
 * defined in the file, and every rule named must exist in the rule set under test. All problems in a file
 * are reported at once, each at its line and column.
 */
public final class ScenarioParser {

    static final List<String> KEYS = List.of("description", "now", "contracts", "expectations", "invariants");

    private ScenarioParser() {
    }

    /** Either the scenario (and no problems) or every problem found (and no scenario). */
    public record Result(Scenario scenario, List<RuleProblem> problems) {
    }

    public static Result parse(RuleSource source, List<String> ruleNames) {
        Problems problems = new Problems(source.path());
        Scenario scenario = null;
        try {
            scenario = read(source.path(), composeRoot(source.text(), problems), ruleNames, problems);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.at(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(),
                    "not valid YAML: " + e.getProblem() + context);
        } catch (YAMLException e) {
            problems.at((Node) null, "not valid YAML: " + e.getMessage());
        }
        return problems.isEmpty() ? new Result(scenario, List.of()) : new Result(null, problems.list());
    }

    private static Node composeRoot(String text, Problems problems) {
        Node root = YamlNodes.compose(text);
        if (root == null) {
            problems.at((Node) null, "the file is empty; a scenario needs 'now', 'contracts' and 'expectations'");
        }
        return root;
    }

    private static Scenario read(String file, Node root, List<String> ruleNames, Problems problems) {
        if (root == null) {
            return null;
        }
        YamlNodes yaml = new YamlNodes(problems);
        Map<String, NodeTuple> top = yaml.mapping(root, "a scenario file");
        if (top == null) {
            return null;
        }
        yaml.onlyKnownKeys(top, KEYS, "key");
        String description = top.containsKey("description") ? yaml.text(value(top, "description"), "description") : "";
        if (!top.containsKey("now")) {
            problems.at(root, "missing 'now': the fixed moment the scenario happens at, such as 'now: 2025-06-13T09:00:00Z'");
            return null;
        }
        Instant now = yaml.instant(value(top, "now"), "now");
        if (now == null) {
            return null;
        }
        LocalDate today = ContractSpec.dateOf(now);

        List<ContractSpec> contracts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (top.containsKey("contracts")) {
            Map<String, NodeTuple> entries = yaml.mapping(value(top, "contracts"), "contracts");
            ContractReader reader = new ContractReader(yaml, problems, now, today);
            for (Map.Entry<String, NodeTuple> e : entries == null ? Map.<String, NodeTuple>of().entrySet() : entries.entrySet()) {
                names.add(e.getKey());
                ContractSpec spec = reader.read(e.getKey(), e.getValue().getValueNode());
                if (spec != null) {
                    contracts.add(spec);
                }
            }
        }

        List<Expectation> expectations = new ArrayList<>();
        if (top.containsKey("expectations")) {
            List<Node> items = yaml.sequence(value(top, "expectations"), "expectations");
            ExpectationReader reader = new ExpectationReader(yaml, problems, names, ruleNames);
            for (Node item : items == null ? List.<Node>of() : items) {
                Expectation expectation = reader.read(item);
                if (expectation != null) {
                    expectations.add(expectation);
                }
            }
        }

        List<Scenario.InvariantCheck> invariants = new ArrayList<>();
        if (top.containsKey("invariants")) {
            List<Node> items = yaml.sequence(value(top, "invariants"), "invariants");
            for (Node item : items == null ? List.<Node>of() : items) {
                String name = yaml.text(item, "an invariant");
                Invariant invariant = name == null ? null : Invariant.byName(name);
                if (name != null && invariant == null) {
                    problems.at(item, "unknown invariant '" + name + "'" + Suggest.didYouMean(name, Invariant.names())
                            + "; known invariants: " + String.join(", ", Invariant.names()));
                } else if (invariant != null) {
                    invariants.add(new Scenario.InvariantCheck(invariant, Position.of(item)));
                }
            }
        }

        if (problems.isEmpty() && expectations.isEmpty() && invariants.isEmpty()) {
            problems.at(root, "nothing to check: add 'expectations' or 'invariants'");
        }
        return new Scenario(file, description, now, today, contracts, expectations, invariants);
    }

    private static Node value(Map<String, NodeTuple> entries, String key) {
        return entries.get(key).getValueNode();
    }
}
