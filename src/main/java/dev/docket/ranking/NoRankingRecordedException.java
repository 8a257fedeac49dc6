package dev.docket.ranking;

import java.time.Instant;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** A replay asked for a moment before Docket recorded any ranking. */
public final class NoRankingRecordedException extends DocketException {

    public NoRankingRecordedException(Instant at) {
        super(HttpStatus.NOT_FOUND, "at", "No ranking was recorded at or before " + at + "; history starts with the first ranking Docket computed");
    }
}
