-- Polls that nothing names are deleted once they are older than Retention:Polls (PollRetention). Deleting a poll has
-- PostgreSQL check, for each one, that no event and no board names it: each check is an index probe, not a scan of the table.
-- A posting's events are found by the unique (job_id, poll_id) index, so the index on (job_id, occurred_at) gives its
-- place to one on poll_id: as many index entries an event as before.
drop index job_events_by_job;
create index job_events_by_poll on job_events (poll_id);
create index boards_by_snapshot_poll on boards (snapshot_poll_id);
-- The polls a close names as its evidence (the complete snapshots that lacked the posting, a gone board's 404s) are kept.
-- Without fastupdate a close's entries go straight into the index: a pending list would be read whole by every probe until
-- vacuum merged it (1.5 ms a probe, 322 pages, with 50,000 closes pending, measured).
create index job_events_by_evidence_poll on job_events using gin ((evidence -> 'polls')) with (fastupdate = off)
    where evidence is not null;
