-- Job slices (GET /job-postings/v1/jobs) are read newest first by (first_seen_at, job_id) and a page seeks past its cursor's
-- place in that order. With an index led by a slice's filter and ending in the order, a page is one short index range read
-- backwards from the cursor, however deep the walk; without one it walks the order index skipping non-matches.
-- Every index here is written for every new posting, on the write path that issue 16 keeps near its floors, so only the
-- slices that need one get one: the whole dataset, a company's jobs (the record page's first slice and the company's
-- breakdowns) and a board's. Cities and departments walk the order index: a common one finds its page at once, a rare one
-- reads more of the index (measure before adding theirs).
create index posting_rows_in_slice_order on posting_rows (first_seen_at, job_id);
create index posting_rows_by_org_in_slice_order on posting_rows (org_id, first_seen_at, job_id);
-- Replaces (source_id, status): the board's rows are read by source_id alone, and unique (source_id, provider_job_key) serves that too.
drop index posting_rows_by_board;
create index posting_rows_by_source_in_slice_order on posting_rows (source_id, first_seen_at, job_id);
