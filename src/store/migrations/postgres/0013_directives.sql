-- Directives to be studied (issue 16, quán triệt): a document of the Party, the State, a superior
-- organization or the organization itself, posted to the people who must study it
-- (core/directive.hpp). organization_id is who posts and follows it up (none: the agency).
-- Dates are ISO text, instants Unix seconds (UTC), booleans 0 or 1.

CREATE TABLE directives (
  tenant_id BIGINT NOT NULL REFERENCES agencies (id),
  id BIGINT NOT NULL,
  organization_id BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('directive', 'resolution', 'plan', 'guidance', 'notice')),
  issuer_level TEXT NOT NULL CHECK (issuer_level IN ('party', 'state', 'superior', 'own')),
  number TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL,
  issued_on TEXT,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  committee_only SMALLINT NOT NULL DEFAULT 0 CHECK (committee_only IN (0, 1)),
  posted_by BIGINT NOT NULL,
  posted_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);
CREATE INDEX directives_organization ON directives (tenant_id, organization_id);

-- Who it was addressed to: organizations (none: every one) and departments (none: every one).
CREATE TABLE directive_targets (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('organization', 'unit')),
  target_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, target, target_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
);

-- The check questions and their choices, in order; answer is the right choice's position.
CREATE TABLE directive_questions (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  wording TEXT NOT NULL,
  answer BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, position),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
);
CREATE TABLE directive_choices (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  question BIGINT NOT NULL,
  position BIGINT NOT NULL,
  wording TEXT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, question, position),
  FOREIGN KEY (tenant_id, directive_id, question)
    REFERENCES directive_questions (tenant_id, directive_id, position)
);

-- Study sessions: attending one counts as having studied the directive.
CREATE TABLE directive_study_activities (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  activity_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, activity_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
);

-- One row per person it was delivered to, written when it is posted.
CREATE TABLE directive_receipts (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  delivered_at BIGINT NOT NULL,
  read_at BIGINT,
  studied_at BIGINT,
  studied_how TEXT CHECK (studied_how IN ('acknowledged', 'answered', 'attended')),
  attempts BIGINT NOT NULL DEFAULT 0,
  reminders BIGINT NOT NULL DEFAULT 0,
  reminded_at BIGINT,
  PRIMARY KEY (tenant_id, directive_id, person_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);
CREATE INDEX directive_receipts_person ON directive_receipts (tenant_id, person_id);

-- Its files (the text as PDF or DOCX, pictures), typed by their bytes; content read on download only.
CREATE TABLE directive_attachments (
  tenant_id BIGINT NOT NULL,
  directive_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by BIGINT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, position),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
);
