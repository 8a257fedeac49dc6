package dev.docket.identity;

final class IdentityNotFoundException extends RuntimeException {
    IdentityNotFoundException(String what, Object id) {
        super("There is no " + what + " " + id);
    }
}
