package dev.docket.rules.api;

import dev.docket.rules.RuleActivationLostException;
import dev.docket.rules.UnknownRuleVersionException;
import dev.docket.rules.scoring.RuleScoringException;
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

    @Singleton
    static final class ActivationLost extends ProblemHandler<RuleActivationLostException> {
        ActivationLost(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    /** A candidate that fails on a real contract (preview): 422 naming the rule and the contract, never a 500. */
    @Singleton
    static final class CandidateFailsOnBacklog extends ProblemHandler<RuleScoringException> {
        CandidateFailsOnBacklog(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.UNPROCESSABLE_ENTITY);
        }

        @Override
        protected String field(RuleScoringException exception) {
            return "files";
        }
    }
}
