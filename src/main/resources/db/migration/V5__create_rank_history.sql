-- Rank history, stored compactly: the whole ranking at each full re-rank (gzipped JSON), and between
-- those, one row per contract that moved, with its old and new position and its new entry.
CREATE TABLE rank_snapshot (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    taken_at      DATETIME(6) NOT NULL,
    rule_version  VARCHAR(64) NOT NULL,
    reason        VARCHAR(20) NOT NULL,
    after_move_id BIGINT      NOT NULL,
    entry_count   INT         NOT NULL,
    entries       LONGBLOB    NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_rank_snapshot_taken_at ON rank_snapshot (taken_at);

CREATE TABLE rank_move (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    moved_at     DATETIME(6)  NOT NULL,
    contract_id  BIGINT       NOT NULL,
    cause        VARCHAR(20)  NOT NULL,
    detail       VARCHAR(500) NOT NULL,
    old_index    INT          NULL,
    new_index    INT          NULL,
    rule_version VARCHAR(64)  NOT NULL,
    entry        MEDIUMBLOB   NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_rank_move_moved_at ON rank_move (moved_at);
CREATE INDEX ix_rank_move_contract ON rank_move (contract_id, moved_at);
