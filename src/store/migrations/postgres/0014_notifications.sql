-- Notifications (issue 16): an event written once, a row per person told of it, the e-mail's
-- state on that row (so that one event is never mailed twice to one person), the daily digests,
-- and each person's choices per kind.

CREATE TABLE notification_events (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('directive_posted', 'directive_reminder',
    'activity_cancelled', 'activity_changed', 'waitlist_promoted', 'pledge_recorded',
    'poll_opened')),
  title_vi TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_vi TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

-- in_app 0: the person turned the bell off for this kind and is told by e-mail only.
-- email_state: none (no e-mail), due (to send at email_next_at), daily (waits for the digest),
-- digest (in the digest of digest_day), sent, failed (given up after the last retry).
CREATE TABLE notifications (
  tenant_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL,
  in_app BIGINT NOT NULL DEFAULT 1,
  read_at BIGINT,
  email_state TEXT NOT NULL DEFAULT 'none'
    CHECK (email_state IN ('none', 'due', 'daily', 'digest', 'sent', 'failed')),
  email_attempts BIGINT NOT NULL DEFAULT 0,
  email_next_at BIGINT,
  email_sent_at BIGINT,
  email_error TEXT,
  digest_day TEXT,
  PRIMARY KEY (tenant_id, person_id, event_id),
  FOREIGN KEY (tenant_id, event_id) REFERENCES notification_events (tenant_id, id)
);
-- The bell's count reads only the unread rows of one person.
CREATE INDEX notifications_unread ON notifications (tenant_id, person_id, event_id)
  WHERE read_at IS NULL AND in_app = 1;
-- The mail sender reads only what is due.
CREATE INDEX notifications_email_due ON notifications (email_next_at)
  WHERE email_state = 'due';
CREATE INDEX notifications_daily ON notifications (tenant_id, person_id)
  WHERE email_state = 'daily';

-- One e-mail per person and day that gathers their notifications of the kinds they chose daily.
CREATE TABLE notification_digests (
  tenant_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  email_state TEXT NOT NULL DEFAULT 'due' CHECK (email_state IN ('due', 'sent', 'failed')),
  email_attempts BIGINT NOT NULL DEFAULT 0,
  email_next_at BIGINT NOT NULL,
  email_sent_at BIGINT,
  email_error TEXT,
  PRIMARY KEY (tenant_id, person_id, day)
);
CREATE INDEX notification_digests_due ON notification_digests (email_next_at)
  WHERE email_state = 'due';

-- Only the choices a person changed; every other kind follows its default.
CREATE TABLE notification_preferences (
  tenant_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  in_app BIGINT NOT NULL,
  email TEXT NOT NULL CHECK (email IN ('off', 'immediate', 'daily')),
  PRIMARY KEY (tenant_id, person_id, kind)
);
