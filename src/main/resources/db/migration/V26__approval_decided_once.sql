-- A decision is recorded once: a pending approval carries no decision, a decided one carries exactly its own.
-- Together with the conditional UPDATE ... WHERE status = 'PENDING' (one row lock, one winner), the database
-- itself holds "one decision per approval". Runs unchanged on MySQL 8.0.16+, MariaDB 10.2+ and H2.
ALTER TABLE contract_approval ADD CONSTRAINT ck_approval_decided_once CHECK (
    (status = 'PENDING' AND decided_at IS NULL AND decided_by IS NULL)
    OR (status <> 'PENDING' AND decided_at IS NOT NULL AND decided_by IS NOT NULL));
