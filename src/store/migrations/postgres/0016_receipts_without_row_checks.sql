-- A directive's receipts are written by one INSERT … SELECT from the memberships (which reference
-- their persons), in the transaction that creates the directive, and neither persons nor
-- directives are ever deleted (people leave and stay on record; a directive stays for the
-- report). The receipts' own foreign keys added nothing but their cost: PostgreSQL checks them row
-- by row, the one to persons locking each person's row, so a directive to a million members
-- locked, dirtied and logged every page of `persons` (20.6 s and 690 MB of WAL for the receipts,
-- 9.5 s and 268 MB without that key; the key to the directive another 5.5 s: BENCHMARKS.md,
-- "Notifications"). SQLite keeps both (its checks are cheap index searches).
ALTER TABLE directive_receipts DROP CONSTRAINT IF EXISTS directive_receipts_tenant_id_person_id_fkey;
ALTER TABLE directive_receipts DROP CONSTRAINT IF EXISTS directive_receipts_tenant_id_directive_id_fkey;
