#include "store/news_store.hpp"

#include <fmt/format.h>

#include <map>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

// $1 the tenant, $2 the reader (0 for nobody).
constexpr std::string_view kPostColumns =
    "p.id, p.tenant_id, p.organization_id, p.kind, p.title, p.summary, p.body, p.body_html, "
    "p.video_url, p.pinned_until, p.comments_open, p.withdrawn, p.created_by, p.created_at, "
    "p.updated_at, COALESCE(o.name, ''), "
    "(SELECT count(*) FROM news_reads x WHERE x.tenant_id = p.tenant_id AND x.post_id = p.id), "
    "(SELECT count(*) FROM news_comments c WHERE c.tenant_id = p.tenant_id AND c.post_id = p.id "
    "AND c.hidden_at IS NULL), "
    "(SELECT count(*) FROM news_reactions r WHERE r.tenant_id = p.tenant_id AND r.post_id = p.id "
    "AND r.reaction = 'like'), "
    "(SELECT count(*) FROM news_reactions r WHERE r.tenant_id = p.tenant_id AND r.post_id = p.id "
    "AND r.reaction = 'love'), "
    "(SELECT count(*) FROM news_reactions r WHERE r.tenant_id = p.tenant_id AND r.post_id = p.id "
    "AND r.reaction = 'clap'), "
    "(SELECT count(*) FROM news_reactions r WHERE r.tenant_id = p.tenant_id AND r.post_id = p.id "
    "AND r.reaction = 'sad'), "
    "CASE WHEN EXISTS (SELECT 1 FROM news_reads x WHERE x.tenant_id = p.tenant_id AND x.post_id = "
    "p.id AND x.person_id = $2) THEN 1 ELSE 0 END, "
    "(SELECT r.reaction FROM news_reactions r WHERE r.tenant_id = p.tenant_id AND r.post_id = p.id "
    "AND r.person_id = $2)";

NewsSummary summary_at(const SqlRow& row) {
  NewsSummary summary;
  NewsPost& post = summary.post;
  post.id = row.integer(0);
  post.tenant_id = row.integer(1);
  post.organization_id = optional_integer(row, 2);
  post.kind = parse_code<NewsKind>(row.text(3)).value_or(NewsKind::article);
  post.title = row.text(4);
  post.summary = row.text(5);
  post.body = row.text(6);
  post.body_html = row.text(7);
  post.video_url = row.text(8);
  post.pinned_until = optional_instant(row, 9);
  post.comments_open = row.integer(10) != 0;
  post.withdrawn = row.integer(11) != 0;
  post.created_by = row.integer(12);
  post.created_at = instant_of(row.integer(13));
  post.updated_at = instant_of(row.integer(14));
  summary.organization_name = row.text(15);
  summary.reads = row.integer(16);
  summary.comments = row.integer(17);
  for (std::size_t i = 0; i < kReactionKinds; ++i)
    summary.reactions[i] = row.integer(18 + static_cast<int>(i));
  summary.read_by_me = row.integer(22) != 0;
  if (!row.is_null(23)) summary.my_reaction = parse_code<Reaction>(row.text(23));
  return summary;
}

NewsPhoto photo_at(const SqlRow& row) {
  return NewsPhoto{static_cast<int>(row.integer(0)),
                   row.text(1),
                   row.text(2),
                   row.text(3),
                   row.integer(4),
                   row.integer(5),
                   instant_of(row.integer(6))};
}

constexpr std::string_view kPhotoColumns =
    "position, caption, file_name, content_type, size, uploaded_by, uploaded_at";

std::int64_t flag(bool value) {
  return value ? 1 : 0;
}

}  // namespace

