package dev.docket.system;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * A body without a Content-Type is refused with 415. Micronaut would read it as JSON, so a client that forgot
 * the header, or sent something else entirely, would have it guessed at; no setting turns that off.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class MissingContentType implements Ordered {

    /**
     * After the security filter (a caller without credentials hears 401 first) and before the CSRF filter
     * (at SECURITY + 100), which would otherwise refuse a body it cannot classify with a 403 instead of this 415.
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 50;
    }

    @RequestFilter
    void requireContentType(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean hasBody = request.getContentLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
        if (hasBody && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                && request.getContentType().isEmpty()) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "the request has a body but no Content-Type header; send Content-Type: application/json");
        }
    }
}
