-- Results reported from below (issue 17, core/contest_report.hpp, io/contest_results_file.hpp):
-- an organization below that runs a contest launched from above as its own copy sends each
-- round's entries and its participation back up; the newest file from each sender (its copy's
-- key) replaces the one before.
CREATE TABLE contest_reports (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  sender_key TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  -- the sender's audience, each person once, and its entrants: what the superior adds up (the
  -- groups below overlap, a person being in several organizations)
  people BIGINT NOT NULL CHECK (people >= 0),
  entrants BIGINT NOT NULL CHECK (entrants BETWEEN 0 AND people),
  imported_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, contest_id, id),
  UNIQUE (tenant_id, contest_id, sender_key),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
);

CREATE TABLE contest_report_groups (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  report_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  people BIGINT NOT NULL CHECK (people >= 0),
  entrants BIGINT NOT NULL CHECK (entrants BETWEEN 0 AND people),
  PRIMARY KEY (tenant_id, contest_id, report_id, position),
  FOREIGN KEY (tenant_id, contest_id, report_id) REFERENCES contest_reports (tenant_id, contest_id, id)
);

-- id: below zero, so that beside contest_entries' person ids it orders and names one leaderboard.
CREATE TABLE contest_report_entries (
  tenant_id BIGINT NOT NULL,
  round_id BIGINT NOT NULL,
  id BIGINT NOT NULL CHECK (id < 0),
  report_id BIGINT NOT NULL,
  full_name TEXT NOT NULL,
  unit_name TEXT NOT NULL,
  organization TEXT NOT NULL,
  score BIGINT NOT NULL,
  prediction BIGINT,
  taken_seconds BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, round_id, id)
);
CREATE INDEX contest_report_entries_by_report ON contest_report_entries (tenant_id, report_id);
