-- The analyst warehouse: every table, view and column documented in Polish and English
-- (`wsparcie docs schema` turns these comments into docs/schema.md), plus the tables analysts
-- need beside the directory: contact history, a population join point and statutory coverage.
-- Comments read "polski — English"; the gazetteer tables (teryt_*, postal_codes) are rebuilt by
-- every gazetteer load, so warehouse/schema_docs.py comments them after each load instead.

-- New tables -------------------------------------------------------------------------------

-- One row per contact value an institution ever had; the publish stage upserts today's contacts.
CREATE TABLE contact_history (
    institution_id  VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    value           VARCHAR NOT NULL,
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (institution_id, kind, value)
);

-- Empty on purpose: an analyst fills it from GUS BDL (Bank Danych Lokalnych).
CREATE TABLE population (
    powiat_teryt  VARCHAR NOT NULL,
    gmina_teryt   VARCHAR,
    population    BIGINT NOT NULL,
    year          INTEGER NOT NULL,
    source        VARCHAR
);

-- Rebuilt by every publish (warehouse/coverage.py).
CREATE TABLE statutory_coverage (
    powiat_teryt    VARCHAR NOT NULL,
    powiat_name     VARCHAR,
    gmina_teryt     VARCHAR,
    gmina_name      VARCHAR,
    requirement     VARCHAR NOT NULL,
    label_pl        VARCHAR NOT NULL,
    found           INTEGER NOT NULL,
    institution_ids VARCHAR[] NOT NULL,
    missing         BOOLEAN NOT NULL
);

-- Tables -----------------------------------------------------------------------------------

COMMENT ON TABLE schema_migrations IS 'Migracje schematu (schema_migrations) — schema migrations: one row per numbered migration applied to this warehouse.';
COMMENT ON COLUMN schema_migrations.version IS 'Numer migracji — migration number (NNN of NNN_name.sql).';
COMMENT ON COLUMN schema_migrations.name IS 'Nazwa migracji — migration name.';
COMMENT ON COLUMN schema_migrations.applied_at IS 'Kiedy zastosowano — when it was applied.';

COMMENT ON TABLE runs IS 'Przebiegi (runs) — nightly runs: one row per run of the pipeline, with its outcome.';
COMMENT ON COLUMN runs.run_id IS 'Identyfikator przebiegu (czas UTC + losowy przyrostek) — run id (UTC start time + random suffix).';
COMMENT ON COLUMN runs.started_at IS 'Początek przebiegu — when the run started.';
COMMENT ON COLUMN runs.finished_at IS 'Koniec przebiegu (puste, gdy trwa) — when the run finished (empty while running).';
COMMENT ON COLUMN runs.status IS 'Stan: running | completed | completed_with_failures | failed — run status.';
COMMENT ON COLUMN runs.catalogue IS 'Folder katalogu źródeł — the source catalogue folder the run used.';
COMMENT ON COLUMN runs.sources_total IS 'Liczba źródeł w katalogu — number of sources in the catalogue.';
COMMENT ON COLUMN runs.sources_failed IS 'Źródła nieudane lub poniżej minimum — sources that failed or yielded fewer records than declared.';
COMMENT ON COLUMN runs.records IS 'Rekordy w katalogu po przebiegu — normalised records after the run.';
COMMENT ON COLUMN runs.institutions IS 'Instytucje po przebiegu — institutions after the run.';
COMMENT ON COLUMN runs.message IS 'Komunikat błędu przebiegu — error message of a failed run.';

COMMENT ON TABLE sources IS 'Źródła (sources) — source declarations from sources/*.yml: what is fetched, from where, with which parser.';
COMMENT ON COLUMN sources.slug IS 'Identyfikator źródła — source slug (unique, stable).';
COMMENT ON COLUMN sources.title IS 'Tytuł źródła — human title of the source.';
COMMENT ON COLUMN sources.county IS 'Powiat (TERYT, 4 cyfry), dla którego zebrano źródło — county (4-digit TERYT) the source is catalogued under.';
COMMENT ON COLUMN sources.kind IS 'Rodzaj: institution_page | directory_page | article | spreadsheet | registry — kind of source.';
COMMENT ON COLUMN sources.url IS 'Adres źródła — source URL.';
COMMENT ON COLUMN sources.parser IS 'Parser użyty do odczytu — parser that reads it.';
COMMENT ON COLUMN sources.publisher IS 'Wydawca źródła — who publishes the source.';
COMMENT ON COLUMN sources.min_records IS 'Minimalna oczekiwana liczba rekordów — declared minimum record count.';
COMMENT ON COLUMN sources.max_records IS 'Maksymalna oczekiwana liczba rekordów — declared maximum record count.';
COMMENT ON COLUMN sources.declared_in IS 'Plik deklaracji YAML — the YAML file declaring the source.';
COMMENT ON COLUMN sources.updated_at IS 'Ostatnia aktualizacja deklaracji w hurtowni — when the declaration was last registered.';

