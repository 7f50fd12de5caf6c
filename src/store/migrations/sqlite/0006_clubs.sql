-- Clubs (issue 5): sports and arts clubs of the organizations, their members, their weekly
-- sessions (a rule such as Tuesday and Thursday 17:00–18:30, with cancelled and moved sessions)
-- and who came to each session. Dates are ISO text (yyyy-mm-dd), times minutes of the local day.
CREATE TABLE clubs (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sports', 'arts', 'other')),
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;

CREATE TABLE club_members (
  tenant_id INTEGER NOT NULL,
  club_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  PRIMARY KEY (tenant_id, club_id, person_id),
  FOREIGN KEY (tenant_id, club_id) REFERENCES clubs (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX club_members_person ON club_members (tenant_id, person_id);

CREATE TABLE club_schedules (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  club_id INTEGER NOT NULL,
  days TEXT NOT NULL,  -- weekday codes, comma-separated: "tuesday,thursday"
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  first_date TEXT NOT NULL,
  last_date TEXT,
  place TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, club_id) REFERENCES clubs (tenant_id, id)
) STRICT;
CREATE INDEX club_schedules_club ON club_schedules (tenant_id, club_id);

-- A session cancelled (no moved_date) or moved to another date and time.
CREATE TABLE club_exceptions (
  tenant_id INTEGER NOT NULL,
  schedule_id INTEGER NOT NULL,
  session_date TEXT NOT NULL,
  moved_date TEXT,
  moved_start_minute INTEGER,
  moved_end_minute INTEGER,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, schedule_id, session_date),
  FOREIGN KEY (tenant_id, schedule_id) REFERENCES club_schedules (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- Attendance at a session, keyed by the date the rule gives it.
CREATE TABLE club_attendance (
  tenant_id INTEGER NOT NULL,
  schedule_id INTEGER NOT NULL,
  session_date TEXT NOT NULL,
  person_id INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('present', 'late', 'absent', 'excused')),
  recorded_by INTEGER,
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, schedule_id, session_date, person_id),
  FOREIGN KEY (tenant_id, schedule_id) REFERENCES club_schedules (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX club_attendance_person ON club_attendance (tenant_id, person_id);
