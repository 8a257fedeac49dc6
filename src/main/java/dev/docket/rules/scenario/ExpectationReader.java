package dev.docket.rules.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.docket.facts.Lane;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads the {@code expectations} list: each entry is one kind, such as {@code - outranks: [A, B]}. */
final class ExpectationReader {

    static final List<String> KINDS = List.of("order", "outranks", "lane", "score", "contributed", "notFired",
            "reasonContains");

    private final YamlNodes yaml;
    private final Problems problems;
    private final List<String> contracts;
    private final List<String> rules;

    ExpectationReader(YamlNodes yaml, Problems problems, List<String> contracts, List<String> rules) {
        this.yaml = yaml;
        this.problems = problems;
        this.contracts = contracts;
        this.rules = rules;
    }

    /** The expectation, or null after reporting what is wrong with it. */
    Expectation read(Node node) {
        Map<String, NodeTuple> entry = yaml.mapping(node, "an expectation");
        if (entry == null) {
            return null;
        }
        if (entry.size() != 1) {
            problems.at(node, "each expectation is one of " + String.join(", ", KINDS)
                    + "; start each on its own line with '- '");
            return null;
        }
        String kind = entry.keySet().iterator().next();
        NodeTuple tuple = entry.get(kind);
        Position at = Position.of(tuple.getKeyNode());
        Node value = tuple.getValueNode();
        int before = problems.size();
        Expectation expectation = switch (kind) {
            case "order" -> order(at, value);
            case "outranks" -> outranks(at, value);
            case "lane" -> lane(at, value);
            case "score" -> score(at, value);
            case "contributed" -> contributed(at, value);
            case "notFired" -> notFired(at, value);
            case "reasonContains" -> reasonContains(at, value);
            default -> {
                problems.at(tuple.getKeyNode(), "unknown expectation '" + kind + "'" + Suggest.didYouMean(kind, KINDS)
                        + "; known expectations: " + String.join(", ", KINDS));
                yield null;
            }
        };
        return problems.size() > before ? null : expectation;
    }

    private Expectation order(Position at, Node value) {
        List<String> names = contractList(value, "order");
        if (names != null && names.size() < 2) {
            problems.at(value, "order needs at least two contracts");
        }
        return names == null ? null : new Expectation.Order(at, names);
    }

    private Expectation outranks(Position at, Node value) {
        List<String> names = contractList(value, "outranks");
        if (names != null && names.size() != 2) {
            problems.at(value, "outranks takes exactly two contracts, [higher, lower]; use order for more");
            return null;
        }
        return names == null ? null : new Expectation.Outranks(at, names.get(0), names.get(1));
    }

    private Expectation lane(Position at, Node value) {
        Map<String, NodeTuple> f = fields(value, "lane", List.of("contract", "is"), List.of("contract", "is"));
        if (f == null) {
            return null;
        }
        String contract = contract(f.get("contract").getValueNode(), "lane");
        String lane = yaml.oneOf(f.get("is").getValueNode(), "lane", List.of("READY", "NOT_READY"));
        return lane == null ? null : new Expectation.InLane(at, contract, Lane.valueOf(lane));
    }

    private Expectation score(Position at, Node value) {
        Map<String, NodeTuple> f = fields(value, "score", List.of("contract", "equals", "between"), List.of("contract"));
        if (f == null) {
            return null;
        }
        String contract = contract(f.get("contract").getValueNode(), "score");
        if (f.containsKey("equals") == f.containsKey("between")) {
            problems.at(value, "score takes either 'equals: 42.5' or 'between: [40, 50]'");
            return null;
        }
        if (f.containsKey("equals")) {
            Double equals = yaml.number(f.get("equals").getValueNode(), "equals");
            return new Expectation.Score(at, contract, equals, null, null);
        }
        Node range = f.get("between").getValueNode();
        List<Node> bounds = yaml.sequence(range, "between");
        if (bounds == null || bounds.size() != 2) {
            problems.at(range, "between takes two numbers, [lowest, highest]");
            return null;
        }
        Double min = yaml.number(bounds.get(0), "the lowest score");
        Double max = yaml.number(bounds.get(1), "the highest score");
        if (min != null && max != null && min > max) {
            problems.at(range, "between [" + min + ", " + max + "] is empty; write the lowest score first");
        }
        return new Expectation.Score(at, contract, null, min, max);
    }

