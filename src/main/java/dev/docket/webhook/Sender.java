package dev.docket.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Sends one attempt of a delivery with the JDK's HTTP client, asynchronously: no thread waits on a slow receiver, and
 * the connect and request timeouts bound every attempt. Redirects are not followed: the signature is for the URL the
 * admin registered.
 */
@Singleton
class Sender {

    static final String TIMESTAMP = "Docket-Timestamp";
    static final String SIGNATURE = "Docket-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String EVENT_TYPE = "Docket-Event-Type";
    static final String WEBHOOK_ID = "Docket-Webhook-Id";
    static final String ATTEMPT = "Docket-Delivery-Attempt";
    private static final int MAX_ERROR = 500;

    private final HttpClient http;
    private final WebhookProperties properties;
    /** Receivers check the timestamp against their own clock, so it is wall time, never the business clock. */
    private final Clock wall = Clock.systemUTC();

    Sender(WebhookProperties properties, @Named("webhook-delivery") ExecutorService executor) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The attempt's outcome; never completes exceptionally. */
    CompletableFuture<Outcome> send(Subscription subscription, Delivery delivery) {
        long timestamp = wall.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(subscription.url())).timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Docket-Webhooks/1")
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(SIGNATURE, Signature.sign(subscription.secret(), timestamp, delivery.body()))
                    .header(IDEMPOTENCY_KEY, Long.toString(delivery.eventId()))
                    .header(EVENT_TYPE, delivery.eventType())
                    .header(WEBHOOK_ID, Long.toString(subscription.id()))
                    .header(ATTEMPT, Integer.toString(delivery.attempts() + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null ? new Outcome(response.statusCode(), null)
                            : new Outcome(null, describe(failure)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, describe(e)));
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    /** The receiver's status code, or why there was none (refused, timed out). */
    record Outcome(@Nullable Integer statusCode, @Nullable String error) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        String errorText() {
            return error != null ? error : "the receiver answered " + statusCode;
        }
    }
}