COMMENT ON TABLE documents IS 'Dokumenty (documents) — raw documents as fetched (bytes kept in the archive, keyed by sha256).';
COMMENT ON COLUMN documents.sha256 IS 'Skrót SHA-256 treści — SHA-256 of the content.';
COMMENT ON COLUMN documents.url IS 'Adres żądany — requested URL.';
COMMENT ON COLUMN documents.final_url IS 'Adres po przekierowaniach — URL after redirects.';
COMMENT ON COLUMN documents.status IS 'Kod HTTP — HTTP status.';
COMMENT ON COLUMN documents.content_type IS 'Typ treści (Content-Type) — content type.';
COMMENT ON COLUMN documents.declared_charset IS 'Kodowanie deklarowane przez serwer lub stronę — charset the server or page declared.';
COMMENT ON COLUMN documents.charset IS 'Kodowanie faktycznie użyte — charset actually used to decode.';
COMMENT ON COLUMN documents.bytes IS 'Rozmiar w bajtach — size in bytes.';
COMMENT ON COLUMN documents.etag IS 'Nagłówek ETag — ETag header (for revalidation).';
COMMENT ON COLUMN documents.last_modified IS 'Nagłówek Last-Modified — Last-Modified header.';
COMMENT ON COLUMN documents.first_fetched_at IS 'Pierwsze pobranie — first fetched.';
COMMENT ON COLUMN documents.last_fetched_at IS 'Ostatnie pobranie — last fetched.';

COMMENT ON TABLE source_runs IS 'Źródła w przebiegach (source_runs) — what happened to every source in every run.';
COMMENT ON COLUMN source_runs.run_id IS 'Przebieg (runs.run_id) — the run.';
COMMENT ON COLUMN source_runs.source IS 'Źródło (sources.slug) — the source.';
COMMENT ON COLUMN source_runs.status IS 'Stan: extracted | unchanged | failed | below_minimum — outcome.';
COMMENT ON COLUMN source_runs.http_status IS 'Kod HTTP odpowiedzi — HTTP status of the response.';
COMMENT ON COLUMN source_runs.document_sha256 IS 'Pobrany dokument (documents.sha256) — the document fetched.';
COMMENT ON COLUMN source_runs.records IS 'Wyodrębnione rekordy — records extracted.';
COMMENT ON COLUMN source_runs.message IS 'Komunikat lub ostrzeżenie — message or warning.';
COMMENT ON COLUMN source_runs.started_at IS 'Początek przetwarzania źródła — when processing started.';
COMMENT ON COLUMN source_runs.duration_s IS 'Czas trwania w sekundach — duration in seconds.';

