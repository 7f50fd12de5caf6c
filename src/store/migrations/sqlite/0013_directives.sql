-- Directives to be studied (issue 16, quán triệt): a document of the Party, the State, a superior
-- organization or the organization itself, posted to the people who must study it
-- (core/directive.hpp). organization_id is who posts and follows it up (none: the agency).
-- Dates are ISO text, instants Unix seconds (UTC), booleans 0 or 1.

CREATE TABLE directives (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  organization_id INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('directive', 'resolution', 'plan', 'guidance', 'notice')),
  issuer_level TEXT NOT NULL CHECK (issuer_level IN ('party', 'state', 'superior', 'own')),
  number TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL,
  issued_on TEXT,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  deadline TEXT,
  committee_only INTEGER NOT NULL DEFAULT 0 CHECK (committee_only IN (0, 1)),
  posted_by INTEGER NOT NULL,
  posted_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;
CREATE INDEX directives_organization ON directives (tenant_id, organization_id);

-- Who it was addressed to: organizations (none: every one) and departments (none: every one).
CREATE TABLE directive_targets (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  target TEXT NOT NULL CHECK (target IN ('organization', 'unit')),
  target_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, target, target_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- The check questions and their choices, in order; answer is the right choice's position.
CREATE TABLE directive_questions (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  wording TEXT NOT NULL,
  answer INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, position),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE TABLE directive_choices (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  question INTEGER NOT NULL,
  position INTEGER NOT NULL,
  wording TEXT NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, question, position),
  FOREIGN KEY (tenant_id, directive_id, question)
    REFERENCES directive_questions (tenant_id, directive_id, position)
) STRICT, WITHOUT ROWID;

-- Study sessions: attending one counts as having studied the directive.
CREATE TABLE directive_study_activities (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  activity_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, activity_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- One row per person it was delivered to, written when it is posted.
CREATE TABLE directive_receipts (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  delivered_at INTEGER NOT NULL,
  read_at INTEGER,
  studied_at INTEGER,
  studied_how TEXT CHECK (studied_how IN ('acknowledged', 'answered', 'attended')),
  attempts INTEGER NOT NULL DEFAULT 0,
  reminders INTEGER NOT NULL DEFAULT 0,
  reminded_at INTEGER,
  PRIMARY KEY (tenant_id, directive_id, person_id),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX directive_receipts_person ON directive_receipts (tenant_id, person_id);

-- Its files (the text as PDF or DOCX, pictures), typed by their bytes; content read on download only.
CREATE TABLE directive_attachments (
  tenant_id INTEGER NOT NULL,
  directive_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  uploaded_by INTEGER NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, directive_id, position),
  FOREIGN KEY (tenant_id, directive_id) REFERENCES directives (tenant_id, id)
) STRICT;
