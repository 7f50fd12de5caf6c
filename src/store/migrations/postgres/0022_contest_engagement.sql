-- A contest entered is a fact of the engagement measures (issue 17, docs/engagement.md): an
-- entrant's counted attempt of a round (contest_entries) marks the person for the rebuild of
-- their engagement rows, as attendance does (engagement_mark_rows of migration 0010).
CREATE TRIGGER contest_entries_marks_insert AFTER INSERT ON contest_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER contest_entries_marks_update AFTER UPDATE ON contest_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER contest_entries_marks_delete AFTER DELETE ON contest_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
-- The rebuild reads a person's entries.
CREATE INDEX contest_entries_person ON contest_entries (tenant_id, person_id);
