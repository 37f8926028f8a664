-- Field-conflict decisions are applied to the published contacts: a "value_current" decision
-- drops the other values the coordinator saw. Which values those were is kept with the decision,
-- because the case itself is refreshed every night (a new phone may join it) and the decision
-- must not reject a value nobody has looked at.

ALTER TABLE review_decisions ADD COLUMN case_values VARCHAR;  -- JSON [[value, [record_id, ...]], ...]

COMMENT ON COLUMN review_decisions.case_values IS 'Wartości sprawy w chwili decyzji (JSON) — the case''s values as the coordinator saw them (JSON).';

-- Failed logins of the review app, shared by all its processes and kept across restarts.
CREATE TABLE review_login_failures (
    login       VARCHAR NOT NULL,     -- as typed, case-folded
    address     VARCHAR NOT NULL,     -- client address
    failed_at   TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE review_login_failures IS 'Nieudane logowania (review_login_failures) — failed logins, for the login rate limit.';
COMMENT ON COLUMN review_login_failures.login IS 'Login (małymi literami) — login, case-folded.';
COMMENT ON COLUMN review_login_failures.address IS 'Adres klienta — client address.';
COMMENT ON COLUMN review_login_failures.failed_at IS 'Kiedy — when.';
