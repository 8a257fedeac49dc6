-- contract_ranking: the SQL baseline Docket is measured against (bench/sql-baseline.sh, SqlBaselineBenchmark).
--
-- What a team would build instead of Docket: the default policy in rules/ computed in a view over Docket's own
-- schema (V1..V4 migrations), ordered with ORDER BY and paged with LIMIT. For every open contract (SUBMITTED,
-- IN_REVIEW, WAITING_ON_SALES) it yields the same lane, pin and score as the rules give "today" (UTC_DATE(), the
-- UTC calendar day, and UTC_TIMESTAMP(6) for overrides; DATETIME(6) columns hold UTC instants, so the session
-- time zone does not matter). SqlBaselineBenchmark checks at set-up that the top 50 (ids, lanes, pins and
-- scores) and the whole queue order equal Docket's on the same data, at 10k and 100k contracts.
--
-- Read it in queue order (src/main/java/dev/docket/rules/QueueOrder.java):
--   SELECT ... FROM contract_ranking
--   ORDER BY ready DESC, pinned DESC, score DESC, ready_since IS NULL, ready_since, id
--   LIMIT 50;
--
-- What it lacks, compared with Docket:
--   * No explanations: one number per rule, but no reason text ("ready for legal for 4 business days"), no
--     names of the gates that block a deal or of the decision maker it waits on, no override reason or approver.
--   * No counterfactuals ("passing signatory-known would move you to #3"), no neighbours, no history, no forecast.
--   * The policy is code in a view, not rules legal ops edit: no guard, no probe, no scenario tests, no preview
--     of a change, no versions to roll back to. Changing "3 points a day" means a new migration that replaces
--     this view, and a deploy.
--   * Configuration is copied into SQL and silently drifts from application.yml: the required gates per
--     contract type (docket.readiness), the exchange rates and base currency (docket.money, USD base),
--     the calendar zone (docket.calendar.zone, UTC) and the quick-review table (rules/quick-reviews.csv).
--     A currency with no rate here gets no value or expansion points, where Docket refuses it.
--   * Every read computes every open contract's score and sorts them all (nothing is indexable: the score
--     depends on today), where Docket keeps the scored queue in memory and a page read is a sublist.
--
-- Rounding: each contribution is rounded to hundredths like ContractFact.add (Math.round(points * 100), half up),
-- then summed in hundredths, so the score is exact and the order has no float ties. Value and expansion take
-- LOG10 of a DOUBLE; the database's log10 and Java's Math.log10 may differ in the last bit, which could move a
-- contribution by 0.01 when 100 * points lands within ~1e-13 of x.xx5. The benchmark tolerates a 0.01 difference
-- in those two contributions only; none occurred in the generated 10k or 100k backlogs.
--
-- Business days are BusinessDays.between: weekdays after ready_since's UTC date up to and including today, in
-- closed form. W(d) = 5 * (whole weeks from Monday 1970-01-05 to d's Monday) + LEAST(WEEKDAY(d) + 1, 5) counts the
-- weekdays up to and including d, so the weekdays in (from, today] are W(today) - W(from).
--
-- Tested on MariaDB 10.11. Written to run on MySQL 8.0.17+ too (derived tables in a view, ROW_NUMBER, CAST AS
-- DOUBLE), not tested there.
CREATE OR REPLACE VIEW contract_ranking AS
SELECT
    p.id,
    p.external_ref,
    p.title,
    p.contract_type,
    p.paper,
    p.status,
    p.ready_since,
    IF(p.ready, 'READY', 'NOT_READY')                                              AS lane,
    p.ready,
    p.pinned,
    p.gates_open,
    p.approvals_pending,
    CAST((p.fifo + p.deal_value + p.expansion + p.urgency + p.quick_review + p.override_points) / 100
         AS DECIMAL(10, 2))                                                         AS score,
    CAST(p.fifo / 100 AS DECIMAL(10, 2))                                            AS fifo_points,
    CAST(p.deal_value / 100 AS DECIMAL(10, 2))                                      AS deal_value_points,
    CAST(p.expansion / 100 AS DECIMAL(10, 2))                                       AS expansion_points,
    CAST(p.urgency / 100 AS DECIMAL(10, 2))                                         AS urgency_points,
    CAST(p.quick_review / 100 AS DECIMAL(10, 2))                                    AS quick_review_points,
    CAST(p.override_points / 100 AS DECIMAL(10, 2))                                 AS override_points
FROM (
    -- Each rule's contribution, in hundredths of a point.
    SELECT
        f.id, f.external_ref, f.title, f.contract_type, f.paper, f.status, f.ready_since, f.gates_open,
        f.approvals_pending, f.pinned,
        -- readiness.drl: any required gate open, waiting on sales, or an approval pending -> not-ready lane.
        (f.gates_open = 0 AND f.status <> 'WAITING_ON_SALES' AND f.approvals_pending = 0)         AS ready,
        -- age.drl "First in, first out": 3 points per business day since ready_since, in either lane.
        300 * f.business_days_ready                                                                AS fifo,
        -- value.drl "Deal value": 10 per tenfold above 1,000 (base currency), capped at 40.
        CASE WHEN f.deal_value_base >= 1000
             THEN FLOOR(LEAST(40, 10 * LOG10(f.deal_value_base / 1000)) * 100 + 0.5) ELSE 0 END     AS deal_value,
        -- expansion.drl "Expansion potential": 12 per tenfold above 1,000 a year, capped at 36.
        CASE WHEN f.expansion_base >= 1000
             THEN FLOOR(LEAST(36, 12 * LOG10(f.expansion_base / 1000)) * 100 + 0.5) ELSE 0 END      AS expansion,
        -- urgency.drl: target close overdue 12, within 14 days 20, within 30 days 8 (days from today).
        CASE WHEN f.days_to_close IS NULL THEN 0
             WHEN f.days_to_close < 0 THEN 1200
             WHEN f.days_to_close <= 14 THEN 2000
             WHEN f.days_to_close <= 30 THEN 800
             ELSE 0 END                                                                            AS urgency,
        -- quick-reviews.csv, by contract type and paper.
        CASE CONCAT(f.contract_type, '/', f.paper)
             WHEN 'NDA/OURS' THEN 1000
             WHEN 'NDA/CUSTOMER' THEN 600
             WHEN 'ORDER_FORM/OURS' THEN 600
             WHEN 'AMENDMENT/OURS' THEN 400
             WHEN 'DPA/OURS' THEN 200
             WHEN 'MSA/CUSTOMER' THEN -400
             ELSE 0 END                                                                            AS quick_review,
        -- overrides.drl "Override": an active override's signed points (a pin adds 0 and sets pinned).
        CASE WHEN f.override_id IS NULL OR f.pinned THEN 0
             ELSE ROUND(COALESCE(f.override_points, 0) * 100) END                                   AS override_points
    FROM (
        -- The fact as FactAssembler builds it: base-currency values, business days, days to close, open gates.
        SELECT
            c.id, c.external_ref, c.title, c.contract_type, c.paper, c.status, c.ready_since,
            -- docket.money.rates (base USD). Exact DECIMAL product, then DOUBLE, as CurrencyConverter.toBase.
            CAST(c.deal_amount * CASE c.deal_currency
                 WHEN 'USD' THEN 1 WHEN 'EUR' THEN 1.08 WHEN 'GBP' THEN 1.27 WHEN 'CHF' THEN 1.13
                 WHEN 'CAD' THEN 0.73 WHEN 'AUD' THEN 0.66 WHEN 'JPY' THEN 0.0067 WHEN 'SEK' THEN 0.095
                 WHEN 'NOK' THEN 0.093 WHEN 'DKK' THEN 0.145 WHEN 'INR' THEN 0.012 WHEN 'SGD' THEN 0.74
                 END AS DOUBLE)                                                                    AS deal_value_base,
            CAST(c.expansion_amount * CASE c.expansion_currency
                 WHEN 'USD' THEN 1 WHEN 'EUR' THEN 1.08 WHEN 'GBP' THEN 1.27 WHEN 'CHF' THEN 1.13
                 WHEN 'CAD' THEN 0.73 WHEN 'AUD' THEN 0.66 WHEN 'JPY' THEN 0.0067 WHEN 'SEK' THEN 0.095
                 WHEN 'NOK' THEN 0.093 WHEN 'DKK' THEN 0.145 WHEN 'INR' THEN 0.012 WHEN 'SGD' THEN 0.74
                 END AS DOUBLE)                                                                    AS expansion_base,
            -- BusinessDays.between(date of ready_since, today); 0 when ready_since is today or later.
            CASE WHEN c.ready_since IS NULL OR DATE(c.ready_since) >= UTC_DATE() THEN 0
                 ELSE 5 * ((DATEDIFF(UTC_DATE(), '1970-01-05') - WEEKDAY(UTC_DATE())) DIV 7)
                      + LEAST(WEEKDAY(UTC_DATE()) + 1, 5)
                      - 5 * ((DATEDIFF(DATE(c.ready_since), '1970-01-05') - WEEKDAY(c.ready_since)) DIV 7)
                      - LEAST(WEEKDAY(c.ready_since) + 1, 5)
                 END                                                                               AS business_days_ready,
            DATEDIFF(c.target_close_date, UTC_DATE())                                              AS days_to_close,
            -- docket.readiness: the required gates of each type, and how many of them have not passed.
            CASE c.contract_type
                 WHEN 'NDA' THEN 1 - COALESCE(g.signatory, 0)
                 WHEN 'DPA' THEN 2 - COALESCE(g.security + g.signatory, 0)
                 WHEN 'AMENDMENT' THEN 2 - COALESCE(g.terms + g.signatory, 0)
                 ELSE 4 - COALESCE(g.terms + g.pricing + g.security + g.signatory, 0)
                 END                                                                               AS gates_open,
            COALESCE(a.pending, 0)                                                                 AS approvals_pending,
            o.id                                                                                   AS override_id,
            o.points                                                                               AS override_points,
            COALESCE(o.pin_to_top, 0)                                                              AS pinned
        FROM contract c
        LEFT JOIN (
            -- Passed gates per contract, one flag per gate the readiness configuration names.
            SELECT contract_id,
                   MAX(name = 'commercial-terms-agreed' AND passed) AS terms,
                   MAX(name = 'pricing-approved' AND passed)        AS pricing,
                   MAX(name = 'security-review-done' AND passed)    AS security,
                   MAX(name = 'signatory-known' AND passed)         AS signatory
              FROM contract_gate
             GROUP BY contract_id
        ) g ON g.contract_id = c.id
        LEFT JOIN (
            -- Approval requests still waiting for their decision maker (ApprovalReadiness).
            SELECT contract_id, COUNT(*) AS pending
              FROM contract_approval
             WHERE status = 'PENDING'
             GROUP BY contract_id
        ) a ON a.contract_id = c.id
        LEFT JOIN (
            -- The override in force: not revoked, not expired; should two be, the newer one (OverrideService).
            SELECT id, contract_id, points, pin_to_top,
                   ROW_NUMBER() OVER (PARTITION BY contract_id ORDER BY created_at DESC, id DESC) AS newest
              FROM contract_override
             WHERE revoked_at IS NULL AND expires_at > UTC_TIMESTAMP(6)
        ) o ON o.contract_id = c.id AND o.newest = 1
        WHERE c.status IN ('SUBMITTED', 'IN_REVIEW', 'WAITING_ON_SALES')
    ) f
) p;
