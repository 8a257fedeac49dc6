-- The flow report groups in SQL (flow/FlowQueries): it finds each period's READY rows by state and time, then each
-- deal's later review, close and withdrawal by contract and state. Both lookups read only these indexes.
CREATE INDEX ix_status_transition_state ON status_transition (state, moved_at, contract_id);
CREATE INDEX ix_status_transition_contract_state ON status_transition (contract_id, state, moved_at);
