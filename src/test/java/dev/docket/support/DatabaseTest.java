package dev.docket.support;

import java.util.HashMap;
import java.util.Map;

import dev.docket.contract.ContractRepository;
import dev.docket.contract.GateRepository;
import dev.docket.ranking.RankingService;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** Base of integration tests: each test class runs its own Docket against its own fresh database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    protected final TestDatabase database = new TestDatabase();

    @Inject
    protected ContractRepository contractRepository;

    @Inject
    protected GateRepository gateRepository;

    @Inject
    protected RankingService rankingService;

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
