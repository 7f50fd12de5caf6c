-- News in several forms (issue 16, core/news.hpp): posts (article, photo story, video,
-- announcement), their photos, who read them, reactions, comments, and bulletins that gather posts.
--
-- A new kind of notification (news_posted) also comes with it. The kind of a notification event is
-- checked by the code that writes it (core/notification.hpp), not by a CHECK: each issue adds
-- kinds (SQLite's migration rebuilds the table to drop it).
ALTER TABLE notification_events DROP CONSTRAINT IF EXISTS notification_events_kind_check;

-- body is the Markdown as written; body_html what the server rendered from it (io/markdown.hpp),
-- the only HTML a reader's page ever shows.
CREATE TABLE news_posts (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  organization_id BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'album', 'video', 'announcement')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  video_url TEXT NOT NULL DEFAULT '',
  pinned_until BIGINT,
  comments_open BIGINT NOT NULL DEFAULT 1,
  withdrawn BIGINT NOT NULL DEFAULT 0,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

-- Pictures typed by their bytes (io/attachment_type.hpp); content read only when shown.
CREATE TABLE news_photos (
  tenant_id BIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  content BYTEA NOT NULL,
  uploaded_by BIGINT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, post_id, position),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
);

-- The first time each person opened a post: the read count is the number of rows.
CREATE TABLE news_reads (
  tenant_id BIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  read_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, post_id, person_id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
);

CREATE TABLE news_reactions (
  tenant_id BIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  reaction TEXT NOT NULL CHECK (reaction IN ('like', 'love', 'clap', 'sad')),
  reacted_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, post_id, person_id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
);

-- Plain text only. A hidden comment keeps its text for the officers who hid it, and why.
CREATE TABLE news_comments (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  person_id BIGINT NOT NULL,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  hidden_at BIGINT,
  hidden_by BIGINT,
  hidden_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
);
CREATE INDEX news_comments_post ON news_comments (tenant_id, post_id, id);

CREATE TABLE bulletins (
  tenant_id BIGINT NOT NULL,
  id BIGINT NOT NULL,
  organization_id BIGINT,
  title TEXT NOT NULL,
  number TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  introduction TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
);

CREATE TABLE bulletin_posts (
  tenant_id BIGINT NOT NULL,
  bulletin_id BIGINT NOT NULL,
  position BIGINT NOT NULL,
  post_id BIGINT NOT NULL,
  PRIMARY KEY (tenant_id, bulletin_id, position),
  FOREIGN KEY (tenant_id, bulletin_id) REFERENCES bulletins (tenant_id, id),
  FOREIGN KEY (tenant_id, post_id) REFERENCES news_posts (tenant_id, id)
);
