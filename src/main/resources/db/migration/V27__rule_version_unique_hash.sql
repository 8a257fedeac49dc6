-- One live rule version and one first recording per rule-set hash, held by the database.
-- rule_state is the single row naming the live version; the check keeps it single.
ALTER TABLE rule_state ADD CONSTRAINT ck_rule_state_single CHECK (id = 1);

-- rule_version is the log of activations, so a rollback rightly records a hash again. first_hash is the hash
-- on the row that first recorded it and NULL on later activations of the same content; its unique key stops
-- two instances starting together from both recording the same new policy as new.
ALTER TABLE rule_version ADD COLUMN first_hash VARCHAR(64) NULL;

UPDATE rule_version SET first_hash = hash
WHERE id IN (SELECT first_id FROM (SELECT MIN(id) AS first_id FROM rule_version GROUP BY hash) firsts);

ALTER TABLE rule_version ADD CONSTRAINT uk_rule_version_first_hash UNIQUE (first_hash);
