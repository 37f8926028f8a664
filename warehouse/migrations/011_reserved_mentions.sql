-- Placeholder on the `sites` branch only: version 011 belongs to the `mentions` branch (helper H12).
-- Migrations must be numbered without gaps (warehouse/db.py), so this empty step holds the
-- number until that branch is merged; drop this file when merging it (its own 011 replaces it).
SELECT 1;
