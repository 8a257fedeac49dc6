package dev.docket.contract;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** What a CRM sync is told by PUT /api/contracts/by-ref/{ref} is what happened, and a sync that changes nothing changes nothing. */
@MicronautTest(transactional = false)
class UpsertIT extends DatabaseTest {

    private HttpResponse<ContractView> put(String ref, Map<String, Object> body) {
        return api.exchange(HttpRequest.PUT("/api/contracts/by-ref/" + ref, body), ContractView.class);
    }

    @Test
    void aRepeatedSyncKeepsVersionAndTimestamps() {
        Map<String, Object> body = contract("UP-SAME", "gates", Map.of("pricing-approved", true));
        assertThat(put("UP-SAME", body).code()).isEqualTo(201);
        Contract before = contractRepository.findByExternalRef("UP-SAME").orElseThrow();

        HttpResponse<ContractView> again = put("UP-SAME", body);

        assertThat(again.code()).isEqualTo(200);
        Contract after = contractRepository.findByExternalRef("UP-SAME").orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(again.body().version()).isEqualTo(before.version());
        assertThat(gateRepository.findByContractIdOrderByName(before.id()))
                .allSatisfy(g -> assertThat(g.changedAt()).isBeforeOrEqualTo(before.updatedAt()));
    }

    @Test
    void aRealChangeStillBumpsTheVersion() {
        put("UP-CHANGE", contract("UP-CHANGE"));
        long version = contractRepository.findByExternalRef("UP-CHANGE").orElseThrow().version();

        HttpResponse<ContractView> changed = put("UP-CHANGE", contract("UP-CHANGE", "title", "A new title"));

        assertThat(changed.code()).isEqualTo(200);
        assertThat(changed.body().title()).isEqualTo("A new title");
        assertThat(changed.body().version()).isEqualTo(version + 1);
    }

    @Test
    void aStatusInTheBodyIsRefusedNotIgnored() {
        Api.Failure failure = api.fail(HttpRequest.PUT("/api/contracts/by-ref/UP-SIGNED", contract("UP-SIGNED", "status", "SIGNED")));

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.problem().errors()).anySatisfy(e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(contractRepository.findByExternalRef("UP-SIGNED")).isEmpty();
    }

    @Test
    void anUpdateToAWithdrawnContractIsAConflictAndChangesNothing() {
        ContractView created = put("UP-GONE", contract("UP-GONE")).body();
        api.exchange(HttpRequest.POST("/api/contracts/" + created.id() + "/withdraw", map("version", created.version())), ContractView.class);
        Contract withdrawn = contractRepository.findById(created.id()).orElseThrow();

        Api.Failure failure = api.fail(HttpRequest.PUT("/api/contracts/by-ref/UP-GONE", contract("UP-GONE", "title", "Revived")));

        assertThat(failure.status()).isEqualTo(409);
        assertThat(failure.problem().detail()).contains("is WITHDRAWN, so it takes no update from the CRM");
        assertThat(contractRepository.findById(created.id()).orElseThrow()).isEqualTo(withdrawn);
    }
}
