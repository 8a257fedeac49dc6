package dev.docket.contract;

public final class DuplicateExternalRefException extends RuntimeException {

    public DuplicateExternalRefException(String externalRef, long existingId) {
        super("External reference '" + externalRef + "' already belongs to contract " + existingId
                + "; use PUT /api/contracts/by-ref/" + externalRef + " to update it");
    }
}
