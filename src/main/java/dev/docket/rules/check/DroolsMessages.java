package dev.docket.rules.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Drools' compiler messages: which word they complain about, and a one-line form for decision tables. */
final class DroolsMessages {

    static final String NULL_PACKAGE = "Parser returned a null Package";

    private static final List<Pattern> CULPRITS = List.of(
            Pattern.compile("strict-mode: [\\w.$]+\\.([\\w$]+)\\("),
            Pattern.compile("The method ([\\w$]+)\\("),
            Pattern.compile("([\\w$]+)(?:\\.[\\w$.]*)? cannot be resolved"),
            Pattern.compile("(?:mismatched input|no viable alternative at input|extraneous input) '([^']+)'"),
            Pattern.compile("Unable to (?:Analyse|resolve) Expression ([\\w$]+)"));
    private static final Pattern STRICT_MODE = Pattern.compile("strict-mode: [\\w.$]*?([\\w$]+)\\.([\\w$]+)\\(\\)");
    private static final Pattern GENERATED_POSITION = Pattern.compile("\\[Line: \\d+, Column: \\d+\\]|\\bLine \\d+:\\d+ ");

    private DroolsMessages() {
    }

    /** The word of the rule text a message is about ("contractTyp", "lots", "USD"), or null. */
    static String culprit(String text) {
        for (Pattern pattern : CULPRITS) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * The message for a problem in a decision table: one line, without the positions in the generated DRL
     * (the table's cell is given instead), and a plain sentence for a misspelt field.
     */
    static String forTable(String text) {
        Matcher strict = STRICT_MODE.matcher(text);
        if (strict.find()) {
            return strict.group(1) + " has no field '" + strict.group(2) + "'; see the fact model in docs/rules.md";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("[Near") || l.matches("\\^+") || l.startsWith("[Line:")) {
                continue;
            }
            out.append(out.isEmpty() ? "" : " ").append(l);
        }
        return GENERATED_POSITION.matcher(out).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
