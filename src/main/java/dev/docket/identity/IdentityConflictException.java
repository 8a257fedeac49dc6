package dev.docket.identity;

final class IdentityConflictException extends RuntimeException {
    IdentityConflictException(String message) {
        super(message);
    }
}
