package dev.docket.webhook;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

final class WebhookNotFoundException extends DocketException {
    WebhookNotFoundException(String what, long id) {
        super(HttpStatus.NOT_FOUND, null, "There is no " + what + " " + id);
    }
}
