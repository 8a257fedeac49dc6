package dev.docket.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.BufferLengthExceededException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.BufferLengthExceededHandler;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

/**
 * Netty refuses a request line or headers that are too long before routing, and Micronaut answers every such
 * failure with a bare 413. A URL that is too long is a 414 (RFC 9110) and too many header bytes a 431. A body over
 * the limit is a 413 that says the limit, not which server setting to raise.
 */
final class OversizedRequests {

    private OversizedRequests() {
    }

    /**
     * Micronaut looks for a 413 error route when decoding failed; running it surfaces Netty's exception, which
     * {@link TooLong} then answers with the precise status.
     */
    @Controller
    static final class StatusRoute {
        private final Problems problems;

        StatusRoute(Problems problems) {
            this.problems = problems;
        }

        @Error(status = HttpStatus.REQUEST_ENTITY_TOO_LARGE, global = true)
        HttpResponse<?> tooLarge(HttpRequest<?> request) {
            return problems.answer(request, null, HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE), null,
                    "the request is larger than Docket accepts");
        }
    }

    @Singleton
    @Requires(classes = {TooLongFrameException.class, ExceptionHandler.class})
    static final class TooLong implements ExceptionHandler<TooLongFrameException, HttpResponse<?>> {
        private final Problems problems;

        TooLong(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, TooLongFrameException exception) {
            HttpStatus status = HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            String message = "the request is larger than Docket accepts";
            if (exception instanceof TooLongHttpLineException) {
                status = HttpStatus.REQUEST_URI_TOO_LONG;
                message = "the URL is too long (at most 4096 bytes with the query); send fewer or shorter parameters";
            } else if (exception instanceof TooLongHttpHeaderException) {
                status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                message = "the request headers are too large";
            }
            return problems.answer(request, exception, HttpResponse.status(status), null, message);
        }
    }

    /**
     * Micronaut's text for a body over the limit advises the server's operator ("micronaut.server.max-request-buffer-size
     * ... rewrite your controller"); the client needs the size it sent and the size it may send. Each subclass only
     * names the exception Micronaut routes to it.
     */
    abstract static class BodyTooLarge<E extends Exception> implements ExceptionHandler<E, HttpResponse<?>> {
        private static final Pattern SIZES = Pattern.compile("\\[(\\d+)] exceeds the maximum allowed \\w+ length \\[(\\d+)]");

        private final Problems problems;

        BodyTooLarge(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            Matcher sizes = SIZES.matcher(String.valueOf(exception.getMessage()));
            String message = sizes.find()
                    ? "the request body is " + sizes.group(1) + " bytes; " + request.getMethod() + " " + request.getPath()
                            + " takes at most " + sizes.group(2) + " bytes (" + Long.parseLong(sizes.group(2)) / (1024 * 1024) + " MB)"
                    : "the request body is larger than " + request.getMethod() + " " + request.getPath() + " takes";
            return problems.answer(request, null, HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE), null, message);
        }
    }

    /** A body that is to be read into memory (JSON, forms) and is over max-request-buffer-size. */
    @Singleton
    @Replaces(BufferLengthExceededHandler.class)
    static final class BufferTooLarge extends BodyTooLarge<BufferLengthExceededException> {
        BufferTooLarge(Problems problems) {
            super(problems);
        }
    }

    /** A streamed body (the CRM import) over max-request-size. */
    @Singleton
    @Replaces(ContentLengthExceededHandler.class)
    static final class ContentTooLarge extends BodyTooLarge<ContentLengthExceededException> {
        ContentTooLarge(Problems problems) {
            super(problems);
        }
    }
}
