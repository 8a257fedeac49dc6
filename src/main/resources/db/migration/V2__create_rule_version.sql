-- Every rule set that was ever activated, with its files, so any of them can be inspected or restored.
CREATE TABLE rule_version (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    hash         VARCHAR(64)  NOT NULL,
    source       VARCHAR(20)  NOT NULL,
    activated_at DATETIME(6)  NOT NULL,
    activated_by VARCHAR(120) NULL,
    rule_names   MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_rule_version_hash ON rule_version (hash);

CREATE TABLE rule_version_file (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    version_id BIGINT       NOT NULL,
    path       VARCHAR(255) NOT NULL,
    content    MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_rule_version_file UNIQUE (version_id, path),
    CONSTRAINT fk_rule_version_file FOREIGN KEY (version_id) REFERENCES rule_version (id)
);

-- One row: the version every Docket instance sharing this database should rank with.
CREATE TABLE rule_state (
    id                BIGINT      NOT NULL,
    active_version_id BIGINT      NOT NULL,
    changed_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rule_state_version FOREIGN KEY (active_version_id) REFERENCES rule_version (id)
);
