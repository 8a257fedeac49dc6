package dev.docket.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every request has an id: the caller's X-Request-Id when it is a plain token (a proxy's or a client's), otherwise a new
 * one. The audit log records it and the response echoes it, so an entry can be traced to the call that made it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestIds implements Ordered {

    /** Before the security filter, so a refused request has its id too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @RequestFilter
    void assign(HttpRequest<?> request) {
        String given = request.getHeaders().get(AuditLog.REQUEST_ID);
        request.setAttribute(AuditLog.REQUEST_ID, given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString());
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(AuditLog.REQUEST_ID, String.class).ifPresent(id -> response.getHeaders().set(AuditLog.REQUEST_ID, id));
    }
}
