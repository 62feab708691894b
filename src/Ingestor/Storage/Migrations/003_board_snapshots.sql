-- An unchanged board costs one statement. A posting listed in its board's latest applied snapshot takes its last-seen time,
-- last-checked time and payload from the board, so polls that change nothing write no posting row; a posting's own copies are
-- written when it leaves that snapshot (closed, or missing from a partial one). Readers use the view `postings`, whose columns
-- mean what they always did; the table behind it is `posting_rows`.

alter table postings rename to posting_rows;
alter index postings_by_board rename to posting_rows_by_board;

alter table posting_rows
    -- Listed in the board's latest applied snapshot: last_seen_at, last_checked_at and raw_payload_uri are the board's.
    add column in_latest_snapshot boolean not null default false,
    -- Fingerprint of description_html and description_text, so an update re-sends neither when they did not change.
    add column description_hash text;

update posting_rows
set description_hash = encode(sha256(convert_to(description_html || chr(31) || coalesce(description_text, ''), 'UTF8')), 'hex')
where description_html is not null;

alter table polls
    -- When the payload was received: the time a posting seen in it was last seen.
    add column observed_at      timestamptz,
    add column etag             text,
    add column last_modified    text,
    add column content_encoding text;

alter table boards
    -- The poll whose snapshot the board's postings reflect, and the archived object holding that snapshot's bytes.
    add column snapshot_poll_id uuid references polls (poll_id),
    add column snapshot_uri     text,
    -- Validators of the last applied response, sent back as If-None-Match / If-Modified-Since.
    add column etag             text,
    add column last_modified    text;

-- Fresh by default: every board every 10 minutes (boards left at the old default move with it).
alter table boards alter column poll_interval set default interval '10 minutes';
update boards set poll_interval = interval '10 minutes' where poll_interval = interval '1 hour';

-- Every poll rewrites its board's row: room on the page keeps those updates HOT (no index touched, little WAL).
alter table boards set (fillfactor = 50);

-- One object per distinct payload, board and day: the same bytes seen again that day are not written again.
create table archived_payloads (
    source_id     uuid not null references boards (source_id),
    day           date not null,
    sha256        text not null,
    uri           text not null,
    payload_bytes bigint not null,
    stored_bytes  bigint not null,
    archived_at   timestamptz not null,
    primary key (source_id, day, sha256)
);

create view postings as
select p.job_id, p.org_id, p.source_id, p.provider, p.board_token, p.provider_job_key, p.company_name, p.title, p.normalized_title,
       p.status, p.location_text, p.city, p.region, p.country, p.country_code, p.is_remote, p.workplace_type, p.remote_policy,
       p.department, p.team, p.employment_type, p.salary_raw, p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
       p.source_url, p.apply_url, p.language, p.first_seen_at,
       case when p.in_latest_snapshot then b.last_snapshot_at else p.last_seen_at end as last_seen_at,
       case when p.in_latest_snapshot then b.last_snapshot_at else p.last_checked_at end as last_checked_at,
       p.last_changed_at, p.inactive_at, p.source_posted_at, p.source_updated_at,
       case when p.in_latest_snapshot then b.snapshot_uri else p.raw_payload_uri end as raw_payload_uri,
       p.content_hash, p.source_hash, p.field_hashes, p.native, p.description_html, p.description_text, p.parsed
from posting_rows p
join boards b on b.source_id = p.source_id;

comment on view postings is
    'One row per posting key. last_seen_at: when the posting was last listed; last_checked_at: when the board was last confirmed to list it or to drop it; raw_payload_uri: the archived object holding the payload in which it was last seen.';
