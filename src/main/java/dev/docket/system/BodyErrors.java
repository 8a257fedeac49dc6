package dev.docket.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

/**
 * Turns a body that could not be read into the field a client sent and a sentence a person understands, from the
 * exceptions themselves (Serde's property path, Jackson's location) rather than their raw text, which names Java
 * types and parser internals.
 */
final class BodyErrors {

    private static final Pattern UNKNOWN = Pattern.compile("Unknown property \\[([^\\]]*)] encountered during deserialization of type: (\\w+)");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern WRAPPED = Pattern.compile("Error decoding property \\[[^\\]]*] of type \\[[^\\]]*]: ");
    private static final Pattern LOCATION = Pattern.compile("\\s*\\n?\\s*at \\[Source.*$", Pattern.DOTALL);
    // Jackson names where a construct began as "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 1]".
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)]");
    // Serde's "Unexpected token VALUE_STRING, expected START_OBJECT": a value where an object or a list belongs.
    private static final Pattern STRUCTURE = Pattern.compile("^Unexpected token (\\w+), expected (START_OBJECT|START_ARRAY)");

    private BodyErrors() {
    }

    static Optional<Problem.FieldProblem> of(Throwable failure) {
        SerdeException serde = null;
        JsonProcessingException json = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SerdeException s && serde == null) {
                serde = s;
            }
            if (t instanceof JsonProcessingException j && json == null) {
                json = j;
            }
        }
        if (json != null) {
            Matcher duplicate = DUPLICATE.matcher(json.getOriginalMessage());
            if (duplicate.find()) {
                String parent = json.getProcessor() == null ? "" : parentPath(json);
                return Optional.of(new Problem.FieldProblem(parent + duplicate.group(1),
                        "appears more than once in the body; send each field once"));
            }
            String where = json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            String message = SOURCE.matcher(firstLine(json.getOriginalMessage())).replaceAll("line $1, column $2");
            return Optional.of(new Problem.FieldProblem(null, "the body is not valid JSON: " + message + where));
        }
        if (serde == null) {
            return Optional.empty();
        }
        String path = path(serde.getPath());
        String message = innermostMessage(serde);
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            String name = unknown.group(1);
            String field = path.equals(name) || path.endsWith("." + name) ? path : path.isEmpty() ? name : path + "." + name;
            return Optional.of(new Problem.FieldProblem(field, "unknown field: " + unknown.group(2)
                    + " has no field '" + name + "' that a client may set; check the spelling, and leave out read-only fields"));
        }
        Matcher structure = STRUCTURE.matcher(message);
        if (structure.find()) {
            String expected = structure.group(2).equals("START_OBJECT") ? "a JSON object {...}" : "a JSON list [...]";
            return Optional.of(path.isEmpty()
                    ? new Problem.FieldProblem(null, "the body must be " + expected + ", not " + token(structure.group(1)))
                    : new Problem.FieldProblem(path, "must be " + expected + ", not " + token(structure.group(1))));
        }
        return Optional.of(new Problem.FieldProblem(path.isEmpty() ? null : path, message));
    }

    /** A JSON token as a client knows the value: VALUE_STRING is text. */
    private static String token(String token) {
        return switch (token) {
            case "VALUE_STRING" -> "text";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
            case "VALUE_TRUE" -> "true";
            case "VALUE_FALSE" -> "false";
            case "VALUE_NULL" -> "null";
            case "START_ARRAY" -> "a list";
            case "START_OBJECT" -> "an object";
            default -> token;
        };
    }

    private static String parentPath(JsonProcessingException json) {
        Object processor = json.getProcessor();
        if (processor instanceof com.fasterxml.jackson.core.JsonParser parser) {
            StringBuilder path = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (var context = parser.getParsingContext().getParent(); context != null; context = context.getParent()) {
                if (context.getCurrentName() != null) {
                    names.add(0, context.getCurrentName());
                }
            }
            names.forEach(n -> path.append(n).append('.'));
            return path.toString();
        }
        return "";
    }

    private static String innermostMessage(SerdeException serde) {
        Throwable deepest = serde;
        while (deepest.getCause() instanceof SerdeException inner && inner != deepest) {
            deepest = inner;
        }
        String message = deepest.getMessage() == null ? "cannot be read" : deepest.getMessage();
        message = WRAPPED.matcher(message).replaceAll("");
        return firstLine(LOCATION.matcher(message).replaceAll(""));
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }

    /** Serde lists the path innermost first. */
    private static String path(List<ReferencePath> references) {
        StringBuilder path = new StringBuilder();
        for (int i = references.size() - 1; i >= 0; i--) {
            ReferencePath reference = references.get(i);
            if (reference instanceof PropertyReferencePath property) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(property.property().getName());
            } else if (reference instanceof CollectionItemReferencePath item) {
                path.append('[').append(item.index()).append(']');
            } else if (reference instanceof MapItemReferencePath entry) {
                path.append('.').append(entry.key());
            }
        }
        return path.toString();
    }
}
