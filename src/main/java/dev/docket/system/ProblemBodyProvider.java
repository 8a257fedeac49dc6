package dev.docket.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

/**
 * Turns every error Micronaut or Docket raises into a {@link Problem}, so clients parse one shape:
 * bad JSON, failed validation, oversized bodies, unknown routes and domain errors alike.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {

    // Bean validation reports "create.request.dealValue.amount: must be ..."; clients want "dealValue.amount".
    private static final Pattern VIOLATION = Pattern.compile("^(?:[A-Za-z]+\\.(?:body|request|patch|change)\\.)?([\\w.\\[\\]<>]+): (.+)$",
            Pattern.DOTALL);

    @Override
    public String contentType() {
        return "application/problem+json";
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        if (response.code() >= 500) {
            // Internal failures say nothing of internals to the client; the server log has the stack trace.
            return new Problem("about:blank", response.reason(), response.code(),
                    "Docket could not handle this request; the server log has the details", context.getRequest().getPath(), List.of());
        }
        List<Problem.FieldProblem> errors = context.getErrors().stream().map(ProblemBodyProvider::toFieldProblem).toList();
        String detail = errors.isEmpty()
                ? response.reason()
                : String.join("; ", errors.stream()
                        .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                        .toList());
        return new Problem("about:blank", response.reason(), response.code(), detail,
                context.getRequest().getPath(), errors);
    }

    private static Problem.FieldProblem toFieldProblem(Error error) {
        if (error.getPath().isPresent()) {
            return new Problem.FieldProblem(error.getPath().get(), error.getMessage());
        }
        Matcher m = VIOLATION.matcher(error.getMessage());
        if (m.matches()) {
            return new Problem.FieldProblem(m.group(1), m.group(2));
        }
        return new Problem.FieldProblem(null, error.getMessage());
    }
}
