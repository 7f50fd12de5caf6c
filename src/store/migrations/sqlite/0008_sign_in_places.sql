-- Sign-in throttling by login and address together (issue 14; core/sign_in_throttle.hpp): failures
-- are also counted by the pair, and the places an account signed in from are remembered, so that
-- failures made elsewhere do not lock its owner out. SQLite changes a CHECK only by rebuilding
-- the table; it holds at most a day of failures.
CREATE TABLE sign_in_failures_new (
  scope TEXT NOT NULL CHECK (scope IN ('login', 'address', 'pair')),
  subject TEXT NOT NULL,
  failed_at INTEGER NOT NULL
) STRICT;
INSERT INTO sign_in_failures_new (scope, subject, failed_at)
  SELECT scope, subject, failed_at FROM sign_in_failures;
DROP TABLE sign_in_failures;
ALTER TABLE sign_in_failures_new RENAME TO sign_in_failures;
CREATE INDEX sign_in_failures_subject ON sign_in_failures (scope, subject, failed_at);

-- A login names one account across the database; an address is where a sign-in came from.
CREATE TABLE known_sign_ins (
  login TEXT NOT NULL,
  address TEXT NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (login, address)
) STRICT, WITHOUT ROWID;
