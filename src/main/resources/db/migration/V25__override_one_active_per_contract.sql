-- "At most one active override per contract", enforced by the database rather than by a check that two
-- requests can pass at once: active_contract_id holds the contract's id while the override is in force
-- (approved, not revoked, not expired) and NULL otherwise, and a unique key allows one non-NULL per contract.
-- Revoking clears it in the same statement; an expired override's marker is cleared, under the contract's
-- row lock, by the next override request for that contract. Runs unchanged on MySQL 8, MariaDB and H2.
ALTER TABLE contract_override ADD COLUMN active_contract_id BIGINT NULL;

-- Before this key existed, races could leave several unrevoked overrides on one contract; the newest
-- carries the marker (the ranking already lets the newest win). The grouped derived table keeps MySQL from
-- reading the table it updates.
UPDATE contract_override SET active_contract_id = contract_id
WHERE id IN (SELECT newest FROM (SELECT MAX(id) AS newest FROM contract_override
                                 WHERE revoked_at IS NULL GROUP BY contract_id) unrevoked);

ALTER TABLE contract_override ADD CONSTRAINT uk_override_one_active UNIQUE (active_contract_id);
