package dev.docket.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one DRL file with comments and string literals blanked out, so the policy guard
 * scans only code: a reason such as "System down" is not a use of {@code System}. Blanking keeps
 * every character's offset and every line break, so a finding maps back to the original line and column.
 * String delimiters stay in place; text blocks ({@code """}) are treated as one string.
 */
final class DrlText {

    /**
     * A declared rule: its name, where the name starts (1-based), and its text up to the next rule, as written
     * ({@code text}) and with comments and strings blanked ({@code code}).
     */
    record RuleDeclaration(String name, int line, int column, String text, String code) {
    }

    private static final Pattern RULE_KEYWORD = Pattern.compile("(?m)^[ \\t]*rule(?=[\\s\"'])");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^[ \\t]*(rule|query|function|declare)\\b");

    private final String original;
    private final String code;
    private final int[] lineStarts;
    private final List<Integer> hashComments = new ArrayList<>();

    DrlText(String original) {
        this.original = original;
        this.code = mask(original);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    String original() { return original; }

    /** The text with comments and the contents of string literals replaced by spaces. */
    String code() { return code; }

    /** Offsets of {@code #} comments, which Drools 10 no longer accepts. */
    List<Integer> hashComments() { return hashComments; }

    int lineOf(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : original.length();
        return original.substring(start, Math.max(start, end));
    }

    /**
     * Where the word {@code word} first appears as code from the start of line {@code fromLine} up to the next
     * rule, as {line, column}; null when it does not. Drools places Java errors of a consequence on the
     * rule's first line; this finds the line the error is about.
     */
    int[] find(String word, int fromLine) {
        if (word == null || fromLine < 1 || fromLine > lineStarts.length) {
            return null;
        }
        int from = lineStarts[fromLine - 1];
        Matcher next = RULE_KEYWORD.matcher(code);
        int to = next.find(Math.min(code.length(), lineStarts[Math.min(fromLine, lineStarts.length - 1)]))
                && next.start() > from ? next.start() : code.length();
        Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(code).region(from, to);
        return m.find() ? new int[] {lineOf(m.start()), columnOf(m.start())} : null;
    }

    /** True when the file declares at least one rule, query, function or type. */
    boolean declaresAnything() {
        return DECLARATION.matcher(code).find();
    }

    /** Every {@code rule "Name"} or {@code rule Name} at the start of a line, in file order. */
    List<RuleDeclaration> rules() {
        List<int[]> found = new ArrayList<>();
        Matcher m = RULE_KEYWORD.matcher(code);
        while (m.find()) {
            int i = m.end();
            while (i < original.length() && Character.isWhitespace(original.charAt(i))) {
                i++;
            }
            if (i < original.length()) {
                found.add(new int[] {m.start(), i});
            }
        }
        List<RuleDeclaration> rules = new ArrayList<>();
        for (int r = 0; r < found.size(); r++) {
            int start = found.get(r)[0];
            int i = found.get(r)[1];
            // Each rule's text ends where the next rule starts.
            int end = r + 1 < found.size() ? found.get(r + 1)[0] : original.length();
            char first = original.charAt(i);
            String name;
            if (first == '"' || first == '\'') {
                name = original.substring(i + 1, Math.min(closingQuote(original, i), original.length()));
            } else {
                int stop = i;
                while (stop < original.length() && (Character.isJavaIdentifierPart(original.charAt(stop)) || original.charAt(stop) == '-')) {
                    stop++;
                }
                name = original.substring(i, stop);
            }
            if (!name.isEmpty()) {
                rules.add(new RuleDeclaration(name, lineOf(i), columnOf(i), original.substring(start, end), code.substring(start, end)));
            }
        }
        return rules;
    }

    private String mask(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : 0;
            if (c == '/' && next == '/' || c == '#') {
                if (c == '#') {
                    hashComments.add(i);
                }
                while (i < out.length && out[i] != '\n') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? out.length : end + 2;
                blank(out, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? out.length : end;
                blank(out, i + 3, end);
                i = Math.min(out.length, end + 3);
            } else if (c == '"' || c == '\'') {
                int close = closingQuote(text, i);
                blank(out, i + 1, Math.min(close, out.length));
                i = close + 1;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** Offset of the quote closing the string opened at {@code open}, or the text length if it is never closed. */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out[i] != '\n' && out[i] != '\r') {
                out[i] = ' ';
            }
        }
    }
}
