"""The extract stage: fetch each source politely and parse it into records as written.

- the catalogue: `catalogue` (one YAML per source, validated), `options` (what a declaration
  may tell its parser);
- fetching: `fetch` (the polite HTTP client), `charsets`, `archive`, `replay` (WARC and saved
  pages);
- the parser contract: `records` (Document, ParsedInstitution), `context` (ParseContext: the
  source, its options, warn()), `parsers` (the registry a declaration names), `extract` (one
  source: fetch, parse, provenance, issues);
- parsing: `html_pages` (an institution's own page), `articles` and `mentions`, `directories`,
  `spreadsheets`, `registries`; shared by them: `labels` (Polish labels → fields), `fields`
  (the one record builder), `contacts` (phones, e-mails, addresses in text), `detect` (which
  parser fits, and whether a page is an institution's at all).

Extractors use only the language layer of `transforms` (text, morphology, acronyms, names,
taxonomy and taxonomy_reading), never the normalise stage (tests/test_architecture.py).
"""
