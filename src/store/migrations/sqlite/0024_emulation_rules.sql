-- An agency's own versions of the emulation title rules (issue 18, core/emulation_rules.hpp),
-- added by its administrators beside those shipped with the product: a new version of a shipped
-- title from a later day (a decree changed, the organization chose another quota), or a title of
-- its own ("Đoàn viên công đoàn xuất sắc" for trade unions). A version is never edited: a changed
-- rule is a newer version, so an award stays explained by the version that decided it.
CREATE TABLE emulation_rule_versions (
  tenant_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('person', 'collective')),
  organization_kind TEXT,  -- the kind of organization that awards it; every kind when null
  citation_vi TEXT NOT NULL,
  citation_en TEXT NOT NULL,
  quota_of_title TEXT,  -- with quota_percent: at most that share of those proposed for it
  quota_percent INTEGER CHECK (quota_percent BETWEEN 0 AND 100),
  quota_own_choice INTEGER NOT NULL DEFAULT 0 CHECK (quota_own_choice IN (0, 1)),
  added_by INTEGER NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, title, effective_from)
) STRICT, WITHOUT ROWID;

-- A version's criteria, in the order the rule lists them.
CREATE TABLE emulation_rule_criteria (
  tenant_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  number INTEGER NOT NULL DEFAULT 0,
  rating TEXT NOT NULL,
  discipline TEXT NOT NULL,
  named_title TEXT NOT NULL DEFAULT '',
  own_choice INTEGER NOT NULL DEFAULT 0 CHECK (own_choice IN (0, 1)),
  PRIMARY KEY (tenant_id, title, effective_from, position),
  FOREIGN KEY (tenant_id, title, effective_from)
    REFERENCES emulation_rule_versions (tenant_id, title, effective_from)
) STRICT, WITHOUT ROWID;
