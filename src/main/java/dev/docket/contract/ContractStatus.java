package dev.docket.contract;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a contract in legal's hands. Open statuses are the backlog that gets ranked. */
public enum ContractStatus {
    SUBMITTED, IN_REVIEW, WAITING_ON_SALES, APPROVED, SIGNED, WITHDRAWN;

    public static final Set<ContractStatus> OPEN = EnumSet.of(SUBMITTED, IN_REVIEW, WAITING_ON_SALES);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Moves legal actually makes; anything else is a mistake worth refusing. */
    public boolean canMoveTo(ContractStatus next) {
        if (next == this) {
            return true;
        }
        return switch (this) {
            case SUBMITTED -> next == IN_REVIEW || next == WAITING_ON_SALES || next == WITHDRAWN;
            case IN_REVIEW -> next == WAITING_ON_SALES || next == APPROVED || next == WITHDRAWN;
            case WAITING_ON_SALES -> next == IN_REVIEW || next == WITHDRAWN;
            case APPROVED -> next == SIGNED || next == IN_REVIEW || next == WITHDRAWN;
            case SIGNED, WITHDRAWN -> false;
        };
    }
}
