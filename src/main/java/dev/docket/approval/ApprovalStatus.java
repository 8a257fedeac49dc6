package dev.docket.approval;

/** PENDING until its decision maker answers; APPROVED and REJECTED are final. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
