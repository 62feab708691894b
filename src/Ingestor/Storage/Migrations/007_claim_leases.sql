-- A claim is a lease. Claiming a board moves its next poll only to the end of the lease, and the poll's end schedules the
-- next one an interval on and releases the claim; so a replica killed mid-poll leaves its boards due again within a lease,
-- not an interval later. Who holds a board, and until when, is there for an operator to read.
alter table boards
    add column claimed_by    text,
    add column claimed_until timestamptz;
