-- Activities (issue 5): each organization's plan for a year with its targets and programmes;
-- activities, organized by one or several organizations (a joint activity), with partner units
-- and an audience; registrations with a waitlist; attendance; feedback; and the answers to
-- retried requests (Idempotency-Key). Instants are Unix seconds (UTC), booleans 0 or 1.

CREATE TABLE plans (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  -- Targets: the share of members who should take part at least once (percent) and how many
  -- members the plan should reach; how many activities of each kind is in plan_targets.
  participation_target INTEGER,
  reach_target INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX plans_year ON plans (tenant_id, organization_id, year);

-- How many activities of a kind the plan means to hold.
CREATE TABLE plan_targets (
  tenant_id INTEGER NOT NULL,
  plan_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  activities INTEGER NOT NULL CHECK (activities >= 0),
  PRIMARY KEY (tenant_id, plan_id, kind),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- A programme of a plan: a thread of activities ("Tháng Thanh niên", "Chào mừng 26/3").
CREATE TABLE programmes (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  plan_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id)
) STRICT;
CREATE INDEX programmes_plan ON programmes (tenant_id, plan_id);

CREATE TABLE activities (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  plan_id INTEGER,
  programme_id INTEGER,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  place_key TEXT NOT NULL DEFAULT '',
  audience_scope TEXT NOT NULL DEFAULT 'everyone',
  capacity INTEGER,
  registration_opens_at INTEGER,
  registration_closes_at INTEGER,
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'draft',
  -- Places taken, kept with the activity so that a registration takes one by a single guarded
  -- UPDATE (… WHERE registered < capacity): no oversell, whatever the concurrency.
  registered INTEGER NOT NULL DEFAULT 0,
  -- The secret behind the activity's rotating check-in code.
  check_in_secret TEXT NOT NULL,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES plans (tenant_id, id),
  FOREIGN KEY (tenant_id, programme_id) REFERENCES programmes (tenant_id, id)
) STRICT;
CREATE INDEX activities_time ON activities (tenant_id, starts_at);
CREATE INDEX activities_plan ON activities (tenant_id, plan_id);

CREATE TABLE activity_organizers (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  position INTEGER NOT NULL,  -- 0 leads
  PRIMARY KEY (tenant_id, activity_id, organization_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX activity_organizers_organization ON activity_organizers (tenant_id, organization_id);

CREATE TABLE activity_partners (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  partner_unit_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, partner_unit_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, partner_unit_id) REFERENCES partner_units (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- The organizations or units an activity is for (none when it is for everyone).
CREATE TABLE activity_audience (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  target_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, target_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE registrations (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('registered', 'waitlisted', 'cancelled')),
  -- Order in the queue: by registered_at, then id (a registration renewed after a cancellation
  -- goes to the back).
  registered_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  registered_by INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX registrations_person ON registrations (tenant_id, activity_id, person_id);
CREATE INDEX registrations_queue ON registrations (tenant_id, activity_id, state, registered_at, id);
CREATE INDEX registrations_of_person ON registrations (tenant_id, person_id);

CREATE TABLE attendance (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('present', 'late', 'absent', 'excused')),
  checked_in_at INTEGER,
  method TEXT NOT NULL CHECK (method IN ('activity_code', 'person_code', 'by_hand')),
  recorded_by INTEGER,
  PRIMARY KEY (tenant_id, activity_id, person_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_of_person ON attendance (tenant_id, person_id);

CREATE TABLE feedback (
  tenant_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  given_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, person_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- The first answer to a request that carried an Idempotency-Key, per account: a retry gets it
-- again instead of acting twice; the same key with another request is refused.
CREATE TABLE idempotency_keys (
  tenant_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, account_id, idempotency_key)
) STRICT, WITHOUT ROWID;

-- The agency's secret behind its people's personal check-in codes (a QR code on the member's
-- phone that an officer scans); created on first use.
CREATE TABLE check_in_keys (
  tenant_id INTEGER PRIMARY KEY REFERENCES agencies (id),
  secret TEXT NOT NULL
) STRICT;
