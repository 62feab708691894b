-- Reposts: an employer closes a posting and opens the same job under a new id. The new posting names the one it reposts
-- (reposted_from) and the line both belong to: lineage_id is the first posting's id, lineage_first_seen_at its first sighting.
-- Both are stored only on a repost; the view gives every other posting its own id and first sighting.
-- repost_fingerprint (title, place, department, team, description text) is what a repost keeps; null without a description.
-- Rows written before this migration get theirs from --renormalize (parser version 2).
alter table posting_rows
    add column repost_fingerprint    text,
    add column reposted_from         text references posting_rows (job_id),
    add column lineage_id            text,
    add column lineage_first_seen_at timestamptz;

-- A poll that opens postings looks for the company's postings that closed recently with the same fingerprint.
create index posting_rows_left_by_fingerprint on posting_rows (org_id, repost_fingerprint)
    where status = 'inactive' and repost_fingerprint is not null;

-- A posting is reposted at most once: its successor is the one line going on.
create unique index posting_rows_reposted_from on posting_rows (reposted_from) where reposted_from is not null;

-- The opened event of a repost names the posting it reposts.
alter table job_events add column reposted_from text;

create or replace view postings as
select p.job_id, p.org_id, p.source_id, p.provider, p.board_token, p.provider_job_key, p.company_name, p.title, p.normalized_title,
       p.status, p.location_text, p.city, p.region, p.country, p.country_code, p.is_remote, p.workplace_type, p.remote_policy,
       p.department, p.team, p.employment_type, p.salary_raw, p.salary_min, p.salary_max, p.salary_currency, p.salary_period,
       p.source_url, p.apply_url, p.language, p.first_seen_at,
       case when p.in_latest_snapshot then b.last_snapshot_at else p.last_seen_at end as last_seen_at,
       case when p.in_latest_snapshot then b.last_snapshot_at else p.last_checked_at end as last_checked_at,
       p.last_changed_at, p.inactive_at, p.source_posted_at, p.source_updated_at,
       case when p.in_latest_snapshot then b.snapshot_uri else p.raw_payload_uri end as raw_payload_uri,
       p.content_hash, p.source_hash, p.field_hashes, p.native, p.description_html, p.description_text, p.parsed,
       p.reposted_from, coalesce(p.lineage_id, p.job_id) as lineage_id,
       coalesce(p.lineage_first_seen_at, p.first_seen_at) as lineage_first_seen_at
from posting_rows p
join boards b on b.source_id = p.source_id;

comment on column postings.reposted_from is 'The posting this one reposts: the same job (title, place, team, description) closed under another id shortly before.';
comment on column postings.lineage_id is 'The first posting of this job''s line of reposts; the posting''s own id when it is no repost.';
comment on column postings.lineage_first_seen_at is 'When the first posting of the line was first seen.';
