-- An override is two acts by two people: a request (who asks, the effect, the reason, the expiry), then an approval or
-- a refusal by an approver. Only an approved override counts. Rows from before were approved as they were created.
ALTER TABLE contract_override MODIFY COLUMN approved_by VARCHAR(120) NULL;
ALTER TABLE contract_override ADD COLUMN approved_at DATETIME(6) NULL;
ALTER TABLE contract_override ADD COLUMN refused_at DATETIME(6) NULL;
ALTER TABLE contract_override ADD COLUMN refused_by VARCHAR(120) NULL;
ALTER TABLE contract_override ADD COLUMN refuse_reason VARCHAR(1000) NULL;
UPDATE contract_override SET approved_at = created_at;
