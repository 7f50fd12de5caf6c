-- Engagement (core/engagement_facts.hpp): one summary row per person, organizing organization
-- and year, so that a dashboard over a year reads a row per member instead of every attendance
-- record. The rows are derived, never edited: the triggers below mark a person whose attendance,
-- registrations, memberships or department changed (or whose activities changed kind, date,
-- status or organizers) in engagement_dirty, and the store rebuilds the rows of the marked people
-- before it reads them (store/engagement_store.hpp). The generation lets a rebuild clear only the
-- marks it has seen: a mark made while it ran stays for the next one.
CREATE TABLE engagement_people (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  year INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,  -- 0: in no department
  member INTEGER NOT NULL CHECK (member IN (0, 1)),
  current_member INTEGER NOT NULL CHECK (current_member IN (0, 1)),
  attended INTEGER NOT NULL,
  expected INTEGER NOT NULL,
  months INTEGER NOT NULL,
  kind_counts INTEGER NOT NULL,
  last_attended_day INTEGER,
  previous_attended INTEGER NOT NULL,
  joined_day INTEGER,
  -- In the order a dashboard groups by: a year's rows of an organization come sorted by their
  -- counts, so that SQLite aggregates them as it reads, without sorting a million rows.
  PRIMARY KEY (tenant_id, year, organization_id, attended, kind_counts, months, unit_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX engagement_people_person ON engagement_people (tenant_id, person_id);

CREATE TABLE engagement_dirty (
  tenant_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, person_id)
) STRICT, WITHOUT ROWID;

-- What the rows were built for: a new year, or records from before the first year, rebuild all.
CREATE TABLE engagement_state (
  tenant_id INTEGER PRIMARY KEY REFERENCES agencies (id),
  first_year INTEGER NOT NULL,
  current_year INTEGER NOT NULL
) STRICT;

-- An officer's invitation of a member to an activity (the gone-quiet list's "invite"): the member
-- sees it in the app until they register or the activity starts. Inviting twice keeps the first.
CREATE TABLE activity_invitations (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  invited_by INTEGER,
  invited_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, person_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_invitations_person ON activity_invitations (tenant_id, person_id);

CREATE TRIGGER attendance_marks_insert AFTER INSERT ON attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER attendance_marks_update AFTER UPDATE ON attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER attendance_marks_delete AFTER DELETE ON attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (OLD.tenant_id, OLD.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER club_attendance_marks_insert AFTER INSERT ON club_attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER club_attendance_marks_update AFTER UPDATE ON club_attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER club_attendance_marks_delete AFTER DELETE ON club_attendance BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (OLD.tenant_id, OLD.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER registrations_mark_insert AFTER INSERT ON registrations BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER registrations_mark_update AFTER UPDATE OF state ON registrations BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER memberships_mark_insert AFTER INSERT ON memberships BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER memberships_mark_update AFTER UPDATE ON memberships BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.person_id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER persons_mark_unit AFTER UPDATE OF unit_id ON persons
WHEN NEW.unit_id IS NOT OLD.unit_id BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation) VALUES (NEW.tenant_id, NEW.id, 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
-- An activity that changes what it counts as: its attendees and registrants; a required one also
-- everyone it may have been required of (the current members), since each of them was expected.
CREATE TRIGGER activities_mark AFTER UPDATE OF status, kind, starts_at, required ON activities
WHEN NEW.status IS NOT OLD.status OR NEW.kind IS NOT OLD.kind OR NEW.starts_at IS NOT OLD.starts_at
  OR NEW.required IS NOT OLD.required BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT tenant_id, person_id, 1 FROM attendance WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.id
  UNION SELECT tenant_id, person_id, 1 FROM registrations WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.id
  UNION SELECT tenant_id, person_id, 1 FROM memberships
    WHERE tenant_id = NEW.tenant_id AND status <> 'left' AND (NEW.required = 1 OR OLD.required = 1)
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER activity_organizers_mark_insert AFTER INSERT ON activity_organizers BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT tenant_id, person_id, 1 FROM attendance WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.activity_id
  UNION SELECT tenant_id, person_id, 1 FROM registrations WHERE tenant_id = NEW.tenant_id AND activity_id = NEW.activity_id
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER activity_organizers_mark_delete AFTER DELETE ON activity_organizers BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT tenant_id, person_id, 1 FROM attendance WHERE tenant_id = OLD.tenant_id AND activity_id = OLD.activity_id
  UNION SELECT tenant_id, person_id, 1 FROM registrations WHERE tenant_id = OLD.tenant_id AND activity_id = OLD.activity_id
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER clubs_mark AFTER UPDATE OF kind, organization_id ON clubs
WHEN NEW.kind IS NOT OLD.kind OR NEW.organization_id IS NOT OLD.organization_id BEGIN
  INSERT INTO engagement_dirty (tenant_id, person_id, generation)
  SELECT DISTINCT a.tenant_id, a.person_id, 1 FROM club_attendance a JOIN club_schedules s
    ON s.tenant_id = a.tenant_id AND s.id = a.schedule_id
  WHERE s.tenant_id = NEW.tenant_id AND s.club_id = NEW.id
  ON CONFLICT (tenant_id, person_id) DO UPDATE SET generation = generation + 1;
END;
