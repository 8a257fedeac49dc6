-- Each instance records the rank history of the ranking it serves: its snapshots and the moves it applied (its own
-- edits and those it read from the change feed), so replaying one instance's records gives exactly what it served,
-- and two instances' moves are never replayed on top of each other. Rows from before this are one instance's: ''.
ALTER TABLE rank_snapshot ADD COLUMN instance_id VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE rank_move ADD COLUMN instance_id VARCHAR(64) NOT NULL DEFAULT '';

CREATE INDEX ix_rank_snapshot_instance ON rank_snapshot (instance_id, taken_at);
CREATE INDEX ix_rank_move_instance ON rank_move (instance_id, id);
