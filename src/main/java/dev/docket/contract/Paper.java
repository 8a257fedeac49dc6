package dev.docket.contract;

/** Whose template the contract is drafted on; the customer's paper costs legal far more review. */
public enum Paper {
    OURS, CUSTOMER
}
