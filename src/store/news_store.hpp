#pragma once
// News posts, their photos, reads, reactions and comments (core/news.hpp). Comments are in
// news_store_comments.cpp.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/news.hpp"
#include "store/sql.hpp"

namespace dk::store {

// A post with what its list and page show, counted from the rows that make them: reads, visible
// comments, reactions by kind; and the reader's own reading and reaction.
struct NewsSummary {
  NewsPost post;  // with its photos' descriptions (not their bytes)
  std::string organization_name;
  std::int64_t reads = 0;
  std::int64_t comments = 0;  // not hidden
  ReactionCounts reactions{};
  bool read_by_me = false;
  std::optional<Reaction> my_reaction;
};

struct NewsFilter {
  std::optional<Id> organization_id;  // the agency's own when set to 0
  std::optional<NewsKind> kind;
  std::optional<Id> before;  // ids below this only (the next page)
  std::size_t limit = 20;
  bool withdrawn = false;  // include withdrawn posts (the service keeps those the reader runs)
};

class NewsStore {
 public:
  explicit NewsStore(SqlConnection& connection) : connection_(connection) {}

  Result<NewsPost> create(NewsPost post);
  // Writes the editable fields: title, summary, body and its HTML, video, pin, comments, withdrawn.
  Status update(const NewsPost& post);
  Result<std::optional<NewsSummary>> find(Id tenant, Id id, Id reader);
  // Newest first; with `pinned_now`, only the posts pinned at that instant, otherwise only those
  // that are not.
  Result<std::vector<NewsSummary>> list(Id tenant, Id reader, const NewsFilter& filter,
                                        std::optional<Instant> pinned_now, Instant now);
  // Several posts by id, in the order given (those that exist).
  Result<std::vector<NewsSummary>> posts(Id tenant, const std::vector<Id>& ids);

  Result<NewsPhoto> add_photo(Id tenant, Id post, NewsPhoto photo, const std::string& content);
  Result<std::optional<std::pair<NewsPhoto, std::string>>> photo(Id tenant, Id post, int position);
  Result<bool> remove_photo(Id tenant, Id post, int position);

  // The first reading only; true when this was it.
  Result<bool> mark_read(Id tenant, Id post, Id person, Instant at);
  Status set_reaction(Id tenant, Id post, Id person, Reaction reaction, Instant at);
  Status clear_reaction(Id tenant, Id post, Id person);

  // Comments, oldest first, with their authors' names; hidden ones only when asked for.
  Result<std::vector<NewsComment>> comments(Id tenant, Id post, bool with_hidden);
  Result<NewsComment> add_comment(Id tenant, NewsComment comment);
  Result<std::optional<NewsComment>> comment(Id tenant, Id id);
  // Hides (with `by`, the reason and the time) or shows again (`at` empty).
  Status set_comment_hidden(Id tenant, Id id, std::optional<Instant> at, Id by,
                            const std::string& reason);
  Status delete_comment(Id tenant, Id id);

 private:
  Result<std::vector<NewsSummary>> read(std::string_view where, std::vector<SqlValue> params,
                                        std::string_view order_and_limit);
  Status read_photos(std::vector<NewsSummary>& summaries, Id tenant);
  SqlConnection& connection_;
};

}  // namespace dk::store
