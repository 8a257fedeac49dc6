-- Runs unchanged on MySQL 8, MariaDB and H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
-- Money is DECIMAL, never a binary floating-point type; instants are UTC DATETIME(6).
CREATE TABLE contract (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    external_ref       VARCHAR(64)   NOT NULL,
    title              VARCHAR(200)  NOT NULL,
    account            VARCHAR(200)  NOT NULL,
    owner              VARCHAR(120)  NOT NULL,
    team               VARCHAR(120)  NOT NULL,
    product            VARCHAR(120)  NOT NULL,
    contract_type      VARCHAR(20)   NOT NULL,
    paper              VARCHAR(20)   NOT NULL,
    deal_amount        DECIMAL(19,2) NOT NULL,
    deal_currency      CHAR(3)       NOT NULL,
    expansion_amount   DECIMAL(19,2) NOT NULL,
    expansion_currency CHAR(3)       NOT NULL,
    target_close_date  DATE          NULL,
    status             VARCHAR(20)   NOT NULL,
    submitted_at       DATETIME(6)   NOT NULL,
    ready_since        DATETIME(6)   NULL,
    assignee           VARCHAR(120)  NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_contract_external_ref UNIQUE (external_ref)
);

CREATE INDEX ix_contract_status ON contract (status);
CREATE INDEX ix_contract_owner ON contract (owner);
CREATE INDEX ix_contract_team ON contract (team);

CREATE TABLE contract_gate (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    contract_id BIGINT       NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    passed      BOOLEAN      NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    changed_by  VARCHAR(120) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_gate_contract_name UNIQUE (contract_id, name),
    CONSTRAINT fk_gate_contract FOREIGN KEY (contract_id) REFERENCES contract (id)
);
