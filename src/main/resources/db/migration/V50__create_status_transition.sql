-- Flow analytics (issue 14): every move of a contract between states, with its time and the rule-set version live
-- then, so review cycle times and queue waits can be compared by contract type, team and the policy that ranked
-- the deal while it waited. Type and team are copied in so a year's report reads one table.
-- derived = TRUE marks rows reconstructed from contracts that moved before this table existed.
CREATE TABLE status_transition (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    contract_id   BIGINT       NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    moved_at      DATETIME(6)  NOT NULL,
    rule_version  VARCHAR(64)  NULL,
    contract_type VARCHAR(20)  NOT NULL,
    team          VARCHAR(120) NOT NULL,
    derived       BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id)
);

CREATE INDEX ix_status_transition_contract ON status_transition (contract_id, moved_at);
CREATE INDEX ix_status_transition_moved_at ON status_transition (moved_at);
