-- Sign-in throttling by login and address together (issue 14; core/sign_in_throttle.hpp): failures
-- are also counted by the pair, and the places an account signed in from are remembered, so that
-- failures made elsewhere do not lock its owner out.
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_scope_check;
ALTER TABLE sign_in_failures ADD CONSTRAINT sign_in_failures_scope_check
  CHECK (scope IN ('login', 'address', 'pair'));

-- A login names one account across the database; an address is where a sign-in came from.
CREATE TABLE known_sign_ins (
  login TEXT NOT NULL,
  address TEXT NOT NULL,
  last_at BIGINT NOT NULL,
  PRIMARY KEY (login, address)
);
