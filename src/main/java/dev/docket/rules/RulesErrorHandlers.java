package dev.docket.rules;

import dev.docket.system.ProblemHandler;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

final class RulesErrorHandlers {

    private RulesErrorHandlers() {
    }

    @Singleton
    static final class UnknownVersion extends ProblemHandler<UnknownRuleVersionException> {
        UnknownVersion(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }
}
