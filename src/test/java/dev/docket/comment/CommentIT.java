package dev.docket.comment;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.docket.contract.ContractView;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class CommentIT extends DatabaseTest {

    @Inject
    TestClock clock;

    @Test
    void eachContractHasItsOwnThreadOldestFirst() {
        clock.set(TestClock.START);
        ContractView c = api.create(contract("CM-1"));
        String sam = people.token("Sam Sales", "viewer");
        ContractView other = api.create(contract("CM-2"));

        HttpResponse<CommentView> first = api.exchange(HttpRequest.POST("/api/contracts/" + c.id() + "/comments",
                map("text", "  Their liability cap is unlimited.\nNeeds CFO sign-off.  ")), CommentView.class);
        clock.advance(Duration.ofMinutes(5));
        api.exchange(HttpRequest.POST("/api/contracts/" + other.id() + "/comments",
                map("text", "Different deal")), CommentView.class);
        api.exchange(People.as(sam, HttpRequest.POST("/api/contracts/" + c.id() + "/comments",
                map("text", "Asked the CFO today"))), CommentView.class);

        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body().createdAt()).isEqualTo(TestClock.START);
        CommentView[] thread = api.get("/api/contracts/" + c.id() + "/comments", CommentView[].class);
        assertThat(thread).as("authors are the callers").extracting(CommentView::author).containsExactly("initial-token", "Sam Sales");
        assertThat(thread[0].text()).isEqualTo("Their liability cap is unlimited.\nNeeds CFO sign-off.");
        assertThat(thread[1].createdAt()).isEqualTo(TestClock.START.plus(Duration.ofMinutes(5)));
        assertThat(thread).allSatisfy(t -> assertThat(t.contractId()).isEqualTo(c.id()));
        assertThat(api.get("/api/contracts/" + other.id() + "/comments", CommentView[].class)).hasSize(1);
    }
}