Result<NewsPost> NewsStore::create(NewsPost post) {
  post.id = TRY(reserve_ids(connection_, post.tenant_id, "news_posts", 1));
  const SqlValue row[] = {post.tenant_id,
                          post.id,
                          nullable(post.organization_id),
                          std::string(code_of(post.kind)),
                          post.title,
                          post.summary,
                          post.body,
                          post.body_html,
                          post.video_url,
                          nullable_instant(post.pinned_until),
                          flag(post.comments_open),
                          flag(post.withdrawn),
                          post.created_by,
                          seconds_of(post.created_at),
                          seconds_of(post.updated_at)};
  TRY(connection_.execute(
      "INSERT INTO news_posts (tenant_id, id, organization_id, kind, title, summary, body, "
      "body_html, video_url, pinned_until, comments_open, withdrawn, created_by, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
      row));
  return post;
}

Status NewsStore::update(const NewsPost& post) {
  const SqlValue row[] = {post.tenant_id,
                          post.id,
                          post.title,
                          post.summary,
                          post.body,
                          post.body_html,
                          post.video_url,
                          nullable_instant(post.pinned_until),
                          flag(post.comments_open),
                          flag(post.withdrawn),
                          seconds_of(post.updated_at)};
  TRY(connection_.execute(
      "UPDATE news_posts SET title = $3, summary = $4, body = $5, body_html = $6, video_url = $7, "
      "pinned_until = $8, comments_open = $9, withdrawn = $10, updated_at = $11 WHERE tenant_id "
      "= $1 AND id = $2",
      row));
  return {};
}

Result<std::vector<NewsSummary>> NewsStore::read(std::string_view where,
                                                 std::vector<SqlValue> params,
                                                 std::string_view order_and_limit) {
  auto summaries = TRY(query_all(
      connection_,
      fmt::format("SELECT {} FROM news_posts p LEFT JOIN organizations o ON o.tenant_id = "
                  "p.tenant_id AND o.id = p.organization_id WHERE p.tenant_id = $1{} {}",
                  kPostColumns, where, order_and_limit),
      params, summary_at));
  if (!summaries.empty()) TRY(read_photos(summaries, std::get<std::int64_t>(params[0])));
  return summaries;
}

Status NewsStore::read_photos(std::vector<NewsSummary>& summaries, Id tenant) {
  std::map<Id, NewsSummary*> by_id;
  Id low = summaries.front().post.id;
  Id high = low;
  for (NewsSummary& summary : summaries) {
    by_id[summary.post.id] = &summary;
    low = std::min(low, summary.post.id);
    high = std::max(high, summary.post.id);
  }
  const SqlValue params[] = {tenant, low, high};
  return connection_.query(
      fmt::format("SELECT {}, post_id FROM news_photos WHERE tenant_id = $1 AND post_id BETWEEN "
                  "$2 AND $3 ORDER BY post_id, position",
                  kPhotoColumns),
      params, [&](const SqlRow& row) -> Status {
        if (auto found = by_id.find(row.integer(7)); found != by_id.end())
          found->second->post.photos.push_back(photo_at(row));
        return {};
      });
}

Result<std::optional<NewsSummary>> NewsStore::find(Id tenant, Id id, Id reader) {
  auto found = TRY(read(" AND p.id = $3", {tenant, reader, id}, ""));
  if (found.empty()) return std::optional<NewsSummary>{};
  return std::optional<NewsSummary>(std::move(found.front()));
}

Result<std::vector<NewsSummary>> NewsStore::list(Id tenant, Id reader, const NewsFilter& filter,
                                                 std::optional<Instant> pinned_now, Instant now) {
  std::vector<SqlValue> params = {tenant, reader};
  std::string where;
  const auto parameter = [&](SqlValue value) {
    params.push_back(std::move(value));
    return fmt::format("${}", params.size());
  };
  if (filter.organization_id) {
    where += *filter.organization_id == 0
                 ? std::string(" AND p.organization_id IS NULL")
                 : " AND p.organization_id = " + parameter(*filter.organization_id);
  }
  if (filter.kind) where += " AND p.kind = " + parameter(std::string(code_of(*filter.kind)));
  if (!filter.withdrawn) where += " AND p.withdrawn = 0";
  if (pinned_now) {
    where += " AND p.withdrawn = 0 AND p.pinned_until > " + parameter(seconds_of(*pinned_now));
  } else {
    where += " AND (p.pinned_until IS NULL OR p.pinned_until <= " + parameter(seconds_of(now)) +
             " OR p.withdrawn = 1)";
  }
  if (filter.before) where += " AND p.id < " + parameter(*filter.before);
  return read(where, std::move(params),
              fmt::format("ORDER BY p.id DESC LIMIT {}", std::max<std::size_t>(filter.limit, 1)));
}

