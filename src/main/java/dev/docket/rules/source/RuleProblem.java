package dev.docket.rules.source;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A compile error located in a rule file, as a legal-ops author needs it to fix the file. */
@Serdeable
public record RuleProblem(@Nullable String file, int line, int column, String message) {

    @Override
    public String toString() {
        return (file == null ? "<rule set>" : file) + ":" + line + ":" + column + ": " + message;
    }
}
