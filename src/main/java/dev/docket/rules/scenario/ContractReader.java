package dev.docket.rules.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.docket.facts.OverrideFact;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads one named contract of a scenario; every field is optional and defaults to the plainest deal. */
final class ContractReader {

    static final List<String> FIELDS = List.of("contractType", "paper", "status", "dealValue", "expansionPotential",
            "targetCloseDate", "readySince", "ready", "missingGates", "submittedAt",
            "title", "account", "owner", "team", "product", "pendingApprovals", "override");
    static final List<String> OVERRIDE_FIELDS = List.of("points", "pinToTop", "reason");
    static final List<String> CONTRACT_TYPES = List.of("NDA", "MSA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER");
    static final List<String> PAPERS = List.of("OURS", "CUSTOMER");
    static final List<String> STATUSES = List.of("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES");
    /** The gate `ready: false` leaves open when no missingGates are given; every contract type requires it. */
    static final String DEFAULT_MISSING_GATE = "signatory-known";

    private final YamlNodes yaml;
    private final Problems problems;
    private final Instant now;
    private final LocalDate today;

    ContractReader(YamlNodes yaml, Problems problems, Instant now, LocalDate today) {
        this.yaml = yaml;
        this.problems = problems;
        this.now = now;
        this.today = today;
    }

    /** The contract, or null after reporting what is wrong with it. A name with nothing after it is all defaults. */
    ContractSpec read(String name, Node node) {
        boolean empty = node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
        Map<String, NodeTuple> f = empty ? Map.of() : yaml.mapping(node, "contract '" + name + "'");
        if (f == null) {
            return null;
        }
        int before = problems.size();
        yaml.onlyKnownKeys(f, FIELDS, "contract field");
        String type = f.containsKey("contractType") ? yaml.oneOf(value(f, "contractType"), "contractType", CONTRACT_TYPES) : "OTHER";
        String paper = f.containsKey("paper") ? yaml.oneOf(value(f, "paper"), "paper", PAPERS) : "OURS";
        String status = f.containsKey("status") ? yaml.oneOf(value(f, "status"), "status", STATUSES) : "SUBMITTED";
        Double dealValue = amount(f, "dealValue");
        Double expansion = amount(f, "expansionPotential");
        LocalDate close = f.containsKey("targetCloseDate") ? yaml.date(value(f, "targetCloseDate"), "targetCloseDate") : null;
        Instant readySince = f.containsKey("readySince") ? notAfterToday(f, "readySince") : null;
        Instant submittedAt = f.containsKey("submittedAt") ? notAfterToday(f, "submittedAt") : null;
        Set<String> missing = missingGates(f);
        List<String> texts = List.of(text(f, "title", name), text(f, "account", ""), text(f, "owner", ""),
                text(f, "team", ""), text(f, "product", ""));
        List<String> pending = f.containsKey("pendingApprovals") ? yaml.texts(value(f, "pendingApprovals"), "pendingApprovals") : List.of();
        OverrideFact override = f.containsKey("override") ? override(name, value(f, "override")) : null;
        if (problems.size() > before || pending == null) {
            return null;
        }
        if (!pending.isEmpty()) {
            // As in Docket: a pending approval holds the contract back like an open gate, so it has no readySince.
            if (readySince != null) {
                problems.at(f.get("readySince").getKeyNode(), "contract '" + name
                        + "' has pending approvals, so it has no readySince; remove readySince or the pending approvals");
                return null;
            }
            submittedAt = submittedAt != null ? submittedAt : now;
            return new ContractSpec(name, texts.get(0), texts.get(1), texts.get(2), texts.get(3), texts.get(4),
                    type, paper, status, dealValue, expansion, close, submittedAt, null, missing, pending, override);
        }
        if (missing.isEmpty()) {
            readySince = readySince == null ? now : readySince;
        } else if (readySince != null) {
            problems.at(f.get("readySince").getKeyNode(), "contract '" + name
                    + "' has missing gates, so it has no readySince; remove readySince or the missing gates");
            return null;
        }
        submittedAt = submittedAt != null ? submittedAt : readySince != null ? readySince : now;
        return new ContractSpec(name, texts.get(0), texts.get(1), texts.get(2), texts.get(3), texts.get(4),
                type, paper, status, dealValue, expansion, close, submittedAt, readySince, missing, List.of(), override);
    }

    /** An approved override in force: {@code points: 20} or {@code pinToTop: true}, with its reason. */
    private OverrideFact override(String name, Node node) {
        Map<String, NodeTuple> o = yaml.mapping(node, "the override of contract '" + name + "'");
        if (o == null) {
            return null;
        }
        yaml.onlyKnownKeys(o, OVERRIDE_FIELDS, "override field");
        boolean pin = o.containsKey("pinToTop") && "true".equals(yaml.oneOf(value(o, "pinToTop"), "pinToTop", List.of("true", "false")));
        Double points = o.containsKey("points") ? yaml.number(value(o, "points"), "points") : null;
        if (pin == (points != null)) {
            problems.at(node, "an override has either 'points: 20' or 'pinToTop: true'");
            return null;
        }
        String reason = o.containsKey("reason") ? yaml.text(value(o, "reason"), "reason") : "scenario override";
        return new OverrideFact(0, pin ? 0 : points, pin, reason, "scenario", "scenario", now.plus(java.time.Duration.ofDays(30)));
    }

    private Set<String> missingGates(Map<String, NodeTuple> f) {
        String readyText = f.containsKey("ready") ? yaml.oneOf(value(f, "ready"), "ready", List.of("true", "false")) : null;
        Boolean ready = readyText == null ? null : Boolean.valueOf(readyText);
        Set<String> gates = new LinkedHashSet<>();
        if (f.containsKey("missingGates")) {
            List<String> listed = yaml.texts(value(f, "missingGates"), "missingGates");
            if (listed == null) {
                return Set.of();
            }
            gates.addAll(listed);
            if (Boolean.TRUE.equals(ready) && !gates.isEmpty()) {
                problems.at(f.get("ready").getKeyNode(), "a contract with missingGates cannot be 'ready: true'");
            } else if (Boolean.FALSE.equals(ready) && gates.isEmpty()) {
                problems.at(f.get("ready").getKeyNode(), "'ready: false' needs at least one missing gate, or no missingGates");
            }
        } else if (Boolean.FALSE.equals(ready)) {
            gates.add(DEFAULT_MISSING_GATE);
        }
        return gates;
    }

    private Double amount(Map<String, NodeTuple> f, String field) {
        if (!f.containsKey(field)) {
            return 0.0;
        }
        Node node = value(f, field);
        if (node instanceof MappingNode) {
            problems.at(node, field + " is one number in the base currency (USD unless docket.money.base-currency says "
                    + "otherwise); scenario files do not convert currencies");
            return null;
        }
        Double amount = yaml.number(node, field);
        if (amount != null && amount < 0) {
            problems.at(node, field + " cannot be negative");
            return null;
        }
        return amount;
    }

    private Instant notAfterToday(Map<String, NodeTuple> f, String field) {
        Instant instant = yaml.instant(value(f, field), field);
        if (instant != null && ContractSpec.dateOf(instant).isAfter(today)) {
            problems.at(value(f, field), field + " " + ContractSpec.dateOf(instant) + " is after now (" + today + ")");
            return null;
        }
        return instant;
    }

    private String text(Map<String, NodeTuple> f, String field, String fallback) {
        String text = f.containsKey(field) ? yaml.text(value(f, field), field) : fallback;
        return text == null ? fallback : text;
    }

    private static Node value(Map<String, NodeTuple> f, String field) {
        return f.get(field).getValueNode();
    }
}
