-- Job slices (GET /job-postings/v1/jobs) are read newest first by (first_seen_at, job_id) and a page seeks past its cursor's
-- place in that order. With an index led by a slice's filter and ending in the order, a page is one short index range read
-- backwards from the cursor, however deep the walk; without one it is a scan of the slice and a sort, on every page.
-- One index for each slice the record page links to, and the whole dataset; other filters (provider, status, remote, …) are
-- broad enough that walking the order index and skipping non-matches finds a page soon, or narrow only within one of these.

-- The whole dataset, and slices by filters that no index below leads with.
create index posting_rows_in_slice_order on posting_rows (first_seen_at, job_id);
-- A company's jobs: the record page's first related slice, and its facets (breakdowns).
create index posting_rows_by_org_in_slice_order on posting_rows (org_id, first_seen_at, job_id);
-- A board's jobs (a source's).
create index posting_rows_by_source_in_slice_order on posting_rows (source_id, first_seen_at, job_id);
-- A city's and a department's jobs, across companies: rare values would otherwise mean scanning the whole order for a page.
create index posting_rows_by_city_in_slice_order on posting_rows (city, first_seen_at, job_id);
create index posting_rows_by_department_in_slice_order on posting_rows (department, first_seen_at, job_id);
