-- The registry: agencies (tenants), units, organizations, people, memberships, committee roles,
-- partner units. Every key is led by tenant_id so that the same logical schema can be
-- distributed by tenant on PostgreSQL. Dates are ISO 8601 text (yyyy-mm-dd); sort keys are ICU
-- `vi` collation keys compared as bytes.

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  province TEXT NOT NULL DEFAULT ''
) STRICT;

-- Ids are handed out per tenant and per table in blocks, so that a bulk import reserves a
-- million ids in one statement on either engine.
CREATE TABLE id_counters (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  name TEXT NOT NULL,
  next_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE units (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  sort_key BLOB NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX units_name ON units (tenant_id, name_key);
CREATE UNIQUE INDEX units_code ON units (tenant_id, code) WHERE code <> '';

CREATE TABLE organizations (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('trade-union', 'youth-union', 'lawyers-association',
                                     'womens-union', 'veterans-association', 'other')),
  superior_tenant_id INTEGER,
  superior_id INTEGER,
  external INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)),
  sort_key BLOB NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (superior_tenant_id, superior_id) REFERENCES organizations (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX organizations_code ON organizations (tenant_id, code);

CREATE TABLE persons (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  search_key TEXT NOT NULL,
  sort_key BLOB NOT NULL,
  gender TEXT CHECK (gender IN ('male', 'female', 'other')),
  birth_date TEXT,
  id_number TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  unit_id INTEGER,
  position TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES units (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX persons_id_number ON persons (tenant_id, id_number) WHERE id_number <> '';
-- name_key is the name in lower case with its tones: people match on it and the birth date.
CREATE INDEX persons_name_birth ON persons (tenant_id, name_key, birth_date);
CREATE INDEX persons_sort ON persons (tenant_id, sort_key, id);
CREATE INDEX persons_unit ON persons (tenant_id, unit_id);

CREATE TABLE memberships (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  joined_on TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'left')),
  card_number TEXT NOT NULL DEFAULT '',
  left_on TEXT,
  leave_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;
-- One current membership per person and organization; past ones stay as history.
CREATE UNIQUE INDEX memberships_current ON memberships (tenant_id, organization_id, person_id)
  WHERE status <> 'left';
CREATE INDEX memberships_person ON memberships (tenant_id, person_id);

CREATE TABLE committee_roles (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('chair', 'vice-chair', 'secretary', 'member')),
  term TEXT NOT NULL DEFAULT '',
  term_start TEXT,
  term_end TEXT,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT;
CREATE INDEX committee_roles_organization ON committee_roles (tenant_id, organization_id);
CREATE INDEX committee_roles_person ON committee_roles (tenant_id, person_id);

CREATE TABLE partner_units (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  sort_key BLOB NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
