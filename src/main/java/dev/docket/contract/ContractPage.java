package dev.docket.contract;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record ContractPage(List<ContractView> items, int page, int size, long totalItems, int totalPages) {
}