COMMENT ON TABLE raw_records IS 'Rekordy surowe (raw_records) — provenance: every record as the source wrote it, with first and last sighting; a record that stops appearing stays, inactive.';
COMMENT ON COLUMN raw_records.record_id IS 'Stabilny identyfikator rekordu (skrót źródła i pól kluczowych) — stable record id (hash of source and key fields).';
COMMENT ON COLUMN raw_records.source IS 'Źródło (sources.slug) — source.';
COMMENT ON COLUMN raw_records.url IS 'Strona, z której pochodzi rekord — page the record came from.';
COMMENT ON COLUMN raw_records.document_sha256 IS 'Dokument (documents.sha256) — document.';
COMMENT ON COLUMN raw_records.fetched_at IS 'Czas pobrania dokumentu — when the document was fetched.';
COMMENT ON COLUMN raw_records.role IS 'Rola rekordu: subject (strona instytucji) | row (wiersz listy) | mention (wzmianka) — record role.';
COMMENT ON COLUMN raw_records.name_raw IS 'Nazwa jak w źródle (może być odmieniona) — name as written (may be inflected).';
COMMENT ON COLUMN raw_records.type_raw IS 'Typ jak w źródle — type as written.';
COMMENT ON COLUMN raw_records.street_raw IS 'Ulica jak w źródle — street as written.';
COMMENT ON COLUMN raw_records.postal_code_raw IS 'Kod pocztowy jak w źródle — postal code as written.';
COMMENT ON COLUMN raw_records.locality_raw IS 'Miejscowość jak w źródle — locality as written.';
COMMENT ON COLUMN raw_records.gmina_raw IS 'Gmina jak w źródle — gmina as written.';
COMMENT ON COLUMN raw_records.powiat_raw IS 'Powiat jak w źródle — powiat as written.';
COMMENT ON COLUMN raw_records.voivodeship_raw IS 'Województwo jak w źródle — voivodeship as written.';
COMMENT ON COLUMN raw_records.phones_raw IS 'Telefony jak w źródle — phones as written.';
COMMENT ON COLUMN raw_records.emails_raw IS 'E-maile jak w źródle — e-mails as written.';
COMMENT ON COLUMN raw_records.websites_raw IS 'Strony WWW jak w źródle — websites as written.';
COMMENT ON COLUMN raw_records.nip_raw IS 'NIP jak w źródle — NIP (tax id) as written.';
COMMENT ON COLUMN raw_records.regon_raw IS 'REGON jak w źródle — REGON (statistical id) as written.';
COMMENT ON COLUMN raw_records.krs_raw IS 'KRS jak w źródle — KRS (court register no.) as written.';
COMMENT ON COLUMN raw_records.rspo_raw IS 'RSPO jak w źródle — RSPO (school register id) as written.';
COMMENT ON COLUMN raw_records.teryt_raw IS 'Kod TERYT jak w źródle — TERYT code as written.';
COMMENT ON COLUMN raw_records.opening_hours_raw IS 'Godziny pracy jak w źródle — opening hours as written.';
COMMENT ON COLUMN raw_records.description_raw IS 'Opis jak w źródle (może zawierać nazwiska pracowników; nie publikowany) — description as written (may name staff; never published).';
COMMENT ON COLUMN raw_records.context_raw IS 'Zdanie, w którym padła wzmianka (może zawierać nazwiska; nie publikowane) — sentence around a mention (may name people; never published).';
COMMENT ON COLUMN raw_records.extra IS 'Nieprzypisane pary (etykieta, wartość) jako JSON (nie publikowane) — unmapped (label, value) pairs as JSON (never published).';
COMMENT ON COLUMN raw_records.first_seen_at IS 'Pierwsze wystąpienie rekordu — first seen.';
COMMENT ON COLUMN raw_records.last_seen_at IS 'Ostatnie wystąpienie rekordu — last seen.';
COMMENT ON COLUMN raw_records.active IS 'Czy rekord był w ostatnim udanym pobraniu źródła — whether the record was in the source''s last good extraction.';

