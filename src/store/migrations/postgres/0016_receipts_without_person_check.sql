-- A directive's receipts are written only from memberships, which reference their persons, and
-- persons are never deleted (they leave, and stay on record). The receipts' own foreign key to
-- persons added nothing but its cost: PostgreSQL checks it row by row, locking each person's row,
-- so a directive to a million members locked, dirtied and logged every page of `persons` (20.6 s
-- and 690 MB of WAL for the receipts, 9.5 s and 268 MB without the key; BENCHMARKS.md,
-- "Notifications"). The key to the directive stays.
ALTER TABLE directive_receipts DROP CONSTRAINT IF EXISTS directive_receipts_tenant_id_person_id_fkey;
