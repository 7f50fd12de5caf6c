-- News in several forms (issue 16, core/news.hpp): posts (article, photo story, video,
-- announcement), their photos, who read them, reactions, comments, and bulletins that gather posts.
--
-- A new kind of notification (news_posted) also comes with it. The kind of a notification event is
-- checked by the code that writes it (core/notification.hpp), not by a CHECK: each issue adds
-- kinds, and SQLite changes a CHECK only by rebuilding the table, here with its child table.
CREATE TABLE notification_events_new (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  title_vi TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_vi TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  link TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;
INSERT INTO notification_events_new (tenant_id, id, kind, title_vi, title_en, body_vi, body_en,
    link, created_at)
  SELECT tenant_id, id, kind, title_vi, title_en, body_vi, body_en, link, created_at
  FROM notification_events;
CREATE TABLE notifications_copy AS SELECT tenant_id, person_id, event_id, in_app, read_at,
  email_state, email_attempts, email_next_at, email_sent_at, email_error, digest_day
  FROM notifications;
DROP TABLE notifications;
DROP TABLE notification_events;
ALTER TABLE notification_events_new RENAME TO notification_events;
CREATE TABLE notifications (
  tenant_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  event_id INTEGER NOT NULL,
  in_app INTEGER NOT NULL DEFAULT 1,
  read_at INTEGER,
  email_state TEXT NOT NULL DEFAULT 'none'
    CHECK (email_state IN ('none', 'due', 'daily', 'digest', 'sent', 'failed')),
  email_attempts INTEGER NOT NULL DEFAULT 0,
  email_next_at INTEGER,
  email_sent_at INTEGER,
  email_error TEXT,
  digest_day TEXT,
  PRIMARY KEY (tenant_id, person_id, event_id),
  FOREIGN KEY (tenant_id, event_id) REFERENCES notification_events (tenant_id, id)
) STRICT, WITHOUT ROWID;
INSERT INTO notifications (tenant_id, person_id, event_id, in_app, read_at, email_state,
    email_attempts, email_next_at, email_sent_at, email_error, digest_day)
  SELECT tenant_id, person_id, event_id, in_app, read_at, email_state, email_attempts,
    email_next_at, email_sent_at, email_error, digest_day
  FROM notifications_copy;
DROP TABLE notifications_copy;
CREATE INDEX notifications_unread ON notifications (tenant_id, person_id, event_id)
  WHERE read_at IS NULL AND in_app = 1;
CREATE INDEX notifications_email_due ON notifications (email_next_at)
  WHERE email_state = 'due';
CREATE INDEX notifications_daily ON notifications (tenant_id, person_id)
  WHERE email_state = 'daily';

-- body is the Markdown as written; body_html what the server rendered from it (io/markdown.hpp),
-- the only HTML a reader's page ever shows.
CREATE TABLE news_posts (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  organization_id INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'album', 'video', 'announcement')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  video_url TEXT NOT NULL DEFAULT '',
  pinned_until INTEGER,
  comments_open INTEGER NOT NULL DEFAULT 1,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;

-- Pictures typed by their bytes (io/attachment_type.hpp); content read only when shown.
CREATE TABLE news_photos (
  tenant_id INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  content BLOB NOT NULL,
  uploaded_by INTEGER NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, post_id, position),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
) STRICT;

-- The first time each person opened a post: the read count is the number of rows.
CREATE TABLE news_reads (
  tenant_id INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, post_id, person_id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE news_reactions (
  tenant_id INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  reaction TEXT NOT NULL CHECK (reaction IN ('like', 'love', 'clap', 'sad')),
  reacted_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, post_id, person_id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- Plain text only. A hidden comment keeps its text for the officers who hid it, and why.
CREATE TABLE news_comments (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  hidden_at INTEGER,
  hidden_by INTEGER,
  hidden_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
) STRICT;
CREATE INDEX news_comments_post ON news_comments (tenant_id, post_id, id);

CREATE TABLE bulletins (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  organization_id INTEGER,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  introduction TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT;

CREATE TABLE bulletin_posts (
  tenant_id INTEGER NOT NULL,
  bulletin_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  post_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, bulletin_id, position),
  FOREIGN KEY (tenant_id, bulletin_id) REFERENCES bulletins (tenant_id, id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
) STRICT, WITHOUT ROWID;
