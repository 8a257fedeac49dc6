package dev.docket.comment;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record CommentView(long id, long contractId, String author, String text, Instant createdAt) {

    public static CommentView of(Comment c) {
        return new CommentView(c.id(), c.contractId(), c.author(), c.body(), c.createdAt());
    }
}
