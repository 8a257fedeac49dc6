package dev.docket.approval;

/** The answers a decision maker can give; "still thinking" is PENDING, which is not a decision. */
public enum Decision {
    APPROVED, REJECTED;

    ApprovalStatus status() {
        return ApprovalStatus.valueOf(name());
    }
}
