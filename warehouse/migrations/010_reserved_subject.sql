-- Placeholder on the `sites` branch only: version 010 belongs to the `subject` branch (helper H11).
-- Migrations must be numbered without gaps (warehouse/db.py), so this empty step holds the
-- number until that branch is merged; drop this file when merging it (its own 010 replaces it).
SELECT 1;
