package dev.docket.override;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.docket.contract.InvalidFieldException;
import jakarta.inject.Singleton;

/**
 * The rules an override request must meet before it may touch the ranking: exactly one effect within
 * the configured limits, a reason others can judge, and an end within the configured maximum. Who may approve
 * it (an approver who is not the asker) is checked against identities by {@link OverrideService}.
 */
@Singleton
class OverrideChecks {

    static final int MIN_REASON_CHARS = 15;
    static final int MIN_REASON_WORDS = 3;

    private final OverrideProperties properties;

    OverrideChecks(OverrideProperties properties) {
        this.properties = properties;
    }

    void check(OverrideRequest r, Instant now) {
        checkEffect(r);
        checkReason(r.reason());
        checkExpiry(r.expiresAt(), now);
    }

    private void checkEffect(OverrideRequest r) {
        BigDecimal max = properties.maxPoints();
        if (r.points() != null && r.pins()) {
            throw new InvalidFieldException("pinToTop", "give either points or pinToTop: true, not both; a pinned contract"
                    + " already ranks above every points total, so the points would mean nothing");
        }
        if (r.points() == null && !r.pins()) {
            throw new InvalidFieldException("points", "give either signed points (between -" + plain(max) + " and "
                    + plain(max) + ") or pinToTop: true; an override must change something");
        }
        if (r.points() != null && r.points().signum() == 0) {
            throw new InvalidFieldException("points", "must not be 0; an override that changes nothing only adds noise to the ledger");
        }
        if (r.points() != null && r.points().abs().compareTo(max) > 0) {
            throw new InvalidFieldException("points", plain(r.points()) + " is beyond the limit of " + plain(max)
                    + " points either way (docket.overrides.max-points); an override nudges a contract, it does not replace the policy");
        }
    }

    private static void checkReason(String reason) {
        String text = reason.strip();
        long words = Arrays.stream(text.split("\\s+")).filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit)).count();
        if (text.length() < MIN_REASON_CHARS || words < MIN_REASON_WORDS) {
            throw new InvalidFieldException("reason", "'" + text + "' is too short to judge (" + text.length() + " characters, "
                    + words + (words == 1 ? " word" : " words") + "); say why in at least " + MIN_REASON_CHARS
                    + " characters and " + MIN_REASON_WORDS + " words, because every explanation of the ranking shows it");
        }
    }

    private void checkExpiry(Instant expiresAt, Instant now) {
        Duration max = properties.maxDuration();
        if (!expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expiresAt", expiresAt + " is not in the future (now is " + now
                    + "); an override must expire later than now");
        }
        if (expiresAt.isAfter(now.plus(max))) {
            throw new InvalidFieldException("expiresAt", expiresAt + " is more than " + max.toDays() + " days from now (latest allowed: "
                    + now.plus(max) + ", docket.overrides.max-duration); overrides must lapse and be asked for again");
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
