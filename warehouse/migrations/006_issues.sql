-- The issues log: for every run and source, what the run could not do with it, as zavod keeps
-- one per dataset. Warnings are records (or parts of a document) a parser skipped or could not
-- map, with where they were; an error is what made the source fail (the fetch or the parse).
-- Written by the load stage from each source's result; `wsparcie status` and the run report
-- show the counts per source and the latest messages.

CREATE TABLE issues (
    run_id   VARCHAR NOT NULL,
    source   VARCHAR NOT NULL,
    seq      INTEGER NOT NULL,  -- order within the source's run, from 1
    level    VARCHAR NOT NULL,  -- warning | error
    message  VARCHAR NOT NULL,
    record   VARCHAR,           -- the record or part of the document, as the parser names it
    url      VARCHAR,
    PRIMARY KEY (run_id, source, seq)
);

COMMENT ON TABLE issues IS 'Zgłoszenia przebiegów (issues) — the issues log: per run and source, every record a parser skipped or could not map (warning) and what made a source fail (error).';
COMMENT ON COLUMN issues.run_id IS 'Przebieg (runs.run_id) — the run.';
COMMENT ON COLUMN issues.source IS 'Źródło (sources.slug) — the source.';
COMMENT ON COLUMN issues.seq IS 'Kolejność zgłoszenia w przebiegu źródła (od 1) — order of the issue within the source''s run (from 1).';
COMMENT ON COLUMN issues.level IS 'Poziom: warning (pominięty rekord) | error (źródło zawiodło) — level: warning (a record skipped) | error (the source failed).';
COMMENT ON COLUMN issues.message IS 'Co się stało — what happened.';
COMMENT ON COLUMN issues.record IS 'Którego rekordu lub fragmentu dokumentu dotyczy (np. arkusz i wiersz) — the record or part of the document concerned (e.g. sheet and row).';
COMMENT ON COLUMN issues.url IS 'Adres dokumentu — the document''s URL.';
