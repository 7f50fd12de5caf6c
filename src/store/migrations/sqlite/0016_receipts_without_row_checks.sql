-- PostgreSQL drops the receipts' foreign keys here (see its 0016); SQLite keeps them: dropping
-- a constraint would mean rebuilding the table, and their checks are cheap index searches.
SELECT 1;