Result<std::vector<NewsSummary>> NewsStore::posts(Id tenant, const std::vector<Id>& ids) {
  std::vector<NewsSummary> ordered;
  for (Id id : ids) {
    auto found = TRY(find(tenant, id, 0));
    if (found) ordered.push_back(std::move(*found));
  }
  return ordered;
}

Result<NewsPhoto> NewsStore::add_photo(Id tenant, Id post, NewsPhoto photo,
                                       const std::string& content) {
  const SqlValue key[] = {tenant, post};
  // A no-op write locks the post's row on both engines: a second upload waits here and then sees
  // the first one's position.
  TRY(connection_.execute(
      "UPDATE news_posts SET updated_at = updated_at WHERE tenant_id = $1 AND id = $2", key));
  const auto last = TRY(query_integer(
      connection_, "SELECT max(position) FROM news_photos WHERE tenant_id = $1 AND post_id = $2",
      key));
  photo.position = static_cast<int>(last.value_or(0) + 1);
  photo.size = static_cast<std::int64_t>(content.size());
  const SqlValue params[] = {tenant,
                             post,
                             std::int64_t{photo.position},
                             photo.caption,
                             photo.file_name,
                             photo.content_type,
                             photo.size,
                             Bytes{content},
                             photo.uploaded_by,
                             seconds_of(photo.uploaded_at)};
  TRY(connection_.execute(
      "INSERT INTO news_photos (tenant_id, post_id, position, caption, file_name, content_type, "
      "size, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      params));
  return photo;
}

Result<std::optional<std::pair<NewsPhoto, std::string>>> NewsStore::photo(Id tenant, Id post,
                                                                          int position) {
  const SqlValue params[] = {tenant, post, std::int64_t{position}};
  return query_one(connection_,
                   fmt::format("SELECT {}, content FROM news_photos WHERE tenant_id = $1 AND "
                               "post_id = $2 AND position = $3",
                               kPhotoColumns),
                   params, [](const SqlRow& row) {
                     return std::pair{photo_at(row), row.bytes(7)};
                   });
}

Result<bool> NewsStore::remove_photo(Id tenant, Id post, int position) {
  const SqlValue params[] = {tenant, post, std::int64_t{position}};
  return TRY(connection_.execute(
             "DELETE FROM news_photos WHERE tenant_id = $1 AND post_id = $2 AND position = $3",
             params)) > 0;
}

Result<bool> NewsStore::mark_read(Id tenant, Id post, Id person, Instant at) {
  const SqlValue params[] = {tenant, post, person, seconds_of(at)};
  return TRY(connection_.execute(
             "INSERT INTO news_reads (tenant_id, post_id, person_id, read_at) VALUES ($1, $2, "
             "$3, $4) ON CONFLICT DO NOTHING",
             params)) > 0;
}

Status NewsStore::set_reaction(Id tenant, Id post, Id person, Reaction reaction, Instant at) {
  const SqlValue params[] = {tenant, post, person, std::string(code_of(reaction)), seconds_of(at)};
  TRY(connection_.execute(
      "INSERT INTO news_reactions (tenant_id, post_id, person_id, reaction, reacted_at) VALUES "
      "($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, post_id, person_id) DO UPDATE SET reaction = "
      "excluded.reaction, reacted_at = excluded.reacted_at",
      params));
  return {};
}

Status NewsStore::clear_reaction(Id tenant, Id post, Id person) {
  const SqlValue params[] = {tenant, post, person};
  TRY(connection_.execute(
      "DELETE FROM news_reactions WHERE tenant_id = $1 AND post_id = $2 AND person_id = $3",
      params));
  return {};
}

}  // namespace dk::store
