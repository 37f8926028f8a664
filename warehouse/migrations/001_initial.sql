-- The first schema: runs, sources, raw documents and records, the normalised staging table,
-- and the core directory (institutions, locations, contacts, services) with the analyst view.

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    status          VARCHAR NOT NULL,          -- running | completed | failed
    catalogue       VARCHAR NOT NULL,
    sources_total   INTEGER NOT NULL DEFAULT 0,
    sources_failed  INTEGER NOT NULL DEFAULT 0,
    records         INTEGER,
    institutions    INTEGER,
    message         VARCHAR
);

CREATE TABLE sources (
    slug            VARCHAR PRIMARY KEY,
    title           VARCHAR NOT NULL,
    county          VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    url             VARCHAR NOT NULL,
    parser          VARCHAR NOT NULL,
    publisher       VARCHAR,
    min_records     INTEGER NOT NULL,
    max_records     INTEGER,
    declared_in     VARCHAR NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Raw documents as fetched; the bytes live in the archive folder, keyed by sha256.
CREATE TABLE documents (
    sha256            VARCHAR NOT NULL,
    url               VARCHAR NOT NULL,
    final_url         VARCHAR NOT NULL,
    status            INTEGER NOT NULL,
    content_type      VARCHAR,
    declared_charset  VARCHAR,
    charset           VARCHAR,
    bytes             BIGINT NOT NULL,
    etag              VARCHAR,
    last_modified     VARCHAR,
    first_fetched_at  TIMESTAMPTZ NOT NULL,
    last_fetched_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (sha256, url)
);

-- What happened to every source in every run.
CREATE TABLE source_runs (
    run_id           VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,  -- extracted | unchanged | failed | below_minimum
    http_status      INTEGER,
    document_sha256  VARCHAR,
    records          INTEGER,
    message          VARCHAR,
    started_at       TIMESTAMPTZ NOT NULL,
    duration_s       DOUBLE NOT NULL,
    PRIMARY KEY (run_id, source)
);

-- Every record as the source wrote it. A record that stops appearing is kept, inactive.
CREATE TABLE raw_records (
    record_id          VARCHAR PRIMARY KEY,
    source             VARCHAR NOT NULL,
    url                VARCHAR NOT NULL,
    document_sha256    VARCHAR NOT NULL,
    fetched_at         TIMESTAMPTZ NOT NULL,
    role               VARCHAR NOT NULL,
    name_raw           VARCHAR NOT NULL,
    type_raw           VARCHAR,
    street_raw         VARCHAR,
    postal_code_raw    VARCHAR,
    locality_raw       VARCHAR,
    gmina_raw          VARCHAR,
    powiat_raw         VARCHAR,
    voivodeship_raw    VARCHAR,
    phones_raw         VARCHAR[] NOT NULL,
    emails_raw         VARCHAR[] NOT NULL,
    websites_raw       VARCHAR[] NOT NULL,
    nip_raw            VARCHAR,
    regon_raw          VARCHAR,
    krs_raw            VARCHAR,
    rspo_raw           VARCHAR,
    teryt_raw          VARCHAR,
    opening_hours_raw  VARCHAR,
    description_raw    VARCHAR,
    context_raw        VARCHAR,
    extra              VARCHAR,            -- JSON object of unmapped (label, value) pairs
    first_seen_at      TIMESTAMPTZ NOT NULL,
    last_seen_at       TIMESTAMPTZ NOT NULL,
    active             BOOLEAN NOT NULL
);

-- Staging: one normalised row per active raw record, rebuilt by the normalise stage.
CREATE TABLE records (
    record_id        VARCHAR PRIMARY KEY,
    source           VARCHAR NOT NULL,
    role             VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    name_key         VARCHAR NOT NULL,
    core_key         VARCHAR NOT NULL,   -- the name key without its place phrase
    acronym          VARCHAR,
    number           VARCHAR,
    patron           VARCHAR,
    type_code        VARCHAR NOT NULL,
    sector           VARCHAR NOT NULL,
    street           VARCHAR,
    postal_code      VARCHAR,
    locality         VARCHAR,
    locality_simc    VARCHAR,
    gmina_teryt      VARCHAR,
    gmina_name       VARCHAR,
    powiat_teryt     VARCHAR,
    powiat_name      VARCHAR,
    place_status     VARCHAR NOT NULL,   -- resolved | ambiguous | unresolved
    place_method     VARCHAR,
    phones           VARCHAR[] NOT NULL,
    emails           VARCHAR[] NOT NULL,
    website          VARCHAR,
    website_host     VARCHAR,
    nip              VARCHAR,
    regon            VARCHAR,
    krs              VARCHAR,
    rspo             VARCHAR,
    opening_hours    VARCHAR,
    services         VARCHAR[] NOT NULL,
    target_groups    VARCHAR[] NOT NULL,
    evidence         VARCHAR,            -- JSON: which words gave type, services, groups
    fetched_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE institutions (
    institution_id  VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    acronym         VARCHAR,
    type_code       VARCHAR NOT NULL,
    sector          VARCHAR NOT NULL,
    nip             VARCHAR,
    regon           VARCHAR,
    krs             VARCHAR,
    rspo            VARCHAR,
    website         VARCHAR,
    powiat_teryt    VARCHAR,
    powiat_name     VARCHAR,
    gmina_teryt     VARCHAR,
    gmina_name      VARCHAR,
    record_count    INTEGER NOT NULL,
    source_count    INTEGER NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL
);

-- Which record belongs to which institution, and why it was put there.
CREATE TABLE institution_records (
    record_id       VARCHAR PRIMARY KEY,
    institution_id  VARCHAR NOT NULL,
    match_rule      VARCHAR NOT NULL
);

-- An institution id that stopped being used points to the id that took over its records.
CREATE TABLE institution_id_history (
    old_id      VARCHAR NOT NULL,
    new_id      VARCHAR,
    run_id      VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE locations (
    institution_id  VARCHAR NOT NULL,
    street          VARCHAR,
    postal_code     VARCHAR,
    locality        VARCHAR,
    locality_simc   VARCHAR,
    gmina_teryt     VARCHAR,
    gmina_name      VARCHAR,
    powiat_teryt    VARCHAR,
    powiat_name     VARCHAR,
    sources         VARCHAR[] NOT NULL
);

CREATE TABLE contacts (
    institution_id  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,   -- phone | email | website | opening_hours
    value           VARCHAR NOT NULL,
    sources         VARCHAR[] NOT NULL,
    PRIMARY KEY (institution_id, kind, value)
);

CREATE TABLE services (
    institution_id  VARCHAR NOT NULL,
    service         VARCHAR NOT NULL,
    sources         VARCHAR[] NOT NULL,
    PRIMARY KEY (institution_id, service)
);

CREATE TABLE institution_target_groups (
    institution_id  VARCHAR NOT NULL,
    target_group    VARCHAR NOT NULL,
    PRIMARY KEY (institution_id, target_group)
);

CREATE VIEW services_by_county_sector AS
SELECT
    i.powiat_teryt,
    i.powiat_name,
    i.sector,
    count(DISTINCT i.institution_id) AS institutions,
    count(s.service) AS services,
    list(DISTINCT s.service ORDER BY s.service) FILTER (WHERE s.service IS NOT NULL) AS service_kinds
FROM institutions AS i
LEFT JOIN services AS s USING (institution_id)
GROUP BY ALL;
