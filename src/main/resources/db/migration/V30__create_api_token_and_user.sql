-- Identity: API tokens (stored as SHA-256 hashes) and local users (bcrypt). Roles and the decision makers a caller may
-- decide for are comma-separated names. Runs unchanged on MySQL 8, MariaDB and H2 in MODE=MySQL.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(120) NOT NULL,
    token_hash   CHAR(64)     NOT NULL,
    roles        VARCHAR(500) NOT NULL,
    decides      VARCHAR(500) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(120) NOT NULL,
    expires_at   DATETIME(6)  NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   VARCHAR(120) NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);

CREATE TABLE docket_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(120) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(500) NOT NULL,
    decides       VARCHAR(500) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(120) NOT NULL,
    disabled_at   DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_docket_user_name UNIQUE (username)
);
