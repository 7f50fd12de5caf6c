#pragma once
// News in several forms (core/news.hpp) as the web service offers them: officers publish, edit,
// pin, withdraw, add photos and hide comments that should not stay; everyone of the agency reads,
// reacts and comments. A post's body is Markdown rendered on the server (io/markdown.hpp), so the
// only HTML a page shows is what the renderer made. Publishing tells the organization's members
// (news_posted: the bell, and the morning's digest by default). Changes are audited.

#include <optional>
#include <string>
#include <vector>

#include "core/news.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct NewsView {
  NewsPost post;
  std::string organization_name;  // empty for the agency's
  std::int64_t reads = 0;
  std::int64_t comments = 0;  // those not hidden
  ReactionCounts reactions{};
  bool read_by_me = false;
  std::optional<Reaction> my_reaction;
  std::optional<VideoLink> video;
  bool pinned = false;
  bool may_edit = false;     // publishes for its organization: edits, pins, moderates
  bool may_comment = false;  // and react
};

struct NewsPage {
  NewsView view;
  std::vector<NewsComment> comments;  // oldest first; hidden ones only for those who may edit
};

struct NewsFeed {
  std::vector<NewsView> pinned;   // on the first page only
  std::vector<NewsView> posts;    // newest first
  std::optional<Id> next_before;  // for the next page, when there may be one
};

struct NewsQuery {
  std::optional<Id> organization_id;  // 0: the agency's own
  std::optional<NewsKind> kind;
  std::optional<Id> before;
  std::size_t limit = 20;  // 1 to 50
};

struct NewsDraft {
  std::optional<Id> organization_id;
  NewsKind kind = NewsKind::article;
  std::string title;
  std::string summary;
  std::string body;  // Markdown
  std::string video_url;
  std::optional<Instant> pinned_until;
  bool comments_open = true;
  bool notify = true;  // tell the audience
};

// Fields left empty are kept.
struct NewsChange {
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::string> body;
  std::optional<std::string> video_url;
  std::optional<std::optional<Instant>> pinned_until;  // a value of nothing unpins
  std::optional<bool> comments_open;
};

Result<NewsView> publish_news(Connection& connection, const Actor& actor, NewsDraft draft);
Result<NewsFeed> news_feed(Connection& connection, const Actor& actor, const NewsQuery& query);
// A withdrawn post only for those who may edit it; anyone else is told there is no such post.
Result<NewsPage> read_news(Connection& connection, const Actor& actor, Id id);
// Published posts by id in the order given, for a bulletin.
Result<std::vector<NewsView>> news_by_ids(Connection& connection, const Actor& actor,
                                          const std::vector<Id>& ids);
Result<NewsView> edit_news(Connection& connection, const Actor& actor, Id id, NewsChange change);
Result<NewsView> withdraw_news(Connection& connection, const Actor& actor, Id id);
// The actor's person opened it (counted once).
Result<NewsView> mark_news_read(Connection& connection, const Actor& actor, Id id);
// Sets or (with nothing) clears the actor's reaction.
Result<NewsView> react_to_news(Connection& connection, const Actor& actor, Id id,
                               std::optional<Reaction> reaction);

Result<NewsComment> comment_on_news(Connection& connection, const Actor& actor, Id id,
                                    std::string_view text);
// Hides a comment with a reason, or shows it again (those who may edit the post).
Result<NewsComment> moderate_comment(Connection& connection, const Actor& actor, Id id, Id comment,
                                     bool hidden, std::string_view reason);
// Its author, or those who may edit the post.
Status delete_comment(Connection& connection, const Actor& actor, Id id, Id comment);

struct PhotoFile {
  NewsPhoto photo;
  std::string content;
};
// A PNG, JPEG or WebP by its bytes, up to kMaxPhotoBytes, at most kMaxNewsPhotos.
Result<NewsView> add_news_photo(Connection& connection, const Actor& actor, Id id,
                                std::string_view file_name, std::string_view caption,
                                const std::string& content);
Result<PhotoFile> news_photo(Connection& connection, const Actor& actor, Id id, int position);
Result<NewsView> remove_news_photo(Connection& connection, const Actor& actor, Id id, int position);

// What a body will look like, before it is published.
std::string preview_news_body(std::string_view markdown);

}  // namespace dk::service
