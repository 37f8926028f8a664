-- Security (issue 14). Sessions: the warehouse keeps a SHA-256 of each session id, never the id
-- the cookie carries, so a copy of the file (or of its write-ahead log) logs nobody in. The
-- sessions of the old layout held ids in clear: they are dropped, and everyone logs in again.

DROP TABLE review_sessions;

CREATE TABLE review_sessions (
    session_hash  VARCHAR PRIMARY KEY,  -- sha256 hex of the session id in the signed cookie
    login         VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE review_sessions IS 'Sesje logowania (review_sessions) — login sessions of the review app.';
COMMENT ON COLUMN review_sessions.session_hash IS 'Skrót SHA-256 identyfikatora sesji (nie sam identyfikator) — SHA-256 of the session id, never the id.';
COMMENT ON COLUMN review_sessions.login IS 'Login — login.';
COMMENT ON COLUMN review_sessions.created_at IS 'Początek sesji — created at.';
COMMENT ON COLUMN review_sessions.expires_at IS 'Koniec ważności — expires at.';
COMMENT ON COLUMN review_users.password_hash IS 'Skrót hasła (scrypt$n$r$p$sól$skrót) — password hash (scrypt), rehashed at login when its cost is below the current one.';

-- Review cases: every county a case touches. A case's counties are those of every record it is
-- about and of every institution those records belong to; a coordinator sees a case when one of
-- them is theirs and decides it only when all of them are (an admin decides any). Cases written
-- before this held one county: that one, until the next night recomputes them.

ALTER TABLE review_cases ADD COLUMN counties VARCHAR[];
UPDATE review_cases SET counties = CASE WHEN powiat_teryt IS NULL THEN [] ELSE [powiat_teryt] END;

COMMENT ON COLUMN review_cases.counties IS 'Wszystkie powiaty (TERYT), których dotyczy sprawa: jej rekordów i ich instytucji — every county the case touches (its records and their institutions).';
