-- Placeholder on the `sites` branch only: version 007 belongs to the `security` branch (helper H9).
-- Migrations must be numbered without gaps (warehouse/db.py), so this empty step holds the
-- number until that branch is merged; drop this file when merging it (its own 007 replaces it).
SELECT 1;
