package dev.docket.ranking;

import dev.docket.system.ProblemHandler;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

@Singleton
final class NotInQueueHandler extends ProblemHandler<NotInQueueException> {

    NotInQueueHandler(ErrorResponseProcessor<?> processor) {
        super(processor, HttpStatus.CONFLICT);
    }
}
