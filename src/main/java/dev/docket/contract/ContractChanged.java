package dev.docket.contract;

/** Published after a contract write commits, so caches such as the ranking know to refresh. */
public record ContractChanged(long contractId) {
}
