-- Contest rounds and attempts (issue 17, core/contest_round.hpp, core/contest_attempt.hpp).
--
-- Who may enter a contest: everyone of the agency, the members of some organizations (and of those
-- below them in the agency's tree), or the staff of some departments.
ALTER TABLE contests ADD COLUMN audience_scope TEXT NOT NULL DEFAULT 'everyone';
CREATE TABLE contest_audience (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  target_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, contest_id, target_id),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
);

CREATE TABLE contest_rounds (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  time_limit_seconds BIGINT NOT NULL,
  attempts_allowed BIGINT NOT NULL,
  counted TEXT NOT NULL CHECK (counted IN ('best', 'last')),
  shuffle_options BIGINT NOT NULL,
  results_shown TEXT NOT NULL CHECK (results_shown IN ('at_once', 'at_close')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
);
CREATE INDEX contest_rounds_by_contest ON contest_rounds (tenant_id, contest_id);

CREATE TABLE contest_round_quotas (
  tenant_id BIGINT NOT NULL,
  round_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  topic TEXT NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, round_id, position),
  FOREIGN KEY (tenant_id, round_id) REFERENCES contest_rounds (tenant_id, id)
);

-- draw: the questions in the order shown, each with its options' order ("12:2,0,1;40:;7:1,0").
-- finished_at: submitted (submitted = 1) or closed at its deadline by the server (submitted = 0);
-- the marks are set then. A person has at most one unfinished attempt in a round, and their
-- attempts are numbered so that two starting at once cannot both be the n-th.
CREATE TABLE contest_attempts (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  round_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  number BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  deadline BIGINT NOT NULL,
  draw TEXT NOT NULL,
  prediction BIGINT,
  finished_at BIGINT,
  submitted BIGINT NOT NULL DEFAULT 0,
  score BIGINT NOT NULL DEFAULT 0,
  answered BIGINT NOT NULL DEFAULT 0,
  taken_seconds BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, round_id, person_id, number),
  FOREIGN KEY (tenant_id, round_id) REFERENCES contest_rounds (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE UNIQUE INDEX contest_attempts_one_open ON contest_attempts (tenant_id, round_id, person_id)
  WHERE finished_at IS NULL;
CREATE INDEX contest_attempts_unfinished ON contest_attempts (tenant_id, round_id, deadline)
  WHERE finished_at IS NULL;

-- An answer as last saved, in time (a save after the deadline is refused, not stored); choices are
-- places in the question's own order ("0,2"), number as typed.
CREATE TABLE contest_answers (
  tenant_id BIGINT NOT NULL,
  attempt_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  choices TEXT NOT NULL DEFAULT '',
  number TEXT NOT NULL DEFAULT '',
  saved_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, attempt_id, position),
  FOREIGN KEY (tenant_id, attempt_id) REFERENCES contest_attempts (tenant_id, id)
);

-- Each entrant's counted attempt in a round (the best or the last, as the round says), kept as
-- attempts finish, so that a leaderboard of a million attempts reads one row per person.
CREATE TABLE contest_entries (
  tenant_id BIGINT NOT NULL,
  round_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  attempt_id BIGINT NOT NULL,
  score BIGINT NOT NULL,
  prediction BIGINT,
  taken_seconds BIGINT NOT NULL,
  finished_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, round_id, person_id),
  FOREIGN KEY (tenant_id, attempt_id) REFERENCES contest_attempts (tenant_id, id)
);
CREATE INDEX contest_entries_by_score ON contest_entries (tenant_id, round_id, score);

-- The last reminder to enter the contest each person got (notification contest_reminder), so that
-- nobody is reminded twice within a day.
CREATE TABLE contest_reminders (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  reminded_at BIGINT NOT NULL,
  reminders BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, contest_id, person_id),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
);