COMMENT ON TABLE records IS 'Rekordy znormalizowane (records) — staging: one normalised row per active raw record, rebuilt each night.';
COMMENT ON COLUMN records.record_id IS 'Rekord (raw_records.record_id) — record id.';
COMMENT ON COLUMN records.source IS 'Źródło (sources.slug) — source.';
COMMENT ON COLUMN records.role IS 'Rola rekordu (subject | row | mention) — record role.';
COMMENT ON COLUMN records.name IS 'Nazwa w mianowniku, z polskimi znakami — name in the nominative, with diacritics.';
COMMENT ON COLUMN records.name_key IS 'Klucz porównawczy nazwy — comparison key of the name.';
COMMENT ON COLUMN records.core_key IS 'Klucz nazwy bez frazy miejscowej — name key without its place phrase.';
COMMENT ON COLUMN records.acronym IS 'Skrót (np. MOPS, PCPR) — acronym.';
COMMENT ON COLUMN records.number IS 'Numer w nazwie (np. szkoły nr 2) — number in the name (e.g. school no. 2).';
COMMENT ON COLUMN records.patron IS 'Patron (im. …) — patron named in the name.';
COMMENT ON COLUMN records.type_code IS 'Typ instytucji (kod z docs/taxonomy.md) — institution type code.';
COMMENT ON COLUMN records.sector IS 'Sektor (kod z docs/taxonomy.md) — sector code.';
COMMENT ON COLUMN records.street IS 'Ulica i numer — street and number.';
COMMENT ON COLUMN records.postal_code IS 'Kod pocztowy NN-NNN — postal code.';
COMMENT ON COLUMN records.locality IS 'Miejscowość — locality.';
COMMENT ON COLUMN records.locality_simc IS 'Miejscowość (TERYT SIMC) — locality SIMC id.';
COMMENT ON COLUMN records.gmina_teryt IS 'Gmina (TERYT, 7 cyfr) — gmina TERYT code (7 digits).';
COMMENT ON COLUMN records.gmina_name IS 'Nazwa gminy — gmina name.';
COMMENT ON COLUMN records.powiat_teryt IS 'Powiat (TERYT, 4 cyfry) — powiat TERYT code (4 digits).';
COMMENT ON COLUMN records.powiat_name IS 'Nazwa powiatu — powiat name.';
COMMENT ON COLUMN records.place_status IS 'Wynik ustalania miejsca: resolved | ambiguous | unresolved — place resolution outcome.';
COMMENT ON COLUMN records.place_method IS 'Jak ustalono miejsce — how the place was resolved.';
COMMENT ON COLUMN records.phones IS 'Telefony w formacie E.164 — phones, E.164.';
COMMENT ON COLUMN records.emails IS 'E-maile (małe litery) — e-mails, lower case.';
COMMENT ON COLUMN records.website IS 'Strona WWW — website.';
COMMENT ON COLUMN records.website_host IS 'Host strony WWW — website host.';
COMMENT ON COLUMN records.nip IS 'NIP (sprawdzona suma kontrolna) — NIP, checksum verified.';
COMMENT ON COLUMN records.regon IS 'REGON (sprawdzona suma kontrolna) — REGON, checksum verified.';
COMMENT ON COLUMN records.krs IS 'Numer KRS — KRS number.';
COMMENT ON COLUMN records.rspo IS 'Identyfikator RSPO — RSPO id.';
COMMENT ON COLUMN records.opening_hours IS 'Godziny pracy — opening hours.';
COMMENT ON COLUMN records.services IS 'Usługi (kody z docs/taxonomy.md) — service codes.';
COMMENT ON COLUMN records.target_groups IS 'Adresaci (kody z docs/taxonomy.md) — target group codes.';
COMMENT ON COLUMN records.evidence IS 'JSON: które słowa dały typ, usługi, adresatów — which words gave type, services and groups.';
COMMENT ON COLUMN records.fetched_at IS 'Czas pobrania dokumentu — when the document was fetched.';

COMMENT ON TABLE institutions IS 'Instytucje (institutions) — institutions: one row per matched institution, with a stable id that survives from night to night.';
COMMENT ON COLUMN institutions.institution_id IS 'Stabilny identyfikator instytucji (wsp_…) — stable institution id.';
COMMENT ON COLUMN institutions.name IS 'Nazwa kanoniczna (mianownik) — canonical name (nominative).';
COMMENT ON COLUMN institutions.acronym IS 'Skrót — acronym.';
COMMENT ON COLUMN institutions.type_code IS 'Typ instytucji (kod z docs/taxonomy.md, np. ops, pcpr, ppp) — institution type code.';
COMMENT ON COLUMN institutions.sector IS 'Sektor (kod z docs/taxonomy.md) — sector code.';
COMMENT ON COLUMN institutions.nip IS 'NIP — tax identification number.';
COMMENT ON COLUMN institutions.regon IS 'REGON — statistical business register number.';
COMMENT ON COLUMN institutions.krs IS 'KRS — National Court Register number.';
COMMENT ON COLUMN institutions.rspo IS 'RSPO — school and education register id.';
COMMENT ON COLUMN institutions.website IS 'Strona WWW — website.';
COMMENT ON COLUMN institutions.powiat_teryt IS 'Powiat (TERYT, 4 cyfry) — powiat TERYT code.';
COMMENT ON COLUMN institutions.powiat_name IS 'Nazwa powiatu — powiat name.';
COMMENT ON COLUMN institutions.gmina_teryt IS 'Gmina (TERYT, 7 cyfr) — gmina TERYT code.';
COMMENT ON COLUMN institutions.gmina_name IS 'Nazwa gminy — gmina name.';
COMMENT ON COLUMN institutions.record_count IS 'Liczba rekordów opisujących instytucję — records describing it.';
COMMENT ON COLUMN institutions.source_count IS 'Liczba źródeł, które ją wymieniają — sources naming it.';
COMMENT ON COLUMN institutions.first_seen_at IS 'Pierwsze wystąpienie w źródłach — first seen in any source.';
COMMENT ON COLUMN institutions.last_seen_at IS 'Ostatnie wystąpienie w źródłach — last seen in any source.';

