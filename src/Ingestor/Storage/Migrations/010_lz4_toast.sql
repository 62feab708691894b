-- A posting's large values (the job as sent, its description twice, what was parsed) are compressed when stored. lz4
-- compresses several times faster than PostgreSQL's default (pglz), which was a quarter of the database's CPU on a first
-- sweep (perf, board farm), for somewhat larger values. Values already stored keep their compression until rewritten.
alter table posting_rows
    alter column native set compression lz4,
    alter column description_html set compression lz4,
    alter column description_text set compression lz4,
    alter column parsed set compression lz4;
