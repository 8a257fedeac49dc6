-- Approval requests attached to contracts, and each contract's comment thread.
-- Runs unchanged on MySQL 8, MariaDB and H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE; instants are UTC DATETIME(6).
-- Docket never deletes a contract; if one is deleted by hand its approvals and comments go with it
-- (ON DELETE CASCADE) rather than blocking the delete.

-- A question one decision maker (a role such as CFO) must answer before legal starts. While PENDING it
-- holds the contract in the not-ready lane; APPROVED and REJECTED are final, with who decided, when and why.
CREATE TABLE contract_approval (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    contract_id      BIGINT        NOT NULL,
    decision_maker   VARCHAR(120)  NOT NULL,
    question         VARCHAR(1000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    requested_by     VARCHAR(120)  NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    decided_by       VARCHAR(120)  NULL,
    decided_at       DATETIME(6)   NULL,
    decision_comment VARCHAR(4000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_approval_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);

CREATE INDEX ix_approval_contract ON contract_approval (contract_id, status);
-- The inbox: one decision maker's pending requests, oldest first.
CREATE INDEX ix_approval_inbox ON contract_approval (decision_maker, status, requested_at);

CREATE TABLE contract_comment (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    contract_id BIGINT        NOT NULL,
    author      VARCHAR(120)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_comment_contract FOREIGN KEY (contract_id) REFERENCES contract (id) ON DELETE CASCADE
);

CREATE INDEX ix_comment_contract ON contract_comment (contract_id, created_at);
