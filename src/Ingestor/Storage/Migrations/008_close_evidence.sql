-- A close says why it happened and what backs it. Absence from one list is weak evidence (lists come back short), so a
-- posting missing from a complete snapshot closes when its own page answers 404 (confirmed_gone), when it is missing again
-- from the next complete snapshot (absent_twice), or when its whole board is gone (board_gone). Closes written before this
-- migration were decided on one absence (or two, for a mass close) and say so: absent.
alter table job_events
    add column closed_reason text check (closed_reason in ('confirmed_gone', 'absent_twice', 'board_gone', 'absent')),
    add column evidence      jsonb;

update job_events set closed_reason = 'absent', evidence = jsonb_build_object('polls', jsonb_build_array(poll_id))
where event_type = 'closed';

alter table job_events add constraint closes_carry_a_reason check ((event_type = 'closed') = (closed_reason is not null));

-- The postings missing from the board's last complete snapshot that did not close yet: job id → the poll that first missed
-- them. It replaces closes_held: a mass close was the only close that waited; now every unconfirmed one does.
alter table boards add column pending_closes jsonb not null default '{}';

update boards b set pending_closes = coalesce(
    (select jsonb_object_agg(p.job_id, b.snapshot_poll_id)
     from posting_rows p
     where p.source_id = b.source_id and p.status = 'active' and not p.in_latest_snapshot),
    '{}')
where b.closes_held and b.snapshot_poll_id is not null;

alter table boards drop column closes_held;
