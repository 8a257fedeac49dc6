package dev.docket.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

    // Conversion failures read "Failed to convert argument [id] for value [abc] due to: ..."; keep the argument and the cause.
    private static final Pattern CONVERSION = Pattern.compile("^Failed to convert argument \\[(\\w+)] for value \\[(.*?)] due to: (.+)$",
            Pattern.DOTALL);
    private static final Pattern DECODING_PROPERTY = Pattern.compile("Error decoding property \\[(?:[^\\]]*\\s)?(\\w+)] of type \\[class [\\w.$]+]: ");
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("`(?:[a-z_][\\w]*\\.)+([A-Z]\\w*)`");
    // Bean validation reports "body.dealValue.amount: must be ..." (sometimes behind the method name).
    // The router's text when no route matches the path at all, meant for a browser ("Page").
    private static final String NO_ROUTE = "Page Not Found";
    private static final Pattern VIOLATION = Pattern.compile("^([\\w.\\[\\]<>]+): (.+)$", Pattern.DOTALL);

    @Override
    public String contentType() {
        return "application/problem+json";
    }

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        // 503 is the exception: it tells the client what to do (retry later), not how Docket failed.
        if (response.code() >= 500 && response.code() != HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            // Internal failures say nothing of internals to the client; the server log has the stack trace.
            return new Problem("about:blank", response.reason(), response.code(),
                    "Docket could not handle this request; the server log has the details", context.getRequest().getPath(), List.of());
        }
        List<Problem.FieldProblem> errors = context.getRootCause().flatMap(BodyErrors::of).map(List::of)
                .orElseGet(() -> context.getErrors().stream().map(ProblemBodyProvider::toFieldProblem).toList())
                .stream().map(e -> new Problem.FieldProblem(e.field() == null ? null : printable(e.field()), printable(e.message())))
                .toList();
        String detail = errors.isEmpty()
                ? response.reason()
                : String.join("; ", errors.stream()
                        .map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                        .toList());
        return new Problem("about:blank", response.reason(), response.code(), detail,
                context.getRequest().getPath(), errors);
    }

    /**
     * Messages echo what the client sent; control characters, bidi overrides and lone surrogates are shown as
     * escapes, so an error body is always safe to print and valid for strict JSON parsers.
     */
    static String printable(String text) {
        if (StrictScalars.unsafeCharacter(text) == null && text.indexOf('\n') < 0 && text.indexOf('\t') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.getType(c) == Character.CONTROL || StrictScalars.unsafeCharacter(String.valueOf(c)) != null) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Validation paths name the controller method and its @Body parameter, "create.body.title";
     * clients know the field as "title", and a query parameter by its own name.
     */
    private static String withoutArgumentName(String path) {
        int body = path.indexOf("body.");
        if (body >= 0) {
            return path.substring(body + "body.".length());
        }
        int dot = path.indexOf('.');
        return dot >= 0 && path.lastIndexOf('.') == dot ? path.substring(dot + 1) : path;
    }

    private static Problem.FieldProblem toFieldProblem(Error error) {
        if (error instanceof Problems.FieldError own) {
            return new Problem.FieldProblem(own.field(), own.message());
        }
        if (NO_ROUTE.equals(error.getMessage())) {
            return new Problem.FieldProblem(null, "Docket has no endpoint at this path; GET /swagger/docket.yml lists every one");
        }
        Matcher conversion = CONVERSION.matcher(error.getMessage());
        if (conversion.matches()) {
            String argument = conversion.group(1);
            String cause = QUALIFIED_TYPE.matcher(conversion.group(3).strip()).replaceAll("$1");
            cause = DECODING_PROPERTY.matcher(cause).replaceAll("property '$1': ");
            return argument.equals("body")
                    ? new Problem.FieldProblem(null, "the request body cannot be read: " + cause)
                    : new Problem.FieldProblem(argument, "'" + conversion.group(2) + "' is not a valid value: " + cause);
        }
        if (error.getPath().isPresent() && !error.getPath().get().equals("/body")) {
            return new Problem.FieldProblem(withoutArgumentName(error.getPath().get()), error.getMessage());
        }
        Matcher m = VIOLATION.matcher(error.getMessage());
        if (m.matches()) {
            return new Problem.FieldProblem(withoutArgumentName(m.group(1)), m.group(2));
        }
        return new Problem.FieldProblem(null, error.getMessage());
    }
}
