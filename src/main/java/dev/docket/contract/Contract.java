package dev.docket.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/** A deal waiting for legal, as stored. Rules never see this record; they see {@code dev.docket.facts.ContractFact}. */
@MappedEntity("contract")
public record Contract(
        @Id @GeneratedValue @Nullable Long id,
        String externalRef,
        String title,
        String account,
        String owner,
        String team,
        String product,
        ContractType contractType,
        Paper paper,
        BigDecimal dealAmount,
        String dealCurrency,
        BigDecimal expansionAmount,
        String expansionCurrency,
        @Nullable LocalDate targetCloseDate,
        ContractStatus status,
        Instant submittedAt,
        @Nullable Instant readySince,
        @Nullable String assignee,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public Contract withStatus(ContractStatus newStatus, Instant now) {
        return new Contract(id, externalRef, title, account, owner, team, product, contractType, paper,
                dealAmount, dealCurrency, expansionAmount, expansionCurrency, targetCloseDate, newStatus,
                submittedAt, readySince, assignee, createdAt, now, version);
    }

    public Contract withUpdatedAt(Instant now) {
        return withReadySince(readySince, now);
    }

    public Contract withReadySince(@Nullable Instant newReadySince, Instant now) {
        return new Contract(id, externalRef, title, account, owner, team, product, contractType, paper,
                dealAmount, dealCurrency, expansionAmount, expansionCurrency, targetCloseDate, status,
                submittedAt, newReadySince, assignee, createdAt, now, version);
    }
}
