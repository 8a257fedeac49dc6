package dev.docket.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.docket.calendar.LegalCalendar;
import dev.docket.contract.ContractStatus;
import dev.docket.contract.ContractType;
import dev.docket.contract.Money;
import dev.docket.contract.Paper;
import dev.docket.ranking.ContractSummary;
import org.junit.jupiter.api.Test;

/** The pickup simulation on a fixed "today", without a ranking: contracts in queue order, then dates. */
class QueuePlanTest {

    private static final LocalDate THU = LocalDate.parse("2026-11-05");
    private static final LegalCalendar FRIDAY_OFF = new LegalCalendar(List.of(LocalDate.parse("2026-11-06")));

    /** 8 review hours a day per reviewer; an NDA is half a day, an MSA on our paper one, on the customer's two, a DPA three. */
    static CapacityPolicy policy(int reviewers) {
        return new CapacityPolicy(new CapacityProperties(reviewers, 40, List.of(), Map.of(
                "nda", Map.of("ours", 4.0, "customer", 4.0),
                "msa", Map.of("ours", 8.0, "customer", 16.0),
                "order-form", Map.of("ours", 2.0, "customer", 4.0),
                "dpa", Map.of("ours", 24.0, "customer", 24.0),
                "amendment", Map.of("ours", 2.0, "customer", 4.0),
                "other", Map.of("ours", 4.0, "customer", 8.0))));
    }

    @Test
    void aTwoDayJobStartingThursdayBeforeAFridayHolidayFinishesMonday() {
        Queue q = new Queue().add(ContractType.MSA, Paper.CUSTOMER).add(ContractType.DPA, Paper.OURS);

        QueuePlan plan = q.plan(1, THU, FRIDAY_OFF);

        assertThat(q.start(plan, 0)).isEqualTo(THU);
        assertThat(q.finish(plan, 0)).isEqualTo("2026-11-09");
        // Three days of work from Tuesday: Tuesday, Wednesday, Thursday.
        assertThat(q.start(plan, 1)).isEqualTo("2026-11-10");
        assertThat(q.finish(plan, 1)).isEqualTo("2026-11-12");
        assertThat(plan.readyClearedBy).isEqualTo("2026-11-12");
        assertThat(plan.endOfWeek).isEqualTo(THU);
        assertThat(plan.queuedFittingThisWeek).isZero();
        assertThat(plan.queuedStartingThisWeek).isEqualTo(1);
    }

    @Test
    void aThreeDayJobFromThursdayFinishesTuesday() {
        Queue q = new Queue().add(ContractType.DPA, Paper.CUSTOMER);

        QueuePlan plan = q.plan(1, THU, FRIDAY_OFF);

        assertThat(q.start(plan, 0)).isEqualTo(THU);
        assertThat(q.finish(plan, 0)).isEqualTo("2026-11-10");
    }

    @Test
    void reviewersWorkInParallelAndEachContractGoesToWhoeverIsFreeFirst() {
        Queue q = new Queue()
                .add(ContractType.MSA, Paper.CUSTOMER)  // reviewer 1: Mon, Tue
                .add(ContractType.MSA, Paper.OURS)      // reviewer 2: Mon
                .add(ContractType.NDA, Paper.OURS)      // reviewer 2: Tue morning
                .add(ContractType.NDA, Paper.OURS)      // reviewer 2: Tue afternoon
                .add(ContractType.MSA, Paper.OURS);     // both free on Wed; reviewer 1 takes it

        QueuePlan plan = q.plan(2, LocalDate.parse("2026-11-02"), new LegalCalendar(List.of()));

        assertThat(q.starts(plan)).containsExactly(d("2026-11-02"), d("2026-11-02"), d("2026-11-03"), d("2026-11-03"), d("2026-11-04"));
        assertThat(q.finishes(plan)).containsExactly(d("2026-11-03"), d("2026-11-02"), d("2026-11-03"), d("2026-11-03"), d("2026-11-04"));
        assertThat(plan.queuedFittingThisWeek).isEqualTo(5);
        assertThat(plan.queuedHours).isEqualTo(16 + 8 + 4 + 4 + 8);
    }

    @Test
    void contractsInReviewTakeTheirReviewersFirstWhereverTheyRank() {
        Queue q = new Queue()
                .add(ContractType.MSA, Paper.CUSTOMER)
                .add(ContractType.MSA, Paper.OURS)
                .add(ContractType.DPA, Paper.OURS, ContractStatus.IN_REVIEW);

        QueuePlan plan = q.plan(1, LocalDate.parse("2026-11-02"), new LegalCalendar(List.of()));

        // The DPA takes Mon-Wed, so the first in rank waits until Thursday.
        assertThat(q.starts(plan)).containsExactly(d("2026-11-05"), d("2026-11-09"), d("2026-11-02"));
        assertThat(q.finishes(plan)).containsExactly(d("2026-11-06"), d("2026-11-09"), d("2026-11-04"));
        assertThat(plan.inReview).isEqualTo(1);
        assertThat(plan.inReviewHours).isEqualTo(24);
        assertThat(plan.queuedHours).isEqualTo(24);
        assertThat(plan.queuedFittingThisWeek).isEqualTo(1);
    }

