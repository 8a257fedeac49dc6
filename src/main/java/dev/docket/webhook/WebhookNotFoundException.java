package dev.docket.webhook;

final class WebhookNotFoundException extends RuntimeException {
    WebhookNotFoundException(String what, long id) {
        super("There is no " + what + " " + id);
    }
}
