-- Polls that nothing names are deleted once they are older than Retention:Polls (PollRetention). Deleting a poll has
-- PostgreSQL check, for each one, that no event names it: an index probe, not a scan of the table. A posting's events are
-- found by the unique (job_id, poll_id) index, so the index on (job_id, occurred_at) gives its place to one on poll_id: as
-- many index entries an event as before.
drop index job_events_by_job;
create index job_events_by_poll on job_events (poll_id);
-- A board's snapshot poll is kept by the pruning statement itself, which reads the boards once a batch. A foreign key would
-- have each deleted poll look for the board naming it, which takes an index on snapshot_poll_id, and that index would make
-- every changed poll's board update a non-HOT one: a re-serialized --once sweep of the 1,000 × 50 farm wrote 3.0-3.2 MB of
-- WAL with it (three runs), 2.6 MB without it, as before this migration. A missing snapshot poll only sends the board's
-- next poll down the whole path (UnchangedPayloads finds no applied payload).
alter table boards drop constraint boards_snapshot_poll_id_fkey;
-- The polls a close names as its evidence (the complete snapshots that lacked the posting, a gone board's 404s) are kept.
-- Without fastupdate a close's entries go straight into the index: a pending list would be read whole by every probe until
-- vacuum merged it (1.5 ms a probe, 322 pages, with 50,000 closes pending, measured).
create index job_events_by_evidence_poll on job_events using gin ((evidence -> 'polls')) with (fastupdate = off)
    where evidence is not null;
