-- Placeholder on the `sites` branch only: version 009 belongs to the `support` branch (helper H13).
-- Migrations must be numbered without gaps (warehouse/db.py), so this empty step holds the
-- number until that branch is merged; drop this file when merging it (its own 009 replaces it).
SELECT 1;
