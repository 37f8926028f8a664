-- Placeholder on the `sites` branch only: version 008 belongs to the `names` branch (helper H10).
-- Migrations must be numbered without gaps (warehouse/db.py), so this empty step holds the
-- number until that branch is merged; drop this file when merging it (its own 008 replaces it).
SELECT 1;
