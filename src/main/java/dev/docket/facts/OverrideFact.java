package dev.docket.facts;

import java.time.Instant;

/**
 * An approved, unexpired override of one contract's place, as the rules see it: signed points or
 * "pin to top", with the reason and the people behind it, so the explanation shows all of it.
 */
public final class OverrideFact {

    private final long id;
    private final double points;
    private final boolean pinToTop;
    private final String reason;
    private final String askedBy;
    private final String approvedBy;
    private final Instant expiresAt;

    public OverrideFact(long id, double points, boolean pinToTop, String reason, String askedBy, String approvedBy,
                        Instant expiresAt) {
        this.id = id;
        this.points = points;
        this.pinToTop = pinToTop;
        this.reason = reason;
        this.askedBy = askedBy;
        this.approvedBy = approvedBy;
        this.expiresAt = expiresAt;
    }

    public long getId() { return id; }
    public double getPoints() { return points; }
    public boolean isPinToTop() { return pinToTop; }
    public String getReason() { return reason; }
    public String getAskedBy() { return askedBy; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getExpiresAt() { return expiresAt; }
}
