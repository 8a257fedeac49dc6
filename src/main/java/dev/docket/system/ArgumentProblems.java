package dev.docket.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.DuplicateRouteHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.http.server.exceptions.UnsupportedMediaException;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.web.router.exceptions.DuplicateRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

/**
 * What a client sent in the URL or headers that Docket could not bind, said in its terms: which parameter, what it
 * must be, and what came instead. Micronaut's own answers pass on Java's text ("For input string", "No enum constant
 * dev.docket...", "More than 1 route matched"), which names internals and tells a client nothing it can act on.
 */
final class ArgumentProblems {

    /** Echoed values are cut to this length: the client knows what it sent; the problem only needs to point at it. */
    private static final int ECHO = 80;

    private ArgumentProblems() {
    }

    /**
     * A value that does not convert to its parameter's type. A path variable names a resource, so a value that cannot
     * be an id names none: 404, like an id that is well-formed but unknown. Anything else (query, header) is a 400.
     * Bodies keep the body readers' own answers.
     */
    @Singleton
    @Replaces(ConversionErrorHandler.class)
    static final class Unconvertible extends ConversionErrorHandler {

        private final Problems problems;

        Unconvertible(ErrorResponseProcessor<?> processor, Problems problems) {
            super(processor);
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
            Argument<?> argument = exception.getArgument();
            if (argument.isAnnotationPresent(Body.class) || argument.isAnnotationPresent(Part.class) || "body".equals(argument.getName())) {
                return super.handle(request, exception);
            }
            String name = boundName(argument);
            String value = echo(exception.getConversionError().getOriginalValue().map(ArgumentProblems::single).orElse(""));
            Optional<String> resource = pathVariableResource(request, name);
            if (resource.isPresent() && isWholeNumber(argument.getType())) {
                String noun = resource.get();
                String key = name.equals("id") || name.endsWith("Id") ? "id" : name;
                return problems.answer(request, null, HttpResponse.status(HttpStatus.NOT_FOUND), name, "No " + noun + " has " + key
                        + " '" + value + "': " + noun + " " + key + "s are whole numbers" + limit(argument.getType(), value));
            }
            if (resource.isPresent()) {
                return problems.answer(request, null, HttpResponse.status(HttpStatus.NOT_FOUND), name,
                        "must be " + expectedValue(argument.getType()) + ", not '" + value + "'");
            }
            return problems.answer(request, null, HttpResponse.badRequest(), name,
                    "must be " + expectedValue(argument.getType()) + limit(argument.getType(), value) + ", not '" + value + "'");
        }
    }

    /** A required query parameter, header or body that is absent; each subclass names an exception that carries it. */
    abstract static class Missing<E extends Exception> implements ExceptionHandler<E, HttpResponse<?>> {

        private final Problems problems;

        Missing(Problems problems) {
            this.problems = problems;
        }

