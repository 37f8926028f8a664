-- The run report: for every run and source, the declared assertion as checked, and the records
-- the source holds in the directory after the run against the run before it. `wsparcie status`
-- and the run's Prefect markdown artifact read the view `source_run_report`.

CREATE TABLE source_run_checks (
    run_id            VARCHAR NOT NULL,
    source            VARCHAR NOT NULL,
    assertion         VARCHAR NOT NULL,  -- ok | below_minimum | above_maximum | not_checked
    records_current   INTEGER NOT NULL,  -- active raw records of the source after this run
    records_previous  INTEGER,           -- records_current at the source's previous run
    PRIMARY KEY (run_id, source)
);

CREATE VIEW source_run_report AS
SELECT
    r.run_id,
    r.source,
    r.status,
    r.http_status,
    r.records AS records_extracted,
    c.assertion,
    c.records_current,
    c.records_previous,
    c.records_current - c.records_previous AS records_change,
    r.duration_s,
    r.message,
    r.started_at
FROM source_runs r
LEFT JOIN source_run_checks c USING (run_id, source);

COMMENT ON COLUMN runs.status IS 'Stan: running | completed | completed_with_failures | failed | interrupted (proces przerwany, np. zabity) — run status (interrupted: the process died mid-run).';

COMMENT ON TABLE source_run_checks IS 'Kontrole źródeł w przebiegach (source_run_checks) — per run and source: the declared assertion as checked and the records the source holds after the run against the run before.';
COMMENT ON COLUMN source_run_checks.run_id IS 'Przebieg (runs.run_id) — the run.';
COMMENT ON COLUMN source_run_checks.source IS 'Źródło (sources.slug) — the source.';
COMMENT ON COLUMN source_run_checks.assertion IS 'Wynik asercji: ok | below_minimum | above_maximum | not_checked — assertion result (not_checked: nothing new was extracted).';
COMMENT ON COLUMN source_run_checks.records_current IS 'Aktywne rekordy źródła po przebiegu — active records of the source after the run.';
COMMENT ON COLUMN source_run_checks.records_previous IS 'Aktywne rekordy źródła po poprzednim przebiegu (puste: pierwszy) — the same after the previous run (empty: first run).';

COMMENT ON VIEW source_run_report IS 'Raport przebiegu (source_run_report) — what every source did in every run: outcome, HTTP status, records, change against the previous run, assertion, duration.';
COMMENT ON COLUMN source_run_report.run_id IS 'Przebieg — run.';
COMMENT ON COLUMN source_run_report.source IS 'Źródło — source.';
COMMENT ON COLUMN source_run_report.status IS 'Stan: extracted | unchanged | failed | below_minimum — outcome.';
COMMENT ON COLUMN source_run_report.http_status IS 'Kod HTTP — HTTP status.';
COMMENT ON COLUMN source_run_report.records_extracted IS 'Rekordy wyodrębnione w tym przebiegu — records extracted in this run.';
COMMENT ON COLUMN source_run_report.assertion IS 'Wynik asercji min/max — min/max assertion result.';
COMMENT ON COLUMN source_run_report.records_current IS 'Aktywne rekordy po przebiegu — active records after the run.';
COMMENT ON COLUMN source_run_report.records_previous IS 'Aktywne rekordy po poprzednim przebiegu — active records after the previous run.';
COMMENT ON COLUMN source_run_report.records_change IS 'Zmiana liczby rekordów — change in records.';
COMMENT ON COLUMN source_run_report.duration_s IS 'Czas pobierania i parsowania (s) — fetch and parse time (s).';
COMMENT ON COLUMN source_run_report.message IS 'Komunikat: przyczyna błędu lub ostrzeżenie — message: cause of failure or warning.';
COMMENT ON COLUMN source_run_report.started_at IS 'Początek przetwarzania źródła — when processing started.';
