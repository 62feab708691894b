-- Providers other than Greenhouse spell board tokens with capitals and spaces (Lever `Ubiminds`, Ashby `Hippocratic AI`),
-- and their tokens are stored and sent as spelled: each provider checks its own tokens' shape, and the table keeps only what
-- no provider's token may hold (a path or query separator, a control character). One board named twice in different cases
-- is still one board: the first spelling registered is the one kept, and the one its job ids are made of.
alter table boards
    drop constraint boards_board_token_check,
    add constraint boards_board_token_check check (length(board_token) between 1 and 200 and board_token !~ '[/?#\\[:cntrl:]]');

create unique index boards_by_spelling on boards (provider, lower(board_token));