COMMENT ON TABLE institution_records IS 'Rekordy instytucji (institution_records) — provenance: which record belongs to which institution, and by which match rule.';
COMMENT ON COLUMN institution_records.record_id IS 'Rekord (records.record_id) — record.';
COMMENT ON COLUMN institution_records.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN institution_records.match_rule IS 'Reguła, która przypisała rekord — rule that put the record there.';

COMMENT ON TABLE institution_id_history IS 'Historia identyfikatorów (institution_id_history) — an id that stopped being used points to the id that took over its records.';
COMMENT ON COLUMN institution_id_history.old_id IS 'Dawny identyfikator — retired id.';
COMMENT ON COLUMN institution_id_history.new_id IS 'Nowy identyfikator (puste: wycofany) — id that took over (empty: retired).';
COMMENT ON COLUMN institution_id_history.run_id IS 'Przebieg, w którym nastąpiła zmiana — run of the change.';
COMMENT ON COLUMN institution_id_history.reason IS 'Powód: merged | split | retired — reason.';
COMMENT ON COLUMN institution_id_history.recorded_at IS 'Kiedy zapisano — when recorded.';

COMMENT ON TABLE locations IS 'Lokalizacje (locations) — addresses of institutions, placed on TERYT gminas and powiats.';
COMMENT ON COLUMN locations.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN locations.street IS 'Ulica i numer — street and number.';
COMMENT ON COLUMN locations.postal_code IS 'Kod pocztowy — postal code.';
COMMENT ON COLUMN locations.locality IS 'Miejscowość — locality.';
COMMENT ON COLUMN locations.locality_simc IS 'Miejscowość (TERYT SIMC) — locality SIMC id.';
COMMENT ON COLUMN locations.gmina_teryt IS 'Gmina (TERYT) — gmina TERYT code.';
COMMENT ON COLUMN locations.gmina_name IS 'Nazwa gminy — gmina name.';
COMMENT ON COLUMN locations.powiat_teryt IS 'Powiat (TERYT) — powiat TERYT code.';
COMMENT ON COLUMN locations.powiat_name IS 'Nazwa powiatu — powiat name.';
COMMENT ON COLUMN locations.sources IS 'Źródła podające ten adres — sources giving this address.';

COMMENT ON TABLE contacts IS 'Kontakty (contacts) — current contact values of institutions: phones (E.164), e-mails, websites, opening hours.';
COMMENT ON COLUMN contacts.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN contacts.kind IS 'Rodzaj: phone | email | website | opening_hours — kind of contact.';
COMMENT ON COLUMN contacts.value IS 'Wartość — value.';
COMMENT ON COLUMN contacts.sources IS 'Źródła podające tę wartość — sources giving the value.';

COMMENT ON TABLE services IS 'Usługi (services) — what each institution offers (codes from docs/taxonomy.md).';
COMMENT ON COLUMN services.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN services.service IS 'Usługa (kod, np. counselling, foster_care) — service code.';
COMMENT ON COLUMN services.sources IS 'Źródła, z których wynika usługa — sources the service comes from.';

COMMENT ON TABLE institution_target_groups IS 'Adresaci instytucji (institution_target_groups) — for whom an institution works (codes from docs/taxonomy.md).';
COMMENT ON COLUMN institution_target_groups.institution_id IS 'Instytucja (institutions.institution_id) — institution.';
COMMENT ON COLUMN institution_target_groups.target_group IS 'Grupa adresatów (kod, np. children, families) — target group code.';

