package dev.docket.contract;

public final class ContractNotFoundException extends RuntimeException {

    public ContractNotFoundException(long id) {
        super("No contract has id " + id);
    }

    public ContractNotFoundException(String externalRef) {
        super("No contract has external reference '" + externalRef + "'");
    }
}
