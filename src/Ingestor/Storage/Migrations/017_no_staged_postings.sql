-- Changed postings are written from arrays in the poll's batch (Storage/ChangedPostingRows.cs), no longer staged (012).
drop table staged_postings;
