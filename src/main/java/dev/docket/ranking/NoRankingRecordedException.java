package dev.docket.ranking;

import java.time.Instant;

import dev.docket.system.ProblemHandler;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** A replay asked for a moment before Docket recorded any ranking. */
public final class NoRankingRecordedException extends RuntimeException {

    public NoRankingRecordedException(Instant at) {
        super("No ranking was recorded at or before " + at + "; history starts with the first ranking Docket computed");
    }

    @Singleton
    static final class Handler extends ProblemHandler<NoRankingRecordedException> {
        Handler(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }

        @Override
        protected String field(NoRankingRecordedException e) {
            return "at";
        }
    }
}
