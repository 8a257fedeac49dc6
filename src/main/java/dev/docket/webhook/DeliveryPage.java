package dev.docket.webhook;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/** A page of a subscription's deliveries, newest first. */
@Serdeable
record DeliveryPage(List<DeliveryView> deliveries, int page, int size, long total) {
}
