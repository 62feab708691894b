-- Changed postings are staged here by binary COPY, merged into posting_rows in one statement and deleted again, all within
-- the poll's transaction, so no other transaction ever sees a staged row. A temporary table created and dropped by every
-- such poll cost PostgreSQL 3 ms of catalog work (pgbench) and its WAL; this one is made once and, unlogged, writes no WAL.
-- Its columns are posting_rows' own, compressed the same way so a merged value is not compressed twice: a migration that
-- adds a column to posting_rows adds it here too.
create unlogged table staged_postings (like posting_rows including compression);
create index staged_postings_by_board on staged_postings (source_id);
