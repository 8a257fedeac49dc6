-- Webhooks (issue 13): subscriptions, and one delivery row per subscription and change event. A delivery row is the
-- unit of work: claimed by one instance at a time with a lease (lease_owner, lease_until), retried with backoff until
-- delivered or dead. The unique key makes fanning an event out twice (a re-read after a gap, a restart) harmless.
CREATE TABLE webhook_subscription (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    url           VARCHAR(2000) NOT NULL,
    event_types   VARCHAR(400)  NOT NULL,
    min_places    INT           NOT NULL,
    description   VARCHAR(200)  NULL,
    active        BOOLEAN       NOT NULL,
    secret        VARCHAR(100)  NOT NULL,
    from_event_id BIGINT        NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(120)  NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE webhook_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_id  BIGINT        NOT NULL,
    event_id         BIGINT        NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    status           VARCHAR(12)   NOT NULL,
    attempts         INT           NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    next_attempt_at  DATETIME(6)   NULL,
    lease_owner      VARCHAR(64)   NULL,
    lease_until      DATETIME(6)   NULL,
    last_attempt_at  DATETIME(6)   NULL,
    last_status_code INT           NULL,
    last_error       VARCHAR(500)  NULL,
    delivered_at     DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_webhook_delivery_event UNIQUE (subscription_id, event_id),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id) ON DELETE CASCADE
);

CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
