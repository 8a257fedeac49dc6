-- ShedLock's lock table: work that must run on one instance at a time (start-up seeding, override expiry) holds a
-- named row here until it is done or lock_until passes. DATETIME, not TIMESTAMP: MariaDB may give a first TIMESTAMP
-- column ON UPDATE CURRENT_TIMESTAMP, which would move lock_until on every write.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
);
