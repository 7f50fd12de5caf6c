-- A contest entered is a fact of the engagement measures (issue 17, docs/engagement.md): an
-- entrant's counted attempt of a round (contest_entries) marks the person for the rebuild of
-- their engagement rows, as attendance does.
CREATE TRIGGER contest_entries_marks_insert AFTER INSERT ON contest_entries BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER contest_entries_marks_update AFTER UPDATE ON contest_entries BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER contest_entries_marks_delete AFTER DELETE ON contest_entries BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (OLD.tenant_id, OLD.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
-- The rebuild reads a person's entries.
CREATE INDEX contest_entries_person ON contest_entries (tenant_id, person_id);
