package dev.docket.crm;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.docket.contract.ContractStatus;
import io.micronaut.core.annotation.Nullable;

/** One opportunity of the CRM's pipeline file, checked and mapped to what Docket stores. */
record PipelineRow(long line, String externalRef, String owner, String product, @Nullable String account,
                   ContractStatus status, @Nullable LocalDate engaged, @Nullable LocalDate closed,
                   @Nullable BigDecimal value, @Nullable String team) {
}
