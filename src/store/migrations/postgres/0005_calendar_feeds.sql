-- Calendar feeds (issue 5): a secret link per person or organization that calendar apps
-- subscribe to. Only the token's hash is kept, so a copy of the database opens no feed; a revoked
-- feed answers 404 from then on.
CREATE TABLE calendar_feeds (
  tenant_id BIGINT NOT NULL REFERENCES agencies (id),
  id BIGINT NOT NULL,
  token_hash TEXT NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('person', 'organization')),
  owner_id BIGINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds (token_hash);
CREATE INDEX calendar_feeds_creator ON calendar_feeds (tenant_id, created_by);
