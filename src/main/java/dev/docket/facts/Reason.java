package dev.docket.facts;

import java.util.Arrays;
import java.util.IllegalFormatException;
import java.util.Locale;

/**
 * A contribution as a rule recorded it. A reason given as a format and its values is formatted only when
 * somebody reads it: a full re-rank of a large backlog then costs no formatting at all, and a page of the
 * ranking formats only its own fifty entries. The values come from the immutable inputs of a fact, so the
 * text is the same whenever it is formatted.
 */
final class Reason {

    final String rule;
    final long hundredths;
    private final String text;
    private final Object[] values;

    Reason(String rule, long hundredths, String text, Object[] values) {
        this.rule = rule;
        this.hundredths = hundredths;
        this.text = text;
        this.values = values;
    }

    /** The reason as the explanation shows it; a format that does not fit its values shows them as they are. */
    String text() {
        try {
            return strictText();
        } catch (IllegalFormatException e) {
            // The probe refuses a rule set whose reasons do not format, so this is a value no sample contract had.
            return text + " " + Arrays.toString(values);
        }
    }

    /** The reason, or the exception that says why its format does not fit its values. */
    String strictText() {
        // Locale.US, not ROOT: the formatter's fast path for grouping; both write 1,234,567.89.
        return values == null ? text : String.format(Locale.US, text, values);
    }

    Contribution toContribution() {
        return new Contribution(rule, hundredths / 100.0, text());
    }
}
