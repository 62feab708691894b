-- The change feed (GET /job-postings/v1/events) reads events in the order of the transactions that wrote them, and only those
-- below the oldest transaction still running (pg_snapshot_xmin): no event can commit later behind a consumer's cursor, as one
-- could behind a cursor on event_id or occurred_at. Every insert names its columns, so the default stamps each event with its
-- writer's transaction id; the default is stable, so events written before this migration all take this migration's id, once,
-- without rewriting the table, and keep their event_id order.
alter table job_events add column txid xid8 not null default pg_current_xact_id();

create index job_events_by_txid on job_events (txid, event_id);
