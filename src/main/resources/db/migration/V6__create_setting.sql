-- Facts about how stored data was derived, so start-up redoes a derivation only when its inputs changed.
CREATE TABLE docket_setting (
    name       VARCHAR(64)   NOT NULL,
    content    VARCHAR(1000) NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
);
