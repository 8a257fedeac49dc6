package dev.docket.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import dev.docket.contract.ContractRepository;
import dev.docket.contract.GateRepository;
import dev.docket.ranking.RankingService;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of integration tests: each test class runs its own Docket against its own fresh database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    protected final TestDatabase database = new TestDatabase();

    /** The test runner's token (every role, no decision makers), which requests carry unless they say otherwise. */
    protected static final String RUNNER_TOKEN = "runner-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    @Inject
    protected ContractRepository contractRepository;

    @Inject
    protected GateRepository gateRepository;

    @Inject
    protected RankingService rankingService;

    /** A client of the test's own server; TestRunnerToken signs its requests as the runner. */
    @Inject
    @Client("/")
    protected HttpClient client;

    /** The test's own server on its real port, for what a plain HTTP client, a socket or a browser reaches. */
    @Inject
    protected EmbeddedServer server;

    /** The API over {@link #client}, ready before the first {@code @BeforeAll} of the test class. */
    protected Api api;

    /** Named callers an admin (the runner) creates through the API, ready with {@link #api}. */
    protected People people;

    @BeforeAll
    void connectApi() {
        api = new Api(client.toBlocking());
        people = new People(client.toBlocking());
    }

    /** A plain connection to the test's database, outside Docket, for what a test reads or writes behind its back. */
    protected Connection connect() throws SQLException {
        return database.connect();
    }

    /** Test methods share their class's database; each that counts rows starts from an empty backlog. */
    protected void emptyBacklog() {
        gateRepository.deleteAll();
        contractRepository.deleteAll();
        rankingService.invalidate();
        rankingService.fresh();
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(database.properties());
        properties.put("docket.security.initial-token", RUNNER_TOKEN);
        properties.put("docket.security.initial-token-roles", "admin,legal,approver,rules-author,rules-admin,metrics");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings a test class needs on top of its database. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }
}
