package dev.docket.contract;

public enum ContractType {
    NDA, MSA, ORDER_FORM, DPA, AMENDMENT, OTHER
}
