-- Institution names that read like an official register (issue 15).
--
-- Every record says how its name came to be (`name_form`): as the source wrote it, with Polish
-- letters restored, with an acronym written out, or still an acronym; `name_written` keeps the
-- form the source wrote when the shown one differs (the raw text stays in raw_records).
-- The match stage chooses each institution's name from its records' names and keeps every
-- other form in `institution_names`; the matcher and the county pages' search read them there.
-- An institution whose name would be only an acronym is held back in `unnamed_institutions`
-- (and out of the publication) until a coordinator answers "Jak brzmi pełna nazwa?".

ALTER TABLE records ADD COLUMN name_written VARCHAR;
ALTER TABLE records ADD COLUMN name_form VARCHAR DEFAULT 'written';
ALTER TABLE records ADD COLUMN name_note VARCHAR;

CREATE TABLE institution_names (
    institution_id  VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    is_canonical    BOOLEAN NOT NULL,
    name_form       VARCHAR NOT NULL,   -- written | restored | ... | decision
    sources         VARCHAR[] NOT NULL
);

CREATE TABLE unnamed_institutions (
    institution_id  VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,   -- the acronym as the sources write it
    type_code       VARCHAR NOT NULL,
    powiat_teryt    VARCHAR,
    locality        VARCHAR,
    reason          VARCHAR NOT NULL,   -- why no full name could be chosen (Polish)
    record_ids      VARCHAR[] NOT NULL
);

COMMENT ON COLUMN records.name_written IS 'Nazwa tak, jak zapisało ją źródło (gdy różni się od pokazywanej) — the name as the source wrote it, when it differs from the one shown.';
COMMENT ON COLUMN records.name_form IS 'Skąd nazwa: written | restored | folded | expanded | expanded_seat | acronym_led | acronym — how the name came to be.';
COMMENT ON COLUMN records.name_note IS 'Dlaczego skrót lub litery zostały bez zmian — why an acronym or folded letters stayed as written.';
COMMENT ON TABLE institution_names IS 'Nazwy instytucji: wybrana i alternatywne (institution_names) — every name of an institution: the canonical one and the alternates.';
COMMENT ON COLUMN institution_names.institution_id IS 'Instytucja — institution.';
COMMENT ON COLUMN institution_names.name IS 'Nazwa — name.';
COMMENT ON COLUMN institution_names.is_canonical IS 'Czy to nazwa publikowana — whether this is the published (canonical) name.';
COMMENT ON COLUMN institution_names.name_form IS 'Skąd nazwa (jak records.name_form; decision = wpisana przez koordynatora) — how the name came to be (decision: typed by a coordinator).';
COMMENT ON COLUMN institution_names.sources IS 'Źródła, które podały tę nazwę — sources that gave this name.';
COMMENT ON TABLE unnamed_institutions IS 'Instytucje wstrzymane do publikacji, bo znamy tylko skrót nazwy (unnamed_institutions) — institutions held back from the publication because only an acronym of their name is known.';
COMMENT ON COLUMN unnamed_institutions.institution_id IS 'Instytucja — institution.';
COMMENT ON COLUMN unnamed_institutions.name IS 'Skrót, jak zapisały go źródła — the acronym as the sources write it.';
COMMENT ON COLUMN unnamed_institutions.type_code IS 'Rodzaj instytucji — institution type.';
COMMENT ON COLUMN unnamed_institutions.powiat_teryt IS 'Powiat (TERYT) — powiat.';
COMMENT ON COLUMN unnamed_institutions.locality IS 'Miejscowość — locality.';
COMMENT ON COLUMN unnamed_institutions.reason IS 'Dlaczego nie ma pełnej nazwy — why there is no full name.';
COMMENT ON COLUMN unnamed_institutions.record_ids IS 'Rekordy instytucji — the institution''s records.';
COMMENT ON COLUMN review_cases.kind IS 'Rodzaj: pair | field_conflict | not_institution | acronym_name — kind of case.';
