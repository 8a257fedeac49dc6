package dev.docket.rules.scenario;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a scenario file as a tree of YAML nodes, never as Java objects: nothing in a file can make the
 * parser construct a class, and every node keeps the line and column it started at, so each problem can
 * point at the exact place to fix. Helpers report a problem and return null when a node has the wrong shape.
 */
final class YamlNodes {

    private static final Set<Tag> STANDARD_TAGS =
            Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.TIMESTAMP, Tag.NULL);

    private final Problems problems;

    YamlNodes(Problems problems) {
        this.problems = problems;
    }

    /** The document's root node, or null for an empty file; syntax errors surface as snakeyaml exceptions. */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(1_000_000);
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).compose(new StringReader(text));
    }

    /** The entries of a mapping by key, in file order; non-text and duplicate keys are reported and skipped. */
    Map<String, NodeTuple> mapping(Node node, String what) {
        if (!plain(node, what)) {
            return null;
        }
        if (!(node instanceof MappingNode map)) {
            problems.at(node, what + " must be a mapping of 'key: value' lines, not " + shapeOf(node));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || key.getValue().isBlank()) {
                problems.at(tuple.getKeyNode(), "a key in " + what + " must be a plain name");
            } else if (entries.containsKey(key.getValue())) {
                problems.at(key, "'" + key.getValue() + "' appears twice in " + what);
            } else {
                entries.put(key.getValue(), tuple);
            }
        }
        return entries;
    }

    /** Reports every key not in {@code known}, suggesting the closest known one. */
    void onlyKnownKeys(Map<String, NodeTuple> entries, Collection<String> known, String what) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                problems.at(e.getValue().getKeyNode(), "unknown " + what + " '" + e.getKey() + "'"
                        + Suggest.didYouMean(e.getKey(), known) + "; known " + what + "s: " + String.join(", ", known));
            }
        }
    }

    List<Node> sequence(Node node, String what) {
        if (!plain(node, what)) {
            return null;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.at(node, what + " must be a list such as [A, B], not " + shapeOf(node));
            return null;
        }
        return seq.getValue();
    }

    String text(Node node, String what) {
        if (!plain(node, what)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.at(node, what + " must be a single value, not " + shapeOf(node));
            return null;
        }
        if (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()) {
            problems.at(node, what + " is empty");
            return null;
        }
        return scalar.getValue().strip();
    }

    /** A plain decimal number; YAML's digit separators (1_000_000) are allowed, commas are not. */
    Double number(Node node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            double value = new BigDecimal(text.replace("_", "")).doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(node, what + " must be a number such as 250000 or 42.5, not '" + text + "'");
        return null;
    }

    /** One of {@code allowed}, written exactly (upper case), so a file reads like the fact model. */
    String oneOf(Node node, String what, List<String> allowed) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        if (!allowed.contains(text)) {
            String hint = allowed.contains(text.toUpperCase(Locale.ROOT)) ? " (values are upper case)" : "";
            problems.at(node, what + " '" + text + "' is not one of " + String.join(", ", allowed) + hint);
            return null;
        }
        return text;
    }

    /** The values of a list of texts. */
    List<String> texts(Node node, String what) {
        List<Node> items = sequence(node, what);
        if (items == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (Node item : items) {
            String value = text(item, "each entry of " + what);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** A calendar date, 2025-06-13. */
    LocalDate date(Node node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.at(node, what + " must be a date such as 2025-06-13, not '" + text + "'");
            return null;
        }
    }

    /** A date (the start of that day in UTC) or an ISO instant with a zone, 2025-06-13T09:30:00Z. */
    Instant instant(Node node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.at(node, what + " must be a date such as 2025-06-13 or an instant such as 2025-06-13T09:30:00Z, not '"
                    + text + "'");
            return null;
        }
    }

    /** Scenario files are plain data: explicit YAML tags such as {@code !thing} are refused. */
    private boolean plain(Node node, String what) {
        if (STANDARD_TAGS.contains(node.getTag())) {
            return true;
        }
        problems.at(node, what + " has the YAML tag '" + node.getTag().getValue() + "'; scenario files do not use tags");
        return false;
    }

    private static String shapeOf(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) ? "the value '" + s.getValue() + "'" : "nothing";
    }
}
