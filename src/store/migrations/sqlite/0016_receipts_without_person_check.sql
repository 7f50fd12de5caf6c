-- PostgreSQL drops the receipts' foreign key to persons here (see its 0016); SQLite keeps it:
-- dropping a constraint would mean rebuilding the table, and its check is a cheap index search.
SELECT 1;
