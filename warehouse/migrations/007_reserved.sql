-- Placeholder on the `names` branch only: version 007 belongs to the security branch
-- (007_security.sql). Migrations must be numbered without gaps, so this empty step holds the
-- number until that branch is merged; drop this file when merging it.
SELECT 1;
