-- Sites as sources and provenance per value (issue 17).
--
-- `site_pages`: for every run and `kind: site` source, each page the crawl considered, why it
-- went there (the link word or rule) and what came of it (read, unchanged, robots.txt, budget
-- reached, failed …). The run report and `wsparcie status` show it; the next run reads it to
-- know which pages are unchanged and may keep their records without being parsed again.
--
-- `statements`: every value the directory publishes (a phone, an e-mail, a website, an
-- address, opening hours, a service) with the source and the page that state it and when that
-- page first and last stated it, kept across nights as OpenSanctions keeps its statements: a
-- value a source stops stating stays, no longer current, with its last confirmation.

CREATE TABLE site_pages (
    run_id           VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,  -- order within the site's crawl, from 1
    url              VARCHAR NOT NULL,  -- the address as followed
    final_url        VARCHAR,           -- after redirects
    depth            INTEGER NOT NULL,  -- links from the home page (0)
    reason           VARCHAR NOT NULL,  -- why the crawl went there
    outcome          VARCHAR NOT NULL,  -- read | unchanged | links_only | robots | budget | failed | not_html | left_site | duplicate
    http_status      INTEGER,
    document_sha256  VARCHAR,
    records          INTEGER,           -- records the page gives (read: parsed now; unchanged: kept)
    message          VARCHAR,
    PRIMARY KEY (run_id, source, seq)
);

CREATE TABLE statements (
    institution_id  VARCHAR NOT NULL,
    field           VARCHAR NOT NULL,   -- phone | email | website | address | opening_hours | service
    value           VARCHAR NOT NULL,
    source          VARCHAR NOT NULL,
    url             VARCHAR NOT NULL,   -- the page (or file) that states it
    origin          VARCHAR NOT NULL,   -- stated | name | default
    detail          VARCHAR,            -- JSON: the words or sentence that state it, address parts …
    first_seen_at   TIMESTAMPTZ NOT NULL,
    last_seen_at    TIMESTAMPTZ NOT NULL,
    current         BOOLEAN NOT NULL,
    PRIMARY KEY (institution_id, field, value, source, url)
);

COMMENT ON TABLE site_pages IS 'Strony witryn w przebiegach (site_pages) — per run and `kind: site` source, every page the crawl considered: why it went there and what came of it.';
COMMENT ON COLUMN site_pages.run_id IS 'Przebieg (runs.run_id) — the run.';
COMMENT ON COLUMN site_pages.source IS 'Źródło typu site (sources.slug) — the site source.';
COMMENT ON COLUMN site_pages.seq IS 'Kolejność strony w przeglądzie witryny (od 1) — order of the page within the crawl (from 1).';
COMMENT ON COLUMN site_pages.url IS 'Adres, pod który poszedł przegląd — the address as followed.';
COMMENT ON COLUMN site_pages.final_url IS 'Adres po przekierowaniach — the address after redirects.';
COMMENT ON COLUMN site_pages.depth IS 'Liczba odnośników od strony głównej (0) — links from the home page (0).';
COMMENT ON COLUMN site_pages.reason IS 'Dlaczego: strona główna, słowo odnośnika (np. link "Kontakt") albo reguła BIP — why: the home page, the link word that led there, or the BIP rule.';
COMMENT ON COLUMN site_pages.outcome IS 'Wynik: read | unchanged (bez zmian, rekordy zachowane, bez ponownego parsowania) | links_only | robots (robots.txt zabrania) | budget (limit stron) | failed | not_html | left_site | duplicate (ta sama strona pod innym adresem) — outcome.';
COMMENT ON COLUMN site_pages.http_status IS 'Kod HTTP — HTTP status.';
COMMENT ON COLUMN site_pages.document_sha256 IS 'Skrót SHA-256 treści strony (documents.sha256) — hash of the page''s body.';
COMMENT ON COLUMN site_pages.records IS 'Rekordy ze strony (read: odczytane teraz; unchanged: zachowane) — records the page gives (read: parsed now; unchanged: kept from before).';
COMMENT ON COLUMN site_pages.message IS 'Komunikat: przyczyna błędu — message: why it failed.';

COMMENT ON TABLE statements IS 'Stwierdzenia (statements) — every published value of an institution (phone, e-mail, website, address, opening hours, service) with the source and page that state it and when that page first and last stated it; kept across nights (current = stated by tonight''s records).';
COMMENT ON COLUMN statements.institution_id IS 'Instytucja (institutions.institution_id) — the institution.';
COMMENT ON COLUMN statements.field IS 'Pole: phone | email | website | address | opening_hours | service — the field.';
COMMENT ON COLUMN statements.value IS 'Wartość (telefon E.164, e-mail, adres „ulica, kod miejscowość”, kod usługi) — the value (E.164 phone, e-mail, address "street, postcode locality", service code).';
COMMENT ON COLUMN statements.source IS 'Źródło (sources.slug) — the source.';
COMMENT ON COLUMN statements.url IS 'Strona lub plik, który to podaje — the page or file that states it.';
COMMENT ON COLUMN statements.origin IS 'Skąd: stated (podane w tekście instytucji lub danych), name (z nazwy lub kolumny typu), default (domyślne dla typu instytucji) — stated by the text or data | read from the name or type column | the type''s default.';
COMMENT ON COLUMN statements.detail IS 'JSON: słowa lub zdanie, które to podają, części adresu (może zawierać nazwiska; poza migawką dla analityków) — the words or sentence stating it, address parts (may name staff; left out of the snapshot).';
COMMENT ON COLUMN statements.first_seen_at IS 'Pierwsze potwierdzenie przez tę stronę (historia od migracji 012) — first time this page stated it (history starts with migration 012).';
COMMENT ON COLUMN statements.last_seen_at IS 'Ostatnie potwierdzenie przez tę stronę — last time this page stated it.';
COMMENT ON COLUMN statements.current IS 'Czy źródło podaje to nadal (w bieżących rekordach) — whether the source still states it.';
