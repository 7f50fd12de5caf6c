-- Clubs (issue 5): sports and arts clubs of the organizations, their members, their weekly
-- sessions (a rule such as Tuesday and Thursday 17:00–18:30, with cancelled and moved sessions)
-- and who came to each session. Dates are ISO text (yyyy-mm-dd), times minutes of the local day.
CREATE TABLE clubs (
  tenant_id BIGINT NOT NULL REFERENCES agencies (id),
  id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sports', 'arts', 'other')),
  description TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE club_members (
  tenant_id BIGINT NOT NULL,
  club_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  joined_on TEXT NOT NULL,
  left_on TEXT,
  PRIMARY KEY (tenant_id, club_id, person_id),
  FOREIGN KEY (tenant_id, club_id) REFERENCES clubs (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE INDEX club_members_person ON club_members (tenant_id, person_id);

CREATE TABLE club_schedules (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  club_id BIGINT NOT NULL,
  days TEXT NOT NULL,  -- weekday codes, comma-separated: "tuesday,thursday"
  start_minute BIGINT NOT NULL,
  end_minute BIGINT NOT NULL,
  first_date TEXT NOT NULL,
  last_date TEXT,
  place TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, club_id) REFERENCES clubs (tenant_id, id)
);
CREATE INDEX club_schedules_club ON club_schedules (tenant_id, club_id);

-- A session cancelled (no moved_date) or moved to another date and time.
CREATE TABLE club_exceptions (
  tenant_id BIGINT NOT NULL,
  schedule_id BIGINT NOT NULL,
  session_date TEXT NOT NULL,
  moved_date TEXT,
  moved_start_minute BIGINT,
  moved_end_minute BIGINT,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, schedule_id, session_date),
  FOREIGN KEY (tenant_id, schedule_id) REFERENCES club_schedules (tenant_id, id)
);

-- Attendance at a session, keyed by the date the rule gives it.
CREATE TABLE club_attendance (
  tenant_id BIGINT NOT NULL,
  schedule_id BIGINT NOT NULL,
  session_date TEXT NOT NULL,
  person_id BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('present', 'late', 'absent', 'excused')),
  recorded_by BIGINT,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, schedule_id, session_date, person_id),
  FOREIGN KEY (tenant_id, schedule_id) REFERENCES club_schedules (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE INDEX club_attendance_person ON club_attendance (tenant_id, person_id);
