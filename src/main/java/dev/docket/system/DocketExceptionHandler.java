package dev.docket.system;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers every {@link DocketException} with its own status, field and message. Features that must note an error
 * before it is answered (the audit keeps refusals) listen for {@link DocketException.Answered} instead of handling it themselves.
 */
@Singleton
final class DocketExceptionHandler implements ExceptionHandler<DocketException, HttpResponse<?>> {

    private final Problems problems;
    private final ApplicationEventPublisher<DocketException.Answered> answered;

    DocketExceptionHandler(Problems problems, ApplicationEventPublisher<DocketException.Answered> answered) {
        this.problems = problems;
        this.answered = answered;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DocketException exception) {
        answered.publishEvent(new DocketException.Answered(request, exception));
        return problems.answer(request, exception, HttpResponse.status(exception.status()), exception.field(), exception.getMessage());
    }
}
