-- A posting names the posting that reposts it on its own row. A poll picks the postings a repost may link by locking them
-- (for update skip locked): when another poll linked one and committed between this statement's snapshot and its lock, the
-- lock re-reads that row, and only that row, so the fact must be on it; a test of other rows (no row reposts it yet) is read
-- from the snapshot, and the second link failed on posting_rows_reposted_from.
alter table posting_rows add column reposted_by text;
alter table staged_postings add column reposted_by text; -- every column of posting_rows (012); never staged

update posting_rows earlier set reposted_by = later.job_id
from posting_rows later
where later.reposted_from = earlier.job_id;
