package dev.docket.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractType;
import dev.docket.contract.CurrencyConverter;
import dev.docket.contract.Gate;
import dev.docket.contract.MoneyProperties;
import dev.docket.contract.ReadinessPolicy;
import dev.docket.contract.ReadinessProperties;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.facts.ContractMix;
import dev.docket.facts.Lane;
import dev.docket.facts.OverrideFact;
import dev.docket.calendar.BusinessDays;
import dev.docket.sample.CrmDeals;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.yaml.snakeyaml.Yaml;

/**
 * The SQL baseline: what a team would do instead of Docket, the same policy as a view over Docket's schema
 * ({@code bench/sql/ranking-view.sql}) read with ORDER BY and LIMIT, against Docket's in-memory ranking, where a
 * page is a sublist of the scored queue whose contributions (with their reasons) are formatted on read.
 * <p>
 * Set-up creates a database of its own ({@code docket_bench_<random>}, dropped at tear-down) on the MariaDB or
 * MySQL server at {@code DOCKET_BENCH_MARIADB_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}, user
 * {@code DOCKET_BENCH_MARIADB_USER}, root, password {@code DOCKET_BENCH_MARIADB_PASSWORD}, empty), runs Docket's
 * Flyway migrations, loads {@code CrmDeals(1).stored(i, now)} as {@code GeneratedBacklogLoader} does
 * (contracts, gates, pending approvals, overrides) with JDBC batches, and creates the view. Docket's queue is
 * scored by the real rules from facts built like {@code FactAssembler} does, from the rows read back.
 * Before measuring, set-up checks that the view's top 50 (ids, lanes, pins, scores within 0.011) and every
 * contract's lane, pin, contributions and place in the queue equal Docket's, and refuses to run otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 10, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SqlBaselineBenchmark {

    static final int PAGE_SIZE = 50;
    static final int DEEP_OFFSET = 5_000;
    /** QueueOrder.COMPARATOR in SQL: ready lane first, pinned first, score desc, ready_since asc (nulls last), id. */
    static final String QUEUE_ORDER = "ORDER BY ready DESC, pinned DESC, score DESC, ready_since IS NULL, ready_since, id";
    static final String COLUMNS = "id, lane, pinned, score, ready_since, fifo_points, deal_value_points, expansion_points,"
            + " urgency_points, quick_review_points, override_points, gates_open, approvals_pending";
    static final String OPEN = "('SUBMITTED', 'IN_REVIEW', 'WAITING_ON_SALES')";
    private static final String VIEW_FILE = System.getProperty("docket.bench.view", "bench/sql/ranking-view.sql");
    private static final int BATCH = 1_000;
    private static final int SHOWN_MISMATCHES = 10;
    private static final Comparator<Contribution> BIGGEST_FIRST =
            Comparator.comparingDouble(Contribution::points).reversed();

    @Param({"10000", "100000"})
    public int contracts;

    private final String serverUrl = env("DOCKET_BENCH_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = env("DOCKET_BENCH_MARIADB_USER", "root");
    private final String password = envOrEmpty("DOCKET_BENCH_MARIADB_PASSWORD");

    private String database;
    private Connection connection;
    private PreparedStatement firstPage;
    private PreparedStatement deepPage;
    private List<ContractFact> queue;

    /** A row of the view as a page shows it: the numbers per rule, but no reasons. */
    public record SqlRow(long id, String lane, boolean pinned, BigDecimal score, Instant readySince, BigDecimal fifo,
                         BigDecimal dealValue, BigDecimal expansion, BigDecimal urgency, BigDecimal quickReview,
                         BigDecimal override, int gatesOpen, int approvalsPending) {

        long hundredths(String contribution) {
            BigDecimal points = switch (contribution) {
                case "fifo" -> fifo;
                case "value" -> dealValue;
                case "expansion" -> expansion;
                case "urgency" -> urgency;
                case "quick" -> quickReview;
                case "override" -> override;
                default -> throw new IllegalArgumentException(contribution);
            };
            return points.movePointRight(2).longValueExact();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "id %d %s%s score %s [fifo %s, value %s, expansion %s, urgency %s, quick %s,"
                            + " override %s; gates open %d, approvals pending %d, ready since %s]", id, lane,
                    pinned ? " pinned" : "", score, fifo, dealValue, expansion, urgency, quickReview, override, gatesOpen,
                    approvalsPending, readySince);
        }
    }

    /** An entry of Docket's ranking page: the scored fact's place, lane and contributions with their reasons. */
    public record Entry(int position, long id, Lane lane, boolean pinned, double score, List<Contribution> contributions,
                        List<String> blockers) {
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Config config = Config.fromApplicationYml();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        database = "docket_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            try (Connection admin = DriverManager.getConnection(url(""), user, password);
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            String url = url(database);
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
            connection = DriverManager.getConnection(url, user, password);

            long start = System.nanoTime();
            load(new CrmDeals(1), now);
            createView();
            long loaded = System.nanoTime();

            queue = rank(SyntheticRules.realRuleSet(), readFacts(config, today, Instant.now()));
            long ranked = System.nanoTime();

            firstPage = connection.prepareStatement("SELECT " + COLUMNS + " FROM contract_ranking " + QUEUE_ORDER
                    + " LIMIT " + PAGE_SIZE);
            deepPage = connection.prepareStatement("SELECT " + COLUMNS + " FROM contract_ranking " + QUEUE_ORDER
                    + " LIMIT " + PAGE_SIZE + " OFFSET " + DEEP_OFFSET);
            String verdict = check();
            System.out.printf(Locale.ROOT, "%nDatabase %s: %,d contracts loaded and viewed in %.1f s, ranked by Docket in %.1f s"
                            + " (%,d in the ready lane); %s%n", database, contracts, (loaded - start) / 1e9,
                    (ranked - loaded) / 1e9, queue.stream().filter(f -> f.getLane() == Lane.READY).count(), verdict);
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            connection = null;
            if (database != null) {
                try (Connection admin = DriverManager.getConnection(url(""), user, password);
                     Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database);
                }
                database = null;
            }
        }
    }

    /** The first page of the SQL ranking, read fully into rows. */
    @Benchmark
    public List<SqlRow> sqlViewPage() throws SQLException {
        return read(firstPage);
    }

    /** Page 101 of the SQL ranking (OFFSET 5000): the database still scores and sorts every open contract. */
    @Benchmark
    public List<SqlRow> sqlViewPageWithOffset() throws SQLException {
        return read(deepPage);
    }

    /**
     * The first page of Docket's ranking, as Ranking.page builds it: already scored and sorted, so it copies 50 entries
     * with their contributions, reasons formatted and biggest first (no JSON, no forecast, in neither benchmark).
     */
    @Benchmark
    public List<Entry> snapshotPage() {
        return page(queue, 0);
    }

    /** Page 101 of Docket's ranking (entries 5,001 to 5,050). */
    @Benchmark
    public List<Entry> snapshotPageWithOffset() {
        return page(queue, DEEP_OFFSET);
    }

    static List<Entry> page(List<ContractFact> queue, int offset) {
        int to = Math.min(queue.size(), offset + PAGE_SIZE);
        List<Entry> entries = new ArrayList<>(Math.max(0, to - offset));
        for (int i = offset; i < to; i++) {
            ContractFact f = queue.get(i);
            // Biggest contribution first, as RankedEntry lists them.
            List<Contribution> contributions = new ArrayList<>(f.getContributions());
            contributions.sort(BIGGEST_FIRST);
            entries.add(new Entry(i + 1, f.getId(), f.getLane(), f.isPinned(), f.getScore(), contributions, f.getBlockers()));
        }
        return entries;
    }

    static List<SqlRow> read(PreparedStatement query) throws SQLException {
        List<SqlRow> rows = new ArrayList<>(PAGE_SIZE);
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static SqlRow row(ResultSet rs) throws SQLException {
        LocalDateTime readySince = rs.getObject(5, LocalDateTime.class);
        return new SqlRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBigDecimal(4),
                readySince == null ? null : readySince.toInstant(ZoneOffset.UTC), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getInt(12),
                rs.getInt(13));
    }

    // ---- loading, as GeneratedBacklogLoader stores generated contracts, with JDBC batches ----

    private void load(CrmDeals generator, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement contract = connection.prepareStatement("INSERT INTO contract (id, external_ref, title, account,"
                + " owner, team, product, contract_type, paper, deal_amount, deal_currency, expansion_amount, expansion_currency,"
                + " target_close_date, status, submitted_at, ready_since, assignee, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement gate = connection.prepareStatement("INSERT INTO contract_gate (contract_id, name, passed,"
                     + " changed_at, changed_by) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement approval = connection.prepareStatement("INSERT INTO contract_approval (contract_id,"
                     + " decision_maker, question, status, requested_by, requested_at) VALUES (?, ?, ?, 'PENDING', ?, ?)");
             PreparedStatement override = connection.prepareStatement("INSERT INTO contract_override (contract_id, points,"
                     + " pin_to_top, reason, asked_by, approved_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < contracts; from += BATCH) {
                int to = Math.min(contracts, from + BATCH);
                List<CrmDeals.StoredDeal> deals = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    deals.add(generator.stored(i, now));
                }
                for (int k = 0; k < deals.size(); k++) {
                    // A fresh database hands out ids 1..n in insertion order, as it does to GeneratedBacklogLoader.
                    long id = from + k + 1L;
                    Contract c = deals.get(k).contract();
                    contract.setLong(1, id);
                    contract.setString(2, c.externalRef());
                    contract.setString(3, c.title());
                    contract.setString(4, c.account());
                    contract.setString(5, c.owner());
                    contract.setString(6, c.team());
                    contract.setString(7, c.product());
                    contract.setString(8, c.contractType().name());
                    contract.setString(9, c.paper().name());
                    contract.setBigDecimal(10, c.dealAmount());
                    contract.setString(11, c.dealCurrency());
                    contract.setBigDecimal(12, c.expansionAmount());
                    contract.setString(13, c.expansionCurrency());
                    contract.setObject(14, c.targetCloseDate());
                    contract.setString(15, c.status().name());
                    contract.setObject(16, utc(c.submittedAt()));
                    contract.setObject(17, utc(c.readySince()));
                    contract.setString(18, c.assignee());
                    contract.setObject(19, utc(c.createdAt()));
                    contract.setObject(20, utc(c.updatedAt()));
                    contract.setLong(21, 0);
                    contract.addBatch();
                }
                contract.executeBatch();
                for (int k = 0; k < deals.size(); k++) {
                    long id = from + k + 1L;
                    CrmDeals.StoredDeal deal = deals.get(k);
                    Contract c = deal.contract();
                    for (Map.Entry<String, Boolean> g : deal.gates().entrySet()) {
                        gate.setLong(1, id);
                        gate.setString(2, g.getKey());
                        gate.setBoolean(3, g.getValue());
                        gate.setObject(4, utc(deal.gatesChangedAt()));
                        gate.setString(5, c.owner());
                        gate.addBatch();
                    }
                    if (deal.pendingApproval() != null) {
                        String[] who = deal.pendingApproval().split(": ", 2);
                        approval.setLong(1, id);
                        approval.setString(2, who[0]);
                        approval.setString(3, who[1]);
                        approval.setString(4, c.owner());
                        approval.setObject(5, utc(c.submittedAt()));
                        approval.addBatch();
                    }
                    if (deal.override() != null) {
                        ContractMix.Discretion o = deal.override();
                        override.setLong(1, id);
                        if (o.pinToTop()) {
                            override.setNull(2, Types.DECIMAL);
                        } else {
                            override.setBigDecimal(2, BigDecimal.valueOf(o.points()));
                        }
                        override.setBoolean(3, o.pinToTop());
                        override.setString(4, o.reason());
                        override.setString(5, c.owner());
                        override.setString(6, "head-of-legal");
                        override.setObject(7, utc(now));
                        override.setObject(8, utc(now.plus(14, ChronoUnit.DAYS)));
                        override.addBatch();
                    }
                }
                gate.executeBatch();
                approval.executeBatch();
                override.executeBatch();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE TABLE contract, contract_gate, contract_approval, contract_override");
        }
    }

    private void createView() throws IOException, SQLException {
        String sql = Files.readString(Path.of(VIEW_FILE)).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    // ---- Docket's side: facts as FactAssembler builds them from the stored rows, scored by the real rules ----

    private List<ContractFact> readFacts(Config config, LocalDate today, Instant now) throws SQLException {
        Map<Long, List<Gate>> gates = new HashMap<>();
        Map<Long, List<String>> pending = new HashMap<>();
        Map<Long, OverrideFact> overrides = new HashMap<>();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, contract_id, name, passed, changed_at, changed_by FROM contract_gate")) {
                while (rs.next()) {
                    gates.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Gate(rs.getLong(1), rs.getLong(2),
                            rs.getString(3), rs.getBoolean(4), instant(rs, 5), rs.getString(6)));
                }
            }
            // ApprovalReadiness.pendingByContract: "decision maker: question", oldest first.
            try (ResultSet rs = s.executeQuery("SELECT contract_id, decision_maker, question FROM contract_approval"
                    + " WHERE status = 'PENDING' ORDER BY requested_at, id")) {
                while (rs.next()) {
                    pending.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + ": " + rs.getString(3));
                }
            }
        }
        // OverrideService.activeFacts: not revoked, not expired at now; should two be active, the newer one wins.
        try (PreparedStatement q = connection.prepareStatement("SELECT id, contract_id, points, pin_to_top, reason, asked_by,"
                + " approved_by, expires_at FROM contract_override WHERE revoked_at IS NULL AND expires_at > ?"
                + " ORDER BY created_at, id")) {
            q.setObject(1, utc(now));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    BigDecimal points = rs.getBigDecimal(3);
                    overrides.put(rs.getLong(2), new OverrideFact(rs.getLong(1), points == null ? 0.0 : points.doubleValue(),
                            rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8)));
                }
            }
        }
        List<ContractFact> facts = new ArrayList<>(contracts);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, external_ref, title, account, owner, team, product, contract_type, paper,"
                     + " status, deal_amount, deal_currency, expansion_amount, expansion_currency, target_close_date,"
                     + " submitted_at, ready_since FROM contract WHERE status IN " + OPEN + " ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                ContractType type = ContractType.valueOf(rs.getString(8));
                BigDecimal deal = rs.getBigDecimal(11);
                BigDecimal expansion = rs.getBigDecimal(13);
                LocalDate targetClose = rs.getObject(15, LocalDate.class);
                Instant submitted = instant(rs, 16);
                Instant readySince = instant(rs, 17);
                var builder = ContractFact.builder(id)
                        .externalRef(rs.getString(2)).title(rs.getString(3)).account(rs.getString(4))
                        .owner(rs.getString(5)).team(rs.getString(6)).product(rs.getString(7))
                        .contractType(type.name()).paper(rs.getString(9)).status(rs.getString(10))
                        .dealValue(deal, rs.getString(12), config.currencies().toBase(deal, rs.getString(12)))
                        .expansionPotentialBase(config.currencies().toBase(expansion, rs.getString(14)))
                        .submittedAt(submitted, BusinessDays.between(LocalDate.ofInstant(submitted, config.zone()), today))
                        .missingGates(config.readiness().missing(type, gates.getOrDefault(id, List.of())))
                        .pendingApprovals(pending.getOrDefault(id, List.of()))
                        .override(overrides.get(id));
                if (readySince != null) {
                    builder.readySince(readySince, BusinessDays.between(LocalDate.ofInstant(readySince, config.zone()), today));
                }
                if (targetClose != null) {
                    builder.targetCloseDate(targetClose, (int) ChronoUnit.DAYS.between(today, targetClose));
                }
                facts.add(builder.build());
            }
        }
        return facts;
    }

    private static List<ContractFact> rank(CompiledRuleSet ruleSet, List<ContractFact> facts) {
        ruleSet.score(facts);
        List<ContractFact> sorted = new ArrayList<>(facts);
        sorted.sort(QueueOrder.COMPARATOR);
        return List.copyOf(sorted);
    }

    // ---- the correctness check: the view must rank as the rules do ----

    /**
     * Compares the view with Docket's queue: the top 50 by place (id, lane, pin, score within 0.011), then every
     * contract's lane, pin and contributions, then the place of every contract in the whole queue. The only
     * difference tolerated is 0.01 in the deal value or expansion contribution (log10 of a double, rounded at a
     * half hundredth; see the view's comment); where one occurs, the whole-queue order is reported, not enforced.
     */
    private String check() throws SQLException {
        List<SqlRow> top = read(firstPage);
        List<String> topMismatches = new ArrayList<>();
        for (int i = 0; i < Math.max(top.size(), Math.min(PAGE_SIZE, queue.size())); i++) {
            ContractFact f = i < queue.size() ? queue.get(i) : null;
            SqlRow r = i < top.size() ? top.get(i) : null;
            if (f == null || r == null || f.getId() != r.id() || !f.getLane().name().equals(r.lane())
                    || f.isPinned() != r.pinned() || Math.abs(f.getScore() - r.score().doubleValue()) > 0.011) {
                topMismatches.add("#" + (i + 1) + ": Docket " + describe(f) + "\n        SQL    " + r);
            }
        }
        if (!topMismatches.isEmpty()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%d contracts: the SQL view's top %d differs from"
                            + " Docket's in %d places (ids, lanes, pins, or scores by more than 0.011); the first:%n  %s",
                    contracts, PAGE_SIZE, topMismatches.size(),
                    String.join("\n  ", topMismatches.subList(0, Math.min(SHOWN_MISMATCHES, topMismatches.size())))));
        }

        List<SqlRow> all = new ArrayList<>(queue.size());
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM contract_ranking " + QUEUE_ORDER)) {
            while (rs.next()) {
                all.add(row(rs));
            }
        }
        Map<Long, SqlRow> byId = new HashMap<>(all.size() * 2);
        all.forEach(r -> byId.put(r.id(), r));
        List<String> wrong = new ArrayList<>();
        List<String> boundary = new ArrayList<>();
        for (ContractFact f : queue) {
            SqlRow r = byId.get(f.getId());
            if (r == null) {
                wrong.add("Docket " + describe(f) + "\n        SQL    (missing from the view)");
                continue;
            }
            Map<String, Long> docket = hundredthsByContribution(f);
            boolean same = f.getLane().name().equals(r.lane()) && f.isPinned() == r.pinned();
            boolean nearlySame = same;
            for (Map.Entry<String, Long> e : docket.entrySet()) {
                long diff = Math.abs(e.getValue() - r.hundredths(e.getKey()));
                same &= diff == 0;
                nearlySame &= diff == 0 || diff == 1 && (e.getKey().equals("value") || e.getKey().equals("expansion"));
            }
            if (!nearlySame) {
                wrong.add("Docket " + describe(f) + "\n        SQL    " + r);
            } else if (!same) {
                boundary.add("Docket " + describe(f) + "\n        SQL    " + r);
            }
        }
        if (all.size() != queue.size()) {
            wrong.add(0, "the view has " + all.size() + " open contracts, Docket's queue " + queue.size());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%d contracts: the top %d match, but the SQL view"
                            + " scores %d contracts differently from Docket (lane, pin or a contribution); the first:%n  %s",
                    contracts, PAGE_SIZE, wrong.size(), String.join("\n  ", wrong.subList(0, Math.min(SHOWN_MISMATCHES, wrong.size())))));
        }
        int misplaced = 0;
        String firstMisplaced = null;
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).getId() != all.get(i).id()) {
                misplaced++;
                if (firstMisplaced == null) {
                    firstMisplaced = "#" + (i + 1) + ": Docket " + describe(queue.get(i)) + "\n        SQL    " + all.get(i);
                }
            }
        }
        if (!boundary.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n%d contracts differ by 0.01 in the value or expansion contribution (log10 rounding,"
                    + " tolerated); %d places in the whole queue differ. The first:%n  %s%n", boundary.size(), misplaced,
                    String.join("\n  ", boundary.subList(0, Math.min(SHOWN_MISMATCHES, boundary.size()))));
        } else if (misplaced > 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "%d contracts: every score matches, but %d places of"
                    + " the queue differ between the SQL view and Docket; the first:%n  %s", contracts, misplaced, firstMisplaced));
        }
        return String.format(Locale.ROOT, "check: top %d equal; all %,d contracts equal in lane, pin and contributions%s;"
                        + " queue order %s", PAGE_SIZE, queue.size(),
                boundary.isEmpty() ? "" : " (" + boundary.size() + " within 0.01)",
                misplaced == 0 ? "equal" : misplaced + " places differ");
    }

    /** Docket's contributions summed per column of the view, in hundredths. */
    private static Map<String, Long> hundredthsByContribution(ContractFact f) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String column : List.of("fifo", "value", "expansion", "urgency", "quick", "override")) {
            sums.put(column, 0L);
        }
        for (Contribution c : f.getContributions()) {
            String column = c.rule().equals("First in, first out") ? "fifo"
                    : c.rule().equals("Deal value") ? "value"
                    : c.rule().equals("Expansion potential") ? "expansion"
                    : c.rule().startsWith("Target close") ? "urgency"
                    : c.rule().startsWith("Quick review") ? "quick"
                    : c.rule().startsWith("Override") ? "override"
                    : null;
            if (column == null) {
                throw new IllegalStateException("Rule '" + c.rule() + "' is not in the SQL view; add it to "
                        + VIEW_FILE + " and to this check");
            }
            sums.merge(column, Math.round(c.points() * 100), Long::sum);
        }
        return sums;
    }

    private static String describe(ContractFact f) {
        if (f == null) {
            return "(none)";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "id %d %s%s score %.2f [", f.getId(), f.getLane(),
                f.isPinned() ? " pinned" : "", f.getScore()));
        for (Contribution c : f.getContributions()) {
            s.append(String.format(Locale.ROOT, "%s %.2f, ", c.rule(), c.points()));
        }
        return s.append("blockers ").append(f.getBlockers()).append(", ready since ").append(f.getReadySince()).append(']')
                .toString();
    }

    // ---- configuration and plumbing ----

    /** What FactAssembler's collaborators read from application.yml: readiness gates, rates, calendar zone. */
    record Config(ReadinessPolicy readiness, CurrencyConverter currencies, ZoneId zone) {

        @SuppressWarnings("unchecked")
        static Config fromApplicationYml() throws IOException {
            Map<String, Object> docket;
            try (InputStream in = SqlBaselineBenchmark.class.getClassLoader().getResourceAsStream("application.yml")) {
                if (in == null) {
                    throw new IllegalStateException("application.yml is not on the class path");
                }
                docket = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("docket");
            }
            Map<String, Object> readiness = (Map<String, Object>) docket.get("readiness");
            Map<String, Object> money = (Map<String, Object>) docket.get("money");
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            ((Map<String, Object>) money.get("rates")).forEach((code, rate) -> rates.put(code, new BigDecimal(rate.toString())));
            Map<String, Object> calendar = (Map<String, Object>) docket.get("calendar");
            return new Config(
                    new ReadinessPolicy(new ReadinessProperties((List<String>) readiness.get("required-gates"),
                            (Map<String, List<String>>) readiness.get("required-by-type"), (List<String>) readiness.get("data-gates"))),
                    new CurrencyConverter(new MoneyProperties((String) money.get("base-currency"), rates)),
                    ZoneId.of((String) calendar.get("zone")));
        }
    }

    private String url(String databaseName) {
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String extra = q < 0 ? "" : "&" + serverUrl.substring(q + 1);
        return (base.endsWith("/") ? base : base + "/") + databaseName
                + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true" + extra;
    }

    private static LocalDateTime utc(Instant instant) {
        // DATETIME(6) holds UTC instants; a LocalDateTime is written as it is, whatever the JVM's or session's zone.
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String envOrEmpty(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
