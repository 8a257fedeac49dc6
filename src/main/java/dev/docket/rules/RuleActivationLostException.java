package dev.docket.rules;

import dev.docket.rules.version.RuleVersion;
import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** Two activations were based on the same live version and the other one won; this candidate is not live. */
public final class RuleActivationLostException extends DocketException {

    RuleActivationLostException(String candidateHash, RuleVersion winner) {
        super(HttpStatus.CONFLICT, null, describe(candidateHash, winner));
    }

    static String describe(String candidateHash, RuleVersion winner) {
        return "Rule set " + candidateHash + " was not activated: version " + winner.id() + " (" + winner.hash() + ", "
                + winner.source() + (winner.activatedBy() == null ? "" : " by " + winner.activatedBy()) + " at "
                + winner.activatedAt() + ") went live first, after this candidate was based on the previous version. "
                + "Check GET /api/rules/status and activate again if your change is still wanted";
    }
}
