package dev.docket.system;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.UriRouteInfo;

/**
 * A query parameter the matched API route does not declare is refused with a 400 naming it and the ones the route
 * takes: Micronaut ignores it, so a typo ({@code sise=5}) would silently answer the default. The route's declaration
 * is its {@code @QueryValue} arguments, the query-bound properties of a {@code @RequestBean}, and unannotated scalar
 * arguments (which Micronaut binds from the query); no controller reads the query string by hand.
 * <p>
 * Only {@code /api/**}: the browser pages stay lenient (a bookmarked or hand-edited page URL must still open), and
 * {@code /health}, {@code /swagger/**}, {@code /login} and static assets are Micronaut's or the browser's, not the
 * API's. Repeating a declared name is not refused here; the route's binding decides what it means. An empty name
 * (a stray {@code &}) names nothing and is let through.
 */
@ServerFilter("/api/**")
final class UnknownQueryParameters implements Ordered {

    private final Problems problems;
    // Per route, once: a route's declaration does not change, and the check runs on every API request.
    private final Map<RouteInfo<?>, Declared> declared = new ConcurrentHashMap<>();

    UnknownQueryParameters(Problems problems) {
        this.problems = problems;
    }

    /** After the security filter (a caller without credentials hears 401 first) and the Content-Type check. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 60;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseUndeclared(HttpRequest<?> request) {
        Set<String> sent = request.getParameters().names();
        if (sent.isEmpty()) {
            return null;
        }
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request).filter(MethodBasedRouteInfo.class::isInstance);
        if (route.isEmpty()) {
            return null; // no route matched: the 404 or 405 that follows says more than this would
        }
        Declared takes = declared.computeIfAbsent(route.get(), r -> Declared.of((MethodBasedRouteInfo<?, ?>) r));
        if (takes.any()) {
            return null;
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        for (String name : sent) {
            if (!name.isEmpty() && !takes.names().contains(name)) {
                errors.add(new Problems.FieldError(name, "is not a query parameter of " + request.getMethod() + " " + request.getPath()
                        + "; " + takes.described()));
            }
        }
        return errors.isEmpty() ? null : problems.answer(request, HttpResponse.badRequest(), errors);
    }

    /** The query parameter names a route binds, or {@code any} when it takes them all (a map of parameters). */
    record Declared(Set<String> names, boolean any) {

        static Declared of(MethodBasedRouteInfo<?, ?> route) {
            List<String> pathVariables = route instanceof UriRouteInfo<?, ?> uri ? uri.getUriMatchTemplate().getVariableNames() : List.of();
            Set<String> names = new LinkedHashSet<>();
            boolean any = false;
            for (Argument<?> argument : route.getTargetMethod().getArguments()) {
                any |= collect(argument, pathVariables, names);
            }
            return new Declared(names, any);
        }

        /** Adds what the argument reads from the query; true when it reads every parameter. */
        private static boolean collect(Argument<?> argument, List<String> pathVariables, Set<String> names) {
            var metadata = argument.getAnnotationMetadata();
            if (metadata.hasAnnotation(QueryValue.class)) {
                if (Map.class.isAssignableFrom(argument.getType())) {
                    return true;
                }
                names.add(metadata.stringValue(QueryValue.class).filter(s -> !s.isEmpty()).orElse(argument.getName()));
                return false;
            }
            if (metadata.hasAnnotation(RequestBean.class)) {
                boolean any = false;
                for (var property : BeanIntrospector.SHARED.getIntrospection(argument.getType()).getBeanProperties()) {
                    any |= collect(property.asArgument(), pathVariables, names);
                }
                return any;
            }
            if (!metadata.hasStereotype(Bindable.class) && isScalar(argument.getType()) && !pathVariables.contains(argument.getName())) {
                names.add(argument.getName());
            }
            return false;
        }

        private static boolean isScalar(Class<?> type) {
            return type.isPrimitive() || type == String.class || Number.class.isAssignableFrom(type) || type == Boolean.class
                    || type.isEnum() || Temporal.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class;
        }

        String described() {
            return names.isEmpty() ? "it takes no query parameters" : "it takes " + String.join(", ", names);
        }
    }
}
