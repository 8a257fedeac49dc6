package dev.docket.webhook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import dev.docket.audit.AuditLog;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Reading a subscription's deliveries, and sending one again on an admin's word (audited). */
@Singleton
class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final Subscriptions subscriptions;
    private final AuditLog audit;
    private final Dispatcher dispatcher;
    /** Wall time, as the dispatcher uses: a replay is due now, whatever the business clock says. */
    private final Clock wall = Clock.systemUTC();

    DeliveryLog(DeliveryRepository deliveries, Subscriptions subscriptions, AuditLog audit, Dispatcher dispatcher) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.dispatcher = dispatcher;
    }

    DeliveryPage page(long subscriptionId, int page, int size) {
        subscriptions.find(subscriptionId);
        Page<Delivery> found = deliveries.findBySubscriptionId(subscriptionId,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("id"))));
        return new DeliveryPage(found.getContent().stream().map(DeliveryView::of).toList(), page, size, found.getTotalSize());
    }

    /** Queues the delivery again with a fresh set of attempts: the same body and idempotency key, newly signed. */
    @Transactional
    DeliveryView replay(long subscriptionId, long deliveryId) {
        subscriptions.find(subscriptionId);
        Delivery before = deliveries.findById(deliveryId).filter(d -> d.subscriptionId() == subscriptionId)
                .orElseThrow(() -> new WebhookNotFoundException("delivery of webhook " + subscriptionId + " with id", deliveryId));
        if (deliveries.replay(deliveryId, wall.instant().truncatedTo(ChronoUnit.MICROS)) == 0) {
            throw new WebhookConflictException("Delivery " + deliveryId + " is being sent right now; replay it once its attempt is over");
        }
        Delivery after = deliveries.findById(deliveryId).orElseThrow();
        audit.changed("webhook-delivery", deliveryId, "replay", DeliveryView.of(before), DeliveryView.of(after));
        dispatcher.wake();
        return DeliveryView.of(after);
    }
}
