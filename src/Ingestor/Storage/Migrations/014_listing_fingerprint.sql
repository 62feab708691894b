-- What the board's applied snapshot listed, as one hash, when it applied cleanly (succeeded): each posting's job id with its
-- source hash, in id order (ListingFingerprint). A later payload whose bytes differ but whose postings are exactly these
-- (re-serialized, reordered, escaped otherwise) is recorded in one statement once archived (UnchangedListings), instead
-- of reading every posting of the board to find that none changed. A poll reads it with the board, so a payload that lists
-- other postings costs no statement to find that out. Null for a board whose last snapshot was partial or none.
alter table boards add column listing_sha256 text;
