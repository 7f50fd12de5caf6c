-- Polls and surveys (issue 16, core/poll.hpp). Who voted (poll_voters: one row per person, no
-- time) is kept apart from what was answered (poll_ballots, poll_answers): an anonymous poll's
-- ballots carry neither the person nor the time, and their ids are random, so nothing joins a
-- ballot to its voter. A named poll's ballot carries both.

CREATE TABLE polls (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  organization_id BIGINT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  anonymous BIGINT NOT NULL,
  results_shown TEXT NOT NULL CHECK (results_shown IN ('after_vote', 'after_close')),
  opens_at BIGINT NOT NULL,
  closes_at BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE poll_questions (
  tenant_id BIGINT NOT NULL,
  poll_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'text')),
  max_choices BIGINT NOT NULL DEFAULT 0,
  required BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, poll_id, position),
  FOREIGN KEY (tenant_id, poll_id) REFERENCES polls (tenant_id, id)
);

CREATE TABLE poll_options (
  tenant_id BIGINT NOT NULL,
  poll_id BIGINT NOT NULL,
  question BIGINT NOT NULL,
  position BIGINT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (tenant_id, poll_id, question, position),
  FOREIGN KEY (tenant_id, poll_id, question) REFERENCES poll_questions (tenant_id, poll_id, position)
);

-- One row per person who voted: the key is what makes a second vote impossible.
CREATE TABLE poll_voters (
  tenant_id BIGINT NOT NULL,
  poll_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, poll_id, person_id),
  FOREIGN KEY (tenant_id, poll_id) REFERENCES polls (tenant_id, id)
);
CREATE INDEX poll_voters_person ON poll_voters (tenant_id, person_id);

CREATE TABLE poll_ballots (
  tenant_id BIGINT NOT NULL,
  poll_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  person_id BIGINT,  -- named polls only
  cast_at BIGINT,    -- named polls only
  PRIMARY KEY (tenant_id, poll_id, id),
  FOREIGN KEY (tenant_id, poll_id) REFERENCES polls (tenant_id, id)
);

-- An answer: one row per chosen option, or one row (choice -1) with a free answer's text.
CREATE TABLE poll_answers (
  tenant_id BIGINT NOT NULL,
  poll_id BIGINT NOT NULL,
  ballot_id BIGINT NOT NULL,
  question BIGINT NOT NULL,
  choice BIGINT NOT NULL,
  text TEXT,
  PRIMARY KEY (tenant_id, poll_id, ballot_id, question, choice),
  FOREIGN KEY (tenant_id, poll_id, ballot_id) REFERENCES poll_ballots (tenant_id, poll_id, id)
);
CREATE INDEX poll_answers_tally ON poll_answers (tenant_id, poll_id, question, choice);
