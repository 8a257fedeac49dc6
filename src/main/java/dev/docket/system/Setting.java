package dev.docket.system;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A named value Docket records about its own data, such as the readiness policy readySince was derived with. */
@MappedEntity("docket_setting")
public record Setting(@Id String name, String content, Instant changedAt) {
}
