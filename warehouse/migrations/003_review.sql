-- The coordinators' review (review/): accounts, sessions, the cases the matcher could not settle,
-- and the decisions taken on them. Decisions are append-only: a later decision on the same case
-- points the older row at itself through superseded_by; no decision row is ever deleted, and
-- `wsparcie review export/import` carries them over to a directory rebuilt from scratch.

CREATE TABLE review_users (
    login          VARCHAR PRIMARY KEY,
    password_hash  VARCHAR NOT NULL,      -- scrypt$n$r$p$salt$hash (hex)
    counties       VARCHAR[] NOT NULL,    -- TERYT powiat codes the coordinator reviews
    is_admin       BOOLEAN NOT NULL DEFAULT false,
    created_at     TIMESTAMPTZ NOT NULL,
    disabled       BOOLEAN NOT NULL DEFAULT false
);

-- A signed cookie names a row here; logging out (or expiry) ends it.
CREATE TABLE review_sessions (
    session_id  VARCHAR PRIMARY KEY,
    login       VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Written by the matcher every night: open cases are replaced, decided ones kept.
CREATE TABLE review_cases (
    case_id         VARCHAR PRIMARY KEY,  -- hash of kind + ordered pair, or institution + field
    kind            VARCHAR NOT NULL,     -- pair | field_conflict | not_institution
    powiat_teryt    VARCHAR,
    sector          VARCHAR,
    institution_id  VARCHAR,
    record_a        VARCHAR,
    record_b        VARCHAR,
    field           VARCHAR,
    "values"        VARCHAR,              -- JSON [[value, [record_id, ...]], ...]
    score           DOUBLE,
    evidence        VARCHAR,              -- JSON [{"field", "level", "weight"}, ...]
    priority        DOUBLE NOT NULL,
    status          VARCHAR NOT NULL,     -- open | decided
    created_run_id  VARCHAR NOT NULL,
    updated_run_id  VARCHAR NOT NULL
);

CREATE TABLE review_decisions (
    decision_id     VARCHAR PRIMARY KEY,
    case_id         VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    institution_id  VARCHAR,
    record_a        VARCHAR,              -- ordered pair: record_a < record_b
    record_b        VARCHAR,
    field           VARCHAR,
    verdict         VARCHAR NOT NULL,
    chosen_value    VARCHAR,
    comment         VARCHAR,
    login           VARCHAR NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    superseded_by   VARCHAR
);

COMMENT ON TABLE review_users IS 'Konta koordynatorów (review_users) — review accounts: coordinators and the counties they review.';
COMMENT ON COLUMN review_users.login IS 'Login — login.';
COMMENT ON COLUMN review_users.password_hash IS 'Skrót hasła (scrypt) — password hash (scrypt).';
COMMENT ON COLUMN review_users.counties IS 'Powiaty (TERYT) koordynatora — the coordinator''s counties (TERYT).';
COMMENT ON COLUMN review_users.is_admin IS 'Administrator widzi wszystkie powiaty — an admin sees every county.';
COMMENT ON COLUMN review_users.created_at IS 'Utworzono — created at.';
COMMENT ON COLUMN review_users.disabled IS 'Konto wyłączone — account disabled.';
COMMENT ON TABLE review_sessions IS 'Sesje logowania (review_sessions) — login sessions of the review app.';
COMMENT ON COLUMN review_sessions.session_id IS 'Identyfikator sesji — session id.';
COMMENT ON COLUMN review_sessions.login IS 'Login — login.';
COMMENT ON COLUMN review_sessions.created_at IS 'Początek sesji — created at.';
COMMENT ON COLUMN review_sessions.expires_at IS 'Koniec ważności — expires at.';
COMMENT ON TABLE review_cases IS 'Sprawy do rozstrzygnięcia (review_cases) — review cases the matcher could not settle.';
COMMENT ON COLUMN review_cases.case_id IS 'Stabilny identyfikator sprawy — stable case id.';
COMMENT ON COLUMN review_cases.kind IS 'Rodzaj: pair | field_conflict | not_institution — kind of case.';
COMMENT ON COLUMN review_cases.powiat_teryt IS 'Powiat (TERYT) — county.';
COMMENT ON COLUMN review_cases.sector IS 'Sektor — sector.';
COMMENT ON COLUMN review_cases.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN review_cases.record_a IS 'Pierwszy rekord pary — first record of the pair.';
COMMENT ON COLUMN review_cases.record_b IS 'Drugi rekord pary — second record of the pair.';
COMMENT ON COLUMN review_cases.field IS 'Pole w konflikcie (phone, address) — conflicting field.';
COMMENT ON COLUMN review_cases."values" IS 'Wartości i rekordy, które je podały (JSON) — values and the records that gave them (JSON).';
COMMENT ON COLUMN review_cases.score IS 'Prawdopodobieństwo dopasowania — match probability.';
COMMENT ON COLUMN review_cases.evidence IS 'Dowody: poziom i waga każdego pola (JSON) — evidence: level and weight per field (JSON).';
COMMENT ON COLUMN review_cases.priority IS 'Pilność (wyżej = ważniejsze) — priority (higher first).';
COMMENT ON COLUMN review_cases.status IS 'Stan: open | decided — status.';
COMMENT ON COLUMN review_cases.created_run_id IS 'Przebieg, który utworzył sprawę — run that created the case.';
COMMENT ON COLUMN review_cases.updated_run_id IS 'Ostatni przebieg, który ją zgłosił — last run that reported it.';
COMMENT ON TABLE review_decisions IS 'Decyzje koordynatorów (review_decisions) — coordinators'' decisions, append-only.';
COMMENT ON COLUMN review_decisions.decision_id IS 'Identyfikator decyzji — decision id.';
COMMENT ON COLUMN review_decisions.case_id IS 'Sprawa (review_cases.case_id) — case.';
COMMENT ON COLUMN review_decisions.kind IS 'Rodzaj sprawy — kind of case.';
COMMENT ON COLUMN review_decisions.institution_id IS 'Instytucja (konflikt wartości) — institution (field conflicts).';
COMMENT ON COLUMN review_decisions.record_a IS 'Pierwszy rekord pary (record_a < record_b) — first record of the ordered pair.';
COMMENT ON COLUMN review_decisions.record_b IS 'Drugi rekord pary — second record of the ordered pair.';
COMMENT ON COLUMN review_decisions.field IS 'Pole (konflikt wartości) — field (field conflicts).';
COMMENT ON COLUMN review_decisions.verdict IS 'Rozstrzygnięcie: same | different | unsure | value_current | both_valid | is_institution | not_institution — verdict.';
COMMENT ON COLUMN review_decisions.chosen_value IS 'Wartość wskazana jako aktualna — the value chosen as current.';
COMMENT ON COLUMN review_decisions.comment IS 'Komentarz koordynatora — comment.';
COMMENT ON COLUMN review_decisions.login IS 'Kto zdecydował — who decided.';
COMMENT ON COLUMN review_decisions.decided_at IS 'Kiedy — decided at.';
COMMENT ON COLUMN review_decisions.superseded_by IS 'Zastąpiona przez decyzję — superseded by (decision_id); NULL = obowiązująca.';
