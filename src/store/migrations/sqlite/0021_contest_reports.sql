-- Results reported from below (issue 17, core/contest_report.hpp, io/contest_results_file.hpp):
-- an organization below that runs a contest launched from above as its own copy sends each
-- round's entries and its participation back up; the newest file from each sender (its copy's
-- key) replaces the one before.
CREATE TABLE contest_reports (
  tenant_id INTEGER NOT NULL,
  contest_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  sender_key TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  -- the sender's audience, each person once, and its entrants: what the superior adds up (the
  -- groups below overlap, a person being in several organizations)
  people INTEGER NOT NULL CHECK (people >= 0),
  entrants INTEGER NOT NULL CHECK (entrants BETWEEN 0 AND people),
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, contest_id, id),
  UNIQUE (tenant_id, contest_id, sender_key),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
) STRICT;

CREATE TABLE contest_report_groups (
  tenant_id INTEGER NOT NULL,
  contest_id INTEGER NOT NULL,
  report_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  people INTEGER NOT NULL CHECK (people >= 0),
  entrants INTEGER NOT NULL CHECK (entrants BETWEEN 0 AND people),
  PRIMARY KEY (tenant_id, contest_id, report_id, position),
  FOREIGN KEY (tenant_id, contest_id, report_id) REFERENCES contest_reports (tenant_id, contest_id, id)
) STRICT;

-- id: below zero, so that beside contest_entries' person ids it orders and names one leaderboard.
CREATE TABLE contest_report_entries (
  tenant_id INTEGER NOT NULL,
  round_id INTEGER NOT NULL,
  id INTEGER NOT NULL CHECK (id < 0),
  report_id INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  organization TEXT NOT NULL,
  score INTEGER NOT NULL,
  prediction INTEGER,
  taken_seconds INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, round_id, id)
) STRICT;
CREATE INDEX contest_report_entries_by_report ON contest_report_entries (tenant_id, report_id);