COMMENT ON TABLE contact_history IS 'Historia kontaktów (contact_history) — every contact value an institution ever had, with the first and last publication that carried it; answers "who changed phone since last month".';
COMMENT ON COLUMN contact_history.institution_id IS 'Instytucja (institutions.institution_id; po scaleniu zob. institution_id_history) — institution (after a merge see institution_id_history).';
COMMENT ON COLUMN contact_history.kind IS 'Rodzaj: phone | email | website | opening_hours — kind of contact.';
COMMENT ON COLUMN contact_history.value IS 'Wartość — value.';
COMMENT ON COLUMN contact_history.first_seen_at IS 'Pierwsza publikacja z tą wartością — first publication carrying the value.';
COMMENT ON COLUMN contact_history.last_seen_at IS 'Ostatnia publikacja z tą wartością — last publication carrying the value.';

COMMENT ON TABLE population IS 'Ludność (population) — join point, empty on purpose: fill it from GUS BDL (Bank Danych Lokalnych) to compute services per 10,000 inhabitants.';
COMMENT ON COLUMN population.powiat_teryt IS 'Powiat (TERYT, 4 cyfry) — powiat TERYT code.';
COMMENT ON COLUMN population.gmina_teryt IS 'Gmina (TERYT, 7 cyfr; puste = cały powiat) — gmina TERYT code (empty: the whole powiat).';
COMMENT ON COLUMN population.population IS 'Liczba ludności — number of inhabitants.';
COMMENT ON COLUMN population.year IS 'Rok stanu ludności — reference year.';
COMMENT ON COLUMN population.source IS 'Źródło danych (np. GUS BDL, zmienna, data pobrania) — data source.';

COMMENT ON TABLE statutory_coverage IS 'Pokrycie ustawowe (statutory_coverage) — coverage: for each catalogued powiat and its gminas, each institution the law requires, and whether the directory has it; rebuilt by every publish.';
COMMENT ON COLUMN statutory_coverage.powiat_teryt IS 'Powiat (TERYT) — powiat TERYT code.';
COMMENT ON COLUMN statutory_coverage.powiat_name IS 'Nazwa powiatu — powiat name.';
COMMENT ON COLUMN statutory_coverage.gmina_teryt IS 'Gmina (TERYT; puste dla wymagań powiatowych) — gmina TERYT code (empty for powiat-level requirements).';
COMMENT ON COLUMN statutory_coverage.gmina_name IS 'Nazwa gminy — gmina name.';
COMMENT ON COLUMN statutory_coverage.requirement IS 'Wymaganie (pcpr, ppp, pup, police, court, sanepid, ops) — requirement code.';
COMMENT ON COLUMN statutory_coverage.label_pl IS 'Opis wymagania po polsku — requirement in Polish.';
COMMENT ON COLUMN statutory_coverage.found IS 'Liczba pasujących instytucji w katalogu — matching institutions in the directory.';
COMMENT ON COLUMN statutory_coverage.institution_ids IS 'Pasujące instytucje — matching institution ids.';
COMMENT ON COLUMN statutory_coverage.missing IS 'Brak w katalogu — missing from the directory.';

-- Views ------------------------------------------------------------------------------------

COMMENT ON VIEW services_by_county_sector IS 'Usługi wg powiatu i sektora (services_by_county_sector) — institutions and services per powiat and sector.';
COMMENT ON COLUMN services_by_county_sector.powiat_teryt IS 'Powiat (TERYT) — powiat TERYT code.';
COMMENT ON COLUMN services_by_county_sector.powiat_name IS 'Nazwa powiatu — powiat name.';
COMMENT ON COLUMN services_by_county_sector.sector IS 'Sektor (kod) — sector code.';
COMMENT ON COLUMN services_by_county_sector.institutions IS 'Liczba instytucji — institutions.';
COMMENT ON COLUMN services_by_county_sector.services IS 'Liczba par (instytucja, usługa) — (institution, service) pairs.';
COMMENT ON COLUMN services_by_county_sector.service_kinds IS 'Rodzaje usług (kody) — distinct service codes.';