        abstract Argument<?> argument(E exception);

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return missing(problems, request, argument(exception));
        }
    }

    /** As the router finds it. */
    @Singleton
    @Replaces(UnsatisfiedRouteHandler.class)
    static final class MissingFromRoute extends Missing<UnsatisfiedRouteException> {
        MissingFromRoute(Problems problems) {
            super(problems);
        }

        @Override
        Argument<?> argument(UnsatisfiedRouteException exception) {
            return exception.getArgument();
        }
    }

    /** As a binder outside the router finds it. */
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    static final class MissingArgument extends Missing<UnsatisfiedArgumentException> {
        MissingArgument(Problems problems) {
            super(problems);
        }

        @Override
        Argument<?> argument(UnsatisfiedArgumentException exception) {
            return exception.getArgument();
        }
    }

    private static HttpResponse<?> missing(Problems problems, HttpRequest<?> request, Argument<?> argument) {
        if (argument.isAnnotationPresent(Body.class)) {
            String types = RouteAttributes.getRouteMatch(request)
                    .filter(UriRouteMatch.class::isInstance)
                    .map(m -> mediaTypes(((UriRouteMatch<?, ?>) m).getRouteInfo().getConsumes()))
                    .filter(t -> !t.isEmpty() && !t.equals("*/*"))
                    .orElse(MediaType.APPLICATION_JSON);
            return problems.answer(request, null, HttpResponse.badRequest(), null,
                    "the request has no body; " + request.getMethod() + " " + request.getPath() + " takes a body of Content-Type " + types);
        }
        String name = boundName(argument);
        String where = argument.isAnnotationPresent(Header.class) ? "header"
                : argument.isAnnotationPresent(CookieValue.class) ? "cookie"
                : argument.isAnnotationPresent(Part.class) ? "part"
                : "query parameter";
        return problems.answer(request, null, HttpResponse.badRequest(), name,
                "is required: send the " + where + " " + name + " (" + expectedValue(argument.getType()) + ")");
    }

    /** A body the route cannot take: which Content-Types it does take, and which one came (or that none did). */
    abstract static class WrongType<E extends Exception> implements ExceptionHandler<E, HttpResponse<?>> {

        private final Problems problems;

        WrongType(Problems problems) {
            this.problems = problems;
        }

        abstract Collection<String> accepted(E exception);

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            Optional<MediaType> contentType = ((HttpRequest<?>) request).getContentType();
            String sent = contentType.map(t -> "Content-Type " + t.getName()).orElse("no Content-Type");
            return problems.answer(request, null, HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE), null,
                    request.getMethod() + " " + request.getPath() + " takes a body of Content-Type " + String.join(" or ", accepted(exception))
                            + ", and this request has " + sent);
        }
    }

    /**
     * Two routes share a method and path and differ in the body they take (POST /api/imports: CSV or multipart); a
     * request whose Content-Type chooses neither (none at all, say) matched both, and the router said only that.
     */
    @Singleton
    @Replaces(DuplicateRouteHandler.class)
    static final class AmbiguousRoute extends WrongType<DuplicateRouteException> {
        AmbiguousRoute(Problems problems) {
            super(problems);
        }

        @Override
        Collection<String> accepted(DuplicateRouteException exception) {
            Set<String> types = new LinkedHashSet<>();
            exception.getUriRoutes().forEach(route -> route.getRouteInfo().getConsumes().forEach(t -> types.add(t.getName())));
            return types;
        }
    }

    /** A body of a type the one matching route does not read. */
    @Singleton
    static final class UnsupportedType extends WrongType<UnsupportedMediaException> {
        UnsupportedType(Problems problems) {
            super(problems);
        }

        @Override
        Collection<String> accepted(UnsupportedMediaException exception) {
            return exception.getAcceptableContentTypes();
        }
    }

    private static String boundName(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(PathVariable.class)
                .or(() -> argument.getAnnotationMetadata().stringValue(io.micronaut.http.annotation.QueryValue.class))
                .or(() -> argument.getAnnotationMetadata().stringValue(Header.class))
                .filter(s -> !s.isEmpty())
                .orElse(argument.getName());
    }

    /** The resource a path variable identifies, from the route's segment before it: /api/imports/{id} names an import. */
    private static Optional<String> pathVariableResource(HttpRequest<?> request, String name) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toPathString())
                .flatMap(template -> {
                    List<String> segments = Arrays.asList(template.split("/"));
                    for (int i = 1; i < segments.size(); i++) {
                        if (segments.get(i).matches("\\{" + java.util.regex.Pattern.quote(name) + "(:[^}]*)?}")) {
                            return Optional.of(singular(segments.get(i - 1)));
                        }
                    }
                    return Optional.empty();
                });
    }

    private static String singular(String segment) {
        String words = segment.replace('-', ' ');
        if (words.endsWith("ies")) {
            return words.substring(0, words.length() - 3) + "y";
        }
        return words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    /** For digits that overflow the type, the largest value it takes; nothing for a value that is not digits. */
    private static String limit(Class<?> type, String value) {
        if (!value.matches("-?\\d+") || !isWholeNumber(type)) {
            return "";
        }
        return " up to " + (type == long.class || type == Long.class ? Long.MAX_VALUE : Integer.MAX_VALUE);
    }

    private static String expectedValue(Class<?> type) {
        if (isWholeNumber(type)) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "a number such as 12.5";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "a date in the form YYYY-MM-DD";
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return "a time in ISO 8601 form with its offset, such as 2026-11-05T09:30:00Z";
        }
        return "text";
    }

    private static String single(Object value) {
        if (value instanceof Iterable<?> values) {
            var it = values.iterator();
            return it.hasNext() ? String.valueOf(it.next()) : "";
        }
        return String.valueOf(value);
    }

    private static String echo(String value) {
        return value.length() > ECHO ? value.substring(0, ECHO) + "…(" + value.length() + " characters)" : value;
    }

    private static String mediaTypes(List<MediaType> types) {
        return types.stream().map(MediaType::getName).distinct().collect(Collectors.joining(" or "));
    }
}
