-- Online contests (issue 17, core/contest.hpp): a contest and its question bank, each question's
-- options in their own rows. Rounds, draws and attempts come with their use cases.
CREATE TABLE contests (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  organization_id BIGINT,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  prediction_question TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

-- correct: the right options' places, ascending, comma-separated ("0,2"); numeric_answer: a
-- number question's answer as written. Never sent to an entrant's browser before they submit.
CREATE TABLE contest_questions (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  topic TEXT NOT NULL,
  difficulty BIGINT NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'true_false', 'numeric')),
  text TEXT NOT NULL,
  correct TEXT NOT NULL DEFAULT '',
  numeric_answer TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, contest_id, id),
  FOREIGN KEY (tenant_id, contest_id) REFERENCES contests (tenant_id, id)
);

CREATE TABLE contest_question_options (
  tenant_id BIGINT NOT NULL,
  contest_id BIGINT NOT NULL,
  question_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  label TEXT NOT NULL,
  PRIMARY KEY (tenant_id, contest_id, question_id, position),
  FOREIGN KEY (tenant_id, contest_id, question_id)
    REFERENCES contest_questions (tenant_id, contest_id, id)
);
