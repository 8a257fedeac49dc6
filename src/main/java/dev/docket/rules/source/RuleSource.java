package dev.docket.rules.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One file of a rule set: its path relative to the rules folder (for example "value.drl" or
 * "tests/ready-beats-not-ready.yaml") and its bytes, which for an XLSX decision table are binary.
 */
public record RuleSource(String path, byte[] bytes) {

    public RuleSource(String path, String text) {
        this(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Kind kind() {
        return Kind.of(path);
    }

    /** What a file is, by its name; anything else in the rules folder is ignored. */
    public enum Kind {
        DRL, DECISION_TABLE_CSV, DECISION_TABLE_XLSX, SCENARIO, OTHER;

        public static Kind of(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.startsWith("tests/") || name.contains("/tests/")) {
                return name.endsWith(".yaml") || name.endsWith(".yml") ? SCENARIO : OTHER;
            }
            if (name.endsWith(".drl")) {
                return DRL;
            }
            if (name.endsWith(".csv")) {
                return DECISION_TABLE_CSV;
            }
            if (name.endsWith(".xlsx")) {
                return DECISION_TABLE_XLSX;
            }
            return OTHER;
        }

        public boolean isPolicy() {
            return this == DRL || this == DECISION_TABLE_CSV || this == DECISION_TABLE_XLSX;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSource other && path.equals(other.path) && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RuleSource[" + path + ", " + bytes.length + " bytes]";
    }
}
