-- The append-only audit log: who (principal and the way in), what (entity, id, action), the changed fields before and
-- after (JSON), when, the request id, and whether it was done or refused. Docket only ever inserts into it.
CREATE TABLE audit_entry (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    at         DATETIME(6)   NOT NULL,
    actor      VARCHAR(120)  NOT NULL,
    via        VARCHAR(20)   NOT NULL,
    entity     VARCHAR(40)   NOT NULL,
    entity_id  VARCHAR(120)  NOT NULL,
    action     VARCHAR(40)   NOT NULL,
    outcome    VARCHAR(10)   NOT NULL,
    before_json TEXT         NULL,
    after_json  TEXT         NULL,
    detail     VARCHAR(1000) NULL,
    request_id VARCHAR(64)   NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_audit_at ON audit_entry (at);
CREATE INDEX ix_audit_entity ON audit_entry (entity, entity_id, at);
CREATE INDEX ix_audit_actor ON audit_entry (actor, at);
