package dev.docket.contract;

public final class InvalidStatusChangeException extends RuntimeException {

    public InvalidStatusChangeException(long id, ContractStatus from, ContractStatus to) {
        super("Contract " + id + " cannot move from " + from + " to " + to
                + (from.isOpen() ? "" : "; it is closed"));
    }
}
