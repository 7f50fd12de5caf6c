-- The emulation year of an organization (issue 18, core/emulation_evaluation.hpp): who registered
-- for which title, each member's self-rating and the committee's review, each department's
-- review, the council's secret ballot as counts, the proposal the rules made, and the decision
-- with its awards. A year moves open → proposed → decided; a proposal sent back reopens it.
CREATE TABLE emulation_years (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('open', 'proposed', 'decided')),
  council_members BIGINT NOT NULL DEFAULT 0 CHECK (council_members >= 0),
  rules_day TEXT,  -- the day whose rules made the proposal
  proposed_at BIGINT,
  reopened_reason TEXT NOT NULL DEFAULT '',
  decision_number TEXT NOT NULL DEFAULT '',
  decision_signed_on TEXT,
  decision_signer TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  PRIMARY KEY (tenant_id, organization_id, year),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

-- A member's year: their own rating first, then the committee's (rating, the facts it checked);
-- a file returned to the member carries the reason and waits for a new self-rating.
CREATE TABLE emulation_people (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  self_rating TEXT,
  self_note TEXT NOT NULL DEFAULT '',
  self_rated_at BIGINT,
  rating TEXT,
  absence_days BIGINT NOT NULL DEFAULT 0 CHECK (absence_days >= 0),
  discipline TEXT NOT NULL DEFAULT 'none',
  initiative SMALLINT NOT NULL DEFAULT 0 CHECK (initiative IN (0, 1)),
  initiative_note TEXT NOT NULL DEFAULT '',
  reviewed_by BIGINT,
  reviewed_at BIGINT,
  returned_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, organization_id, year, person_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
);

-- A department's year as a collective: the committee's rating of it.
CREATE TABLE emulation_units (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  unit_id BIGINT NOT NULL,
  rating TEXT,
  reviewed_by BIGINT,
  reviewed_at BIGINT,
  PRIMARY KEY (tenant_id, organization_id, year, unit_id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
);

-- Titles registered at the start of the year (đăng ký thi đua), by a person or a department.
CREATE TABLE emulation_registrations (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
  subject_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  registered_by BIGINT NOT NULL,
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, organization_id, year, subject, subject_id, title)
);

-- The council's secret ballot, as counts: yes votes of the year's council_members.
CREATE TABLE emulation_votes (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
  subject_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  yes BIGINT NOT NULL CHECK (yes >= 0),
  PRIMARY KEY (tenant_id, organization_id, year, subject, subject_id, title)
);

-- What the proposal said of each title for each subject, kept as the council saw it: the
-- explanations in both languages, one per line.
CREATE TABLE emulation_outcomes (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  title TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
  subject_id BIGINT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('proposed', 'not_eligible', 'over_quota')),
  rule_from TEXT NOT NULL,
  reasons_vi TEXT NOT NULL DEFAULT '',
  reasons_en TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, organization_id, year, title, subject, subject_id)
);

-- Titles decided, with the rule version that decided them and the bonus paid: each person's
-- history, which the consecutive-years rules read.
CREATE TABLE emulation_awards (
  tenant_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  year BIGINT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
  subject_id BIGINT NOT NULL,
  title TEXT NOT NULL,
  rule_from TEXT NOT NULL,
  decision_number TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  bonus BIGINT CHECK (bonus >= 0),
  PRIMARY KEY (tenant_id, organization_id, year, subject, subject_id, title)
);
CREATE INDEX emulation_awards_subject ON emulation_awards (tenant_id, subject, subject_id, year);
