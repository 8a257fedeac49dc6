-- The override ledger and the audit of edits to fields reps could game.
-- Runs unchanged on MySQL 8, MariaDB and H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE; instants are UTC DATETIME(6),
-- points are DECIMAL. Rows are never deleted by Docket: a revoked or expired override stays in the ledger.

-- Discretion in the open: signed points or a pin to the top of the lane, with the reason, who asked,
-- who approved, and when it ends. Active while revoked_at is null and expires_at is in the future.
CREATE TABLE contract_override (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    contract_id   BIGINT        NOT NULL,
    points        DECIMAL(7,2)  NULL,
    pin_to_top    BOOLEAN       NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    asked_by      VARCHAR(120)  NOT NULL,
    approved_by   VARCHAR(120)  NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    expires_at    DATETIME(6)   NOT NULL,
    revoked_at    DATETIME(6)   NULL,
    revoked_by    VARCHAR(120)  NULL,
    revoke_reason VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_override_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);

CREATE INDEX ix_override_contract ON contract_override (contract_id, revoked_at, expires_at);
CREATE INDEX ix_override_expires ON contract_override (expires_at);
CREATE INDEX ix_override_created ON contract_override (created_at);

-- Deal value or expansion potential changed after submission: old and new value ("48210.00 USD"),
-- who and when, and the contract's rank just before the edit and once the ranking took it in.
CREATE TABLE contract_field_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    contract_id BIGINT       NOT NULL,
    field_name  VARCHAR(40)  NOT NULL,
    old_value   VARCHAR(64)  NOT NULL,
    new_value   VARCHAR(64)  NOT NULL,
    changed_by  VARCHAR(120) NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    rank_before INT          NULL,
    rank_after  INT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_field_change_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);

CREATE INDEX ix_field_change_contract ON contract_field_change (contract_id, changed_at);
CREATE INDEX ix_field_change_changed ON contract_field_change (changed_at);