    private Expectation contributed(Position at, Node value) {
        List<String> keys = List.of("rule", "contract", "points");
        Map<String, NodeTuple> f = fields(value, "contributed", keys, keys);
        if (f == null) {
            return null;
        }
        String rule = rule(f.get("rule").getValueNode(), "contributed");
        String contract = contract(f.get("contract").getValueNode(), "contributed");
        Double points = yaml.number(f.get("points").getValueNode(), "points");
        return points == null ? null : new Expectation.Contributed(at, rule, contract, points);
    }

    private Expectation notFired(Position at, Node value) {
        List<String> keys = List.of("rule", "contract");
        Map<String, NodeTuple> f = fields(value, "notFired", keys, keys);
        if (f == null) {
            return null;
        }
        return new Expectation.NotFired(at, rule(f.get("rule").getValueNode(), "notFired"),
                contract(f.get("contract").getValueNode(), "notFired"));
    }

    private Expectation reasonContains(Position at, Node value) {
        Map<String, NodeTuple> f = fields(value, "reasonContains", List.of("contract", "text", "rule"), List.of("contract", "text"));
        if (f == null) {
            return null;
        }
        String contract = contract(f.get("contract").getValueNode(), "reasonContains");
        String text = yaml.text(f.get("text").getValueNode(), "the text in reasonContains");
        String rule = f.containsKey("rule") ? rule(f.get("rule").getValueNode(), "reasonContains") : null;
        if (text != null && text.isBlank()) {
            problems.at(f.get("text").getValueNode(), "reasonContains needs some text to look for");
            return null;
        }
        return contract == null || text == null || (f.containsKey("rule") && rule == null) ? null
                : new Expectation.ReasonContains(at, contract, text, rule);
    }

    private Map<String, NodeTuple> fields(Node value, String kind, List<String> known, List<String> required) {
        Map<String, NodeTuple> f = yaml.mapping(value, kind);
        if (f == null) {
            return null;
        }
        yaml.onlyKnownKeys(f, known, kind + " field");
        for (String key : required) {
            if (!f.containsKey(key)) {
                problems.at(value, kind + " needs '" + key + "'");
            }
        }
        return f.keySet().containsAll(required) ? f : null;
    }

    private List<String> contractList(Node value, String kind) {
        List<Node> items = yaml.sequence(value, kind);
        if (items == null) {
            return null;
        }
        List<String> names = items.stream().map(item -> contract(item, kind)).toList();
        if (names.contains(null)) {
            return null;
        }
        if (new HashSet<>(names).size() != names.size()) {
            problems.at(value, kind + " names a contract twice: " + names);
            return null;
        }
        return names;
    }

    private String contract(Node node, String kind) {
        String name = yaml.text(node, "a contract in " + kind);
        if (name != null && !contracts.contains(name)) {
            problems.at(node, "unknown contract '" + name + "' in " + kind + Suggest.didYouMean(name, contracts)
                    + "; contracts in this file: " + (contracts.isEmpty() ? "none" : String.join(", ", contracts)));
            return null;
        }
        return name;
    }

    private String rule(Node node, String kind) {
        String name = yaml.text(node, "the rule in " + kind);
        boolean docketOwn = dev.docket.facts.ContractFact.OVERRIDE.equals(name) || dev.docket.facts.ContractFact.OVERRIDE_PIN.equals(name);
        if (name != null && !rules.contains(name) && !docketOwn) {
            problems.at(node, "unknown rule '" + name + "' in " + kind + Suggest.didYouMean(name, rules)
                    + "; rules in this rule set: " + String.join(", ", rules));
            return null;
        }
        return name;
    }
}
