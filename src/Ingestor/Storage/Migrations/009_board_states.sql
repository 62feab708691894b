-- Each board has a state an operator can act on, set by every statement that ends a poll: ok (listed postings), empty
-- (listed none), failing (failed polls in a row), blocked (403, or 429 through every retry), gone (404 over several polls
-- spread across hours: its postings close as board_gone). Failing, blocked and gone boards back off. A success resets
-- consecutive_failures, which ends the run these columns describe; they are read only while it is above 0.
alter table boards
    add column state               text not null default 'ok' check (state in ('ok', 'empty', 'failing', 'blocked', 'gone')),
    -- When the current run of failed polls began, and the HTTP status of its latest one (null: no answer, or not an HTTP error).
    add column failing_since       timestamptz,
    add column last_failure_status integer,
    -- The unbroken run of 404s that ends the current run of failures: when its first poll started, and how many polls it has.
    add column not_found_since     timestamptz,
    add column not_found_polls     integer not null default 0;

-- A failing board's run is its latest consecutive_failures polls, newest first; the 404s at the head of it are its 404 run.
with run as (
    select b.source_id, p.started_at, p.http_status,
           row_number() over newest_first as position,
           count(*) filter (where p.http_status is distinct from 404) over newest_first as not_404_so_far
    from boards b
    cross join lateral (
        select started_at, http_status from polls
        where source_id = b.source_id
        order by started_at desc
        limit b.consecutive_failures) p
    where b.consecutive_failures > 0
    window newest_first as (partition by b.source_id order by p.started_at desc rows unbounded preceding)
), summary as (
    select source_id,
           min(started_at) as failing_since,
           min(http_status) filter (where position = 1) as last_failure_status,
           min(started_at) filter (where not_404_so_far = 0) as not_found_since,
           count(*) filter (where not_404_so_far = 0)::int as not_found_polls
    from run
    group by source_id
)
update boards b set
    failing_since = s.failing_since, last_failure_status = s.last_failure_status,
    not_found_since = s.not_found_since, not_found_polls = s.not_found_polls,
    -- A 404 run is confirmed only by the polls to come: until then such a board is failing.
    state = case when s.last_failure_status in (403, 429) then 'blocked' else 'failing' end
from summary s
where b.source_id = s.source_id;

update boards b set state = 'empty'
from polls p
where p.poll_id = b.snapshot_poll_id and b.consecutive_failures = 0 and coalesce(p.job_count, 0) = 0;
