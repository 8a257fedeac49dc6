-- The change feed: one row per committed change that affects the ranking, written in the same transaction as the
-- change itself (a transactional outbox). Every instance reads it in id order to apply the others' changes, and it
-- is the one event log of the domain that webhooks will be delivered from. No foreign key to contract: an event
-- outlives its entity, and a key would take a shared lock on the contract row in every writing transaction.
CREATE TABLE change_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)   NOT NULL,
    instance_id VARCHAR(64)   NOT NULL,
    type        VARCHAR(40)   NOT NULL,
    entity      VARCHAR(20)   NOT NULL,
    entity_id   BIGINT        NOT NULL,
    contract_id BIGINT        NULL,
    payload     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_change_event_occurred_at ON change_event (occurred_at);
