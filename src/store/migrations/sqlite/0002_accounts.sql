-- Accounts, sessions, sign-in throttling and the audit log (issue 3). An account belongs to a
-- person of the agency; what it may do follows from explicit grants (administrator, leadership)
-- and from the person's own records (committee seats make an officer, memberships a member).
-- Instants are Unix seconds (UTC) as integers on both engines.

CREATE TABLE accounts (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  login TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT;
-- A login names one account across the whole database: sign-in does not ask for the agency.
CREATE UNIQUE INDEX accounts_login ON accounts (login);
CREATE UNIQUE INDEX accounts_person ON accounts (tenant_id, person_id);

CREATE TABLE account_grants (
  tenant_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  grant_kind TEXT NOT NULL CHECK (grant_kind IN ('administrator', 'leadership')),
  PRIMARY KEY (tenant_id, account_id, grant_kind),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- The token itself is never stored, only its hash, so that a copy of the database opens no
-- session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  tenant_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_account ON sessions (tenant_id, account_id);

-- One row per failed sign-in, by login and by address, kept for the throttle's window.
CREATE TABLE sign_in_failures (
  scope TEXT NOT NULL CHECK (scope IN ('login', 'address')),
  subject TEXT NOT NULL,
  failed_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_subject ON sign_in_failures (scope, subject, failed_at);

-- Append-only: triggers refuse to change or remove what is written.
CREATE TABLE audit_log (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  account_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  detail TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id)
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
