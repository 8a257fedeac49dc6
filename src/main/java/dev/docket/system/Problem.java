package dev.docket.system;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The one error body every failure returns (RFC 9457 problem details, application/problem+json).
 * {@code errors} names each offending field with what is wrong with it.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      List<FieldProblem> errors) {

    @Serdeable
    public record FieldProblem(@Nullable String field, String message) {
    }
}
