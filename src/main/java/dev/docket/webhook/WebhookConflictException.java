package dev.docket.webhook;

final class WebhookConflictException extends RuntimeException {
    WebhookConflictException(String message) {
        super(message);
    }
}
