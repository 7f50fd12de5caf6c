-- Engagement (core/engagement_facts.hpp): one summary row per person, organizing organization
-- and year, so that a dashboard over a year reads a row per member instead of every attendance
-- record. The rows are derived, never edited: the triggers below mark a person whose attendance,
-- registrations, memberships or department changed (or whose activities changed kind, date,
-- status or organizers) in engagement_dirty, and the store rebuilds the rows of the marked people
-- before it reads them (store/engagement_store.hpp). The generation lets a rebuild clear only the
-- marks it has seen: a mark made while it ran stays for the next one.
CREATE TABLE engagement_people (
  tenant_id BIGINT NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  organization_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,  -- 0: in no department
  member SMALLINT NOT NULL CHECK (member IN (0, 1)),
  current_member SMALLINT NOT NULL CHECK (current_member IN (0, 1)),
  attended BIGINT NOT NULL,
  expected BIGINT NOT NULL,
  months BIGINT NOT NULL,
  kind_counts BIGINT NOT NULL,
  last_attended_day BIGINT,
  previous_attended BIGINT NOT NULL,
  joined_day BIGINT,
  -- In the order a dashboard groups by: a year's rows of an organization come sorted by their
  -- counts, so that SQLite aggregates them as it reads, without sorting a million rows.
  PRIMARY KEY (tenant_id, year, organization_id, attended, kind_counts, months, unit_id, person_id)
);
CREATE INDEX engagement_people_person ON engagement_people (tenant_id, person_id);

CREATE TABLE engagement_dirty (
  tenant_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  generation BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, person_id)
);

-- What the rows were built for: a new year, or records from before the first year, rebuild all.
CREATE TABLE engagement_state (
  tenant_id BIGINT PRIMARY KEY REFERENCES agencies (id),
  first_year INTEGER NOT NULL,
  current_year INTEGER NOT NULL
);

-- An officer's invitation of a member to an activity (the gone-quiet list's "invite"): the member
-- sees it in the app until they register or the activity starts. Inviting twice keeps the first.
CREATE TABLE activity_invitations (
  tenant_id BIGINT NOT NULL,
  activity_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  invited_by BIGINT,
  invited_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, person_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE INDEX activity_invitations_person ON activity_invitations (tenant_id, person_id);

-- Statement triggers with transition tables, so that a COPY or a batch of check-ins marks its
-- people in one statement; in person order, so that two batches never wait on each other in a
-- circle.
CREATE FUNCTION engagement_mark_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO engagement_dirty (tenant_id, person_id, generation)
    SELECT DISTINCT tenant_id, person_id, 1 FROM old_rows ORDER BY 1, 2
    ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  ELSE
    INSERT INTO engagement_dirty (tenant_id, person_id, generation)
    SELECT DISTINCT tenant_id, person_id, 1 FROM new_rows ORDER BY 1, 2
    ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER attendance_marks_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER attendance_marks_update AFTER UPDATE ON attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER attendance_marks_delete AFTER DELETE ON attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER club_attendance_marks_insert AFTER INSERT ON club_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER club_attendance_marks_update AFTER UPDATE ON club_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER club_attendance_marks_delete AFTER DELETE ON club_attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER registrations_marks_insert AFTER INSERT ON registrations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER registrations_marks_update AFTER UPDATE ON registrations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER memberships_marks_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();
CREATE TRIGGER memberships_marks_update AFTER UPDATE ON memberships
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_rows();

CREATE FUNCTION engagement_mark_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT DISTINCT n.tenant_id, n.id, 1 FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id
    AND o.id = n.id
  WHERE n.unit_id IS DISTINCT FROM o.unit_id ORDER BY 1, 2
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER persons_mark_unit AFTER UPDATE ON persons
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_mark_units();

-- An activity that changes what it counts as: its attendees and registrants; a required one also
-- everyone it may have been required of (the current members), since each of them was expected.
CREATE FUNCTION engagement_mark_activity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT tenant_id, person_id, 1 FROM attendance
    WHERE tenant_id = changed.tenant_id AND activity_id = changed.activity_id
  UNION SELECT tenant_id, person_id, 1 FROM registrations
    WHERE tenant_id = changed.tenant_id AND activity_id = changed.activity_id
  ORDER BY 1, 2
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  RETURN NULL;
END $$;
CREATE FUNCTION engagement_mark_activity_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT tenant_id, person_id, 1 FROM attendance WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.id
  UNION SELECT tenant_id, person_id, 1 FROM registrations
    WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.id
  UNION SELECT tenant_id, person_id, 1 FROM memberships
    WHERE tenant_id = NEW.tenant_id AND status <> 'left' AND (NEW.required = 1 OR OLD.required = 1)
  ORDER BY 1, 2
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER activities_mark AFTER UPDATE OF status, kind, starts_at, required ON activities
  FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.required IS DISTINCT FROM OLD.required)
  EXECUTE FUNCTION engagement_mark_activity_change();
CREATE TRIGGER activity_organizers_mark AFTER INSERT OR DELETE ON activity_organizers
  FOR EACH ROW EXECUTE FUNCTION engagement_mark_activity();

CREATE FUNCTION engagement_mark_club() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT DISTINCT a.tenant_id, a.person_id, 1 FROM club_attendance a JOIN club_schedules s
    ON s.tenant_id = a.tenant_id AND s.id = a.schedule_id
  WHERE s.tenant_id = NEW.tenant_id AND s.club_id = NEW.id ORDER BY 1, 2
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = engagement_dirty.generation + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER clubs_mark AFTER UPDATE OF kind, organization_id ON clubs
  FOR EACH ROW WHEN (NEW.kind IS DISTINCT FROM OLD.kind
    OR NEW.organization_id IS DISTINCT FROM OLD.organization_id)
  EXECUTE FUNCTION engagement_mark_club();
