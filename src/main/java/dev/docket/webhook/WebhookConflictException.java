package dev.docket.webhook;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

final class WebhookConflictException extends DocketException {
    WebhookConflictException(String message) {
        super(HttpStatus.CONFLICT, null, message);
    }
}