    @Test
    void onAWeekendTheScheduleStartsOnMondayAndNotReadyContractsOnlyCountInTheTotal() {
        Queue q = new Queue().add(ContractType.NDA, Paper.OURS).add(ContractType.MSA, Paper.CUSTOMER);
        q.ready = 1;

        QueuePlan plan = q.plan(1, LocalDate.parse("2026-11-07"), new LegalCalendar(List.of()));

        assertThat(plan.firstDay).isEqualTo("2026-11-09");
        assertThat(q.start(plan, 0)).isEqualTo("2026-11-09");
        assertThat(plan.schedule.size()).isEqualTo(1);
        assertThat(plan.endOfWeek).isNull();
        assertThat(plan.totalHours).isEqualTo(20);
        assertThat(plan.queuedHours).isEqualTo(4);
    }

    @Test
    void theOldestWaitingIsTheEarliestReadyQueuedContractNotTheOneInReview() {
        Queue q = new Queue()
                .add(ContractType.NDA, Paper.OURS, ContractStatus.SUBMITTED, "2026-10-20T10:00:00Z")
                .add(ContractType.NDA, Paper.OURS, ContractStatus.IN_REVIEW, "2026-10-01T10:00:00Z")
                .add(ContractType.NDA, Paper.OURS, ContractStatus.SUBMITTED, "2026-10-12T10:00:00Z")
                .add(ContractType.NDA, Paper.OURS, ContractStatus.SUBMITTED, "2026-10-01T10:00:00Z");
        q.ready = 3;

        assertThat(q.plan(1, THU, FRIDAY_OFF).oldestWaiting).isEqualTo(2);
    }

    @Test
    void theSummaryReadsAsASentence() {
        assertThat(ForecastService.summary(false, d("2026-11-05"), d("2026-11-09"), 3))
                .isEqualTo("review expected to start in about 3 business days (Thu 2026-11-05) and finish by Mon 2026-11-09");
        assertThat(ForecastService.summary(false, d("2026-11-02"), d("2026-11-02"), 0))
                .isEqualTo("review expected to start today (Mon 2026-11-02) and finish by Mon 2026-11-02");
        assertThat(ForecastService.summary(true, d("2026-11-02"), d("2026-11-04"), 0))
                .isEqualTo("in review now and expected to finish by Wed 2026-11-04");
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** A ranking's contracts in queue order, all in the ready lane unless {@link #ready} says otherwise. */
    private static final class Queue {
        private final List<ContractSummary> contracts = new ArrayList<>();
        private LegalCalendar calendar;
        int ready = -1;

        Queue add(ContractType type, Paper paper) {
            return add(type, paper, ContractStatus.SUBMITTED);
        }

        Queue add(ContractType type, Paper paper, ContractStatus status) {
            return add(type, paper, status, "2026-10-01T09:00:00Z");
        }

        Queue add(ContractType type, Paper paper, ContractStatus status, String readySince) {
            long id = contracts.size() + 1;
            Money money = new Money(BigDecimal.TEN, "USD");
            contracts.add(new ContractSummary(id, "Q-" + id, "Contract " + id, "Acme", "Ann", "East", type, paper, money,
                    money, null, status, Instant.parse("2026-10-01T09:00:00Z"), Instant.parse(readySince), null));
            return this;
        }

        QueuePlan plan(int reviewers, LocalDate today, LegalCalendar cal) {
            this.calendar = cal;
            return QueuePlan.build(contracts.size(), ready < 0 ? contracts.size() : ready, contracts::get,
                    policy(reviewers), cal, today);
        }

        LocalDate start(QueuePlan plan, int i) {
            return calendar.plusWorkingDays(plan.firstDay, plan.schedule.startDay(i));
        }

        LocalDate finish(QueuePlan plan, int i) {
            return calendar.plusWorkingDays(plan.firstDay, plan.schedule.finishDay(i));
        }

        List<LocalDate> starts(QueuePlan plan) {
            return java.util.stream.IntStream.range(0, plan.schedule.size()).mapToObj(i -> start(plan, i)).toList();
        }

        List<LocalDate> finishes(QueuePlan plan) {
            return java.util.stream.IntStream.range(0, plan.schedule.size()).mapToObj(i -> finish(plan, i)).toList();
        }
    }
}
