package dev.docket.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.contract.ContractRepository;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import dev.docket.support.Cluster;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/**
 * Two Docket instances in one JVM on one database (MariaDB with DOCKET_TEST_DB=mariadb), a generated backlog, and
 * edits at a fixed rate through instance A over HTTP. For each edit it measures the PATCH, the first explanation
 * read on A after the PATCH answered (which shows the change: the ranking takes it in before the PATCH answers),
 * and the time from the PATCH's answer until instance B's ranking holds the new score (read from B's memory every
 * millisecond), then B's explanation. Prints percentiles in milliseconds:
 * <pre>DOCKET_TEST_DB=mariadb ./mvnw -Pbench -q test-compile exec:exec@feed -Dfeed.contracts=100000</pre>
 */
public final class FeedPropagation {

    private FeedPropagation() {
    }

    record Pending(long id, double score, long answeredAt) {
    }

    public static void main(String[] args) throws Exception {
        int contracts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (Cluster cluster = new Cluster(Map.of("docket.sample.enabled", "false", "docket.rules.watch", "false",
                "docket.sample.generated", String.valueOf(contracts)))) {
            long started = System.nanoTime();
            Cluster.Instance a = cluster.start();
            Cluster.Instance b = cluster.start();
            System.out.printf(Locale.ROOT, "two instances up with %d contracts in %.1f s%n", contracts,
                    (System.nanoTime() - started) / 1e9);
            RankingService rankingA = a.bean(RankingService.class);
            RankingService rankingB = b.bean(RankingService.class);
            ContractRepository stored = a.bean(ContractRepository.class);
            Ranking initial = rankingA.fresh();
            rankingB.fresh();

            List<Double> patch = Collections.synchronizedList(new ArrayList<>());
            List<Double> explainA = Collections.synchronizedList(new ArrayList<>());
            List<Double> propagation = Collections.synchronizedList(new ArrayList<>());
            List<Double> explainB = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger conflicts = new AtomicInteger();
            ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
            Random random = new Random(3);
            ExecutorService workers = Executors.newFixedThreadPool(8);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            int total = perSecond * seconds;
            int warmUp = perSecond * 5;
            AtomicInteger sent = new AtomicInteger();
            ExecutorService readersOfB = Executors.newFixedThreadPool(2);
            Thread watcher = new Thread(() -> watch(pending, rankingB, b, propagation, explainB, readersOfB), "watcher");
            watcher.setDaemon(true);
            watcher.start();
            long measuring = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            ticker.scheduleAtFixedRate(() -> {
                int n = sent.getAndIncrement();
                if (n >= warmUp + total) {
                    return;
                }
                long id = initial.contractAt(random.nextInt(initial.size())).id();
                long amount = 1_000 + random.nextInt(5_000_000);
                workers.execute(() -> edit(a, stored, rankingA, id, amount, n >= warmUp, patch, explainA, pending, conflicts));
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            while (sent.get() < warmUp + total) {
                Thread.sleep(100);
            }
            ticker.shutdown();
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            watcher.interrupt();
            readersOfB.shutdown();
            readersOfB.awaitTermination(1, TimeUnit.MINUTES);
            System.out.printf(Locale.ROOT, "achieved %.0f edits/s; ", patch.size() / ((System.nanoTime() - measuring) / 1e9 - 0));
            System.out.printf(Locale.ROOT, "%d edits/s for %d s through A (after %d s warm-up), %d conflicts (409), %d never seen on B%n",
                    perSecond, seconds, warmUp / perSecond, conflicts.get(), pending.size());
            report("PATCH on A", patch);
            report("PATCH answer -> explanation on A", explainA);
            report("PATCH answer -> B's ranking has it", propagation);
            report("then B's explanation", explainB);
        }
    }

    private static void edit(Cluster.Instance a, ContractRepository stored, RankingService rankingA, long id, long amount,
                             boolean measured, List<Double> patch, List<Double> explainA, ConcurrentLinkedQueue<Pending> pending,
                             AtomicInteger conflicts) {
        Optional<Long> version = stored.findById(id).map(c -> c.version());
        if (version.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            a.http().exchange(HttpRequest.PATCH("/api/contracts/" + id, Map.of("version", version.get(),
                    "dealValue", Map.of("amount", amount, "currency", "USD"))), Map.class);
        } catch (HttpClientResponseException e) {
            conflicts.incrementAndGet();
            return;
        }
        long t1 = System.nanoTime();
        a.http().retrieve(HttpRequest.GET("/api/contracts/" + id + "/explanation"), Map.class);
        long t2 = System.nanoTime();
        Ranking now = rankingA.current();
        Double score = now.indexOf(id).map(i -> now.entry(i).score()).orElse(null);
        if (measured) {
            patch.add((t1 - t0) / 1e6);
            explainA.add((t2 - t1) / 1e6);
            if (score != null) {
                pending.add(new Pending(id, score, t1));
            }
        }
    }

    private static void watch(ConcurrentLinkedQueue<Pending> pending, RankingService rankingB, Cluster.Instance b,
                              List<Double> propagation, List<Double> explainB, ExecutorService readersOfB) {
        while (true) {
            long now = System.nanoTime();
            Ranking ranking = rankingB.current();
            for (Pending p : pending) {
                Double score = ranking.indexOf(p.id()).map(i -> ranking.entry(i).score()).orElse(null);
                if (score != null && score == p.score()) {
                    propagation.add((now - p.answeredAt()) / 1e6);
                    pending.remove(p);
                    readersOfB.execute(() -> {
                        long t = System.nanoTime();
                        b.http().retrieve(HttpRequest.GET("/api/contracts/" + p.id() + "/explanation"), Map.class);
                        explainB.add((System.nanoTime() - t) / 1e6);
                    });
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(what + ": no samples");
            return;
        }
        System.out.printf(Locale.ROOT, "%-38s n=%5d  p50 %7.1f  p90 %7.1f  p99 %7.1f  max %7.1f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
