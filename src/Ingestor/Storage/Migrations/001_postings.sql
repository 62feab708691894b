-- Companies, their boards, every poll of a board, the postings it listed and what happened to them.

create table orgs (
    org_id     uuid primary key default gen_random_uuid(),
    name       text not null unique,
    created_at timestamptz not null default now()
);

create table boards (
    source_id            uuid primary key default gen_random_uuid(),
    provider             text not null,
    board_token          text not null,
    org_id               uuid references orgs (org_id),
    enabled              boolean not null default true,
    poll_interval        interval not null default interval '1 hour',
    next_poll_at         timestamptz not null default now(),
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    last_outcome         text,
    last_error           text,
    consecutive_failures integer not null default 0,
    -- When the newest applied snapshot was observed: a slower, older poll finishing later must not undo it.
    last_snapshot_at     timestamptz,
    -- The last complete snapshot would have closed most of the board; the next one confirms or clears that.
    closes_held          boolean not null default false,
    created_at           timestamptz not null default now(),
    unique (provider, board_token),
    check (board_token ~ '^[a-z0-9][a-z0-9_-]*$')
);

create table polls (
    poll_id         uuid primary key,
    source_id       uuid not null references boards (source_id),
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    http_status     integer,
    job_count       integer,
    declared_total  integer,
    payload_sha256  text,
    payload_bytes   bigint,
    raw_payload_uri text,
    outcome         text not null check (outcome in ('succeeded', 'partial', 'failed', 'superseded')),
    error           text,
    opened          integer not null default 0,
    updated         integer not null default 0,
    reopened        integer not null default 0,
    closed          integer not null default 0,
    unchanged       integer not null default 0
);

create index polls_by_board on polls (source_id, started_at desc);

create table postings (
    job_id             text primary key check (job_id ~ '^[0-9a-f]{40}$'),
    org_id             uuid not null references orgs (org_id),
    source_id          uuid not null references boards (source_id),
    provider           text not null,
    board_token        text not null,
    provider_job_key   text not null,
    company_name       text,
    title              text not null,
    normalized_title   text,
    status             text not null check (status in ('active', 'inactive')),
    location_text      text,
    city               text,
    region             text,
    country            text,
    country_code       text check (country_code ~ '^[A-Z]{2}$'),
    is_remote          boolean not null,
    workplace_type     text check (workplace_type in ('remote', 'hybrid', 'onsite')),
    remote_policy      text,
    department         text,
    team               text,
    employment_type    text,
    salary_raw         text,
    salary_min         numeric(16, 2),
    salary_max         numeric(16, 2),
    salary_currency    text check (salary_currency ~ '^[A-Z]{3}$'),
    salary_period      text check (salary_period in ('year', 'month', 'week', 'day', 'hour')),
    source_url         text,
    apply_url          text,
    language           text,
    first_seen_at      timestamptz not null,
    last_seen_at       timestamptz not null,
    last_checked_at    timestamptz not null,
    last_changed_at    timestamptz not null,
    inactive_at        timestamptz,
    source_posted_at   timestamptz,
    source_updated_at  timestamptz,
    raw_payload_uri    text not null,
    content_hash       text not null,
    source_hash        text not null,
    field_hashes       jsonb not null,
    native             jsonb not null,
    description_html   text,
    description_text   text,
    parsed             jsonb not null,
    unique (source_id, provider_job_key),
    check ((status = 'inactive') = (inactive_at is not null)),
    check (salary_min <= salary_max)
);

create index postings_by_board on postings (source_id, status);

create table job_events (
    event_id        bigint generated always as identity primary key,
    job_id          text not null references postings (job_id),
    poll_id         uuid not null references polls (poll_id),
    event_type      text not null check (event_type in ('opened', 'updated', 'closed', 'reopened')),
    occurred_at     timestamptz not null,
    content_hash    text not null,
    source_hash     text not null,
    status_after    text not null check (status_after in ('active', 'inactive')),
    raw_payload_uri text not null,
    changed_fields  text[],
    unique (job_id, poll_id),
    check ((event_type = 'closed') = (status_after = 'inactive'))
);

-- A posting opens once; later sightings update, close or reopen it.
create unique index job_events_open_once on job_events (job_id) where event_type = 'opened';
create index job_events_by_job on job_events (job_id, occurred_at);
