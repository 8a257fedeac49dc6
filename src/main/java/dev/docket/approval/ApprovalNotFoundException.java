package dev.docket.approval;

public final class ApprovalNotFoundException extends RuntimeException {

    public ApprovalNotFoundException(long id) {
        super("No approval request has id " + id);
    }
}
