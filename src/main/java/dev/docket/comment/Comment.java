package dev.docket.comment;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One message in a contract's discussion, so decisions about it are argued in the open and kept. */
@MappedEntity("contract_comment")
public record Comment(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        String author,
        String body,
        Instant createdAt) {
}
