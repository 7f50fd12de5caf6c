// Comments on news posts (store/news_store.hpp).

#include <fmt/format.h>

#include "store/id_counter.hpp"
#include "store/news_store.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kCommentColumns =
    "c.id, c.post_id, c.person_id, COALESCE(s.full_name, ''), c.text, c.created_at, c.hidden_at, "
    "COALESCE(c.hidden_by, 0), c.hidden_reason";

std::string comments_query(std::string_view where) {
  return fmt::format(
      "SELECT {} FROM news_comments c LEFT JOIN persons s ON s.tenant_id = c.tenant_id AND s.id "
      "= c.person_id WHERE c.tenant_id = $1{} ORDER BY c.id",
      kCommentColumns, where);
}

NewsComment comment_at(const SqlRow& row) {
  return NewsComment{row.integer(0),
                     row.integer(1),
                     row.integer(2),
                     row.text(3),
                     row.text(4),
                     instant_of(row.integer(5)),
                     optional_instant(row, 6),
                     row.integer(7),
                     row.text(8)};
}

}  // namespace

Result<std::vector<NewsComment>> NewsStore::comments(Id tenant, Id post, bool with_hidden) {
  const SqlValue params[] = {tenant, post};
  return query_all(connection_,
                   comments_query(with_hidden ? " AND c.post_id = $2"
                                              : " AND c.post_id = $2 AND c.hidden_at "
                                                "IS NULL"),
                   params, comment_at);
}

Result<NewsComment> NewsStore::add_comment(Id tenant, NewsComment comment) {
  comment.id = TRY(reserve_ids(connection_, tenant, "news_comments", 1));
  const SqlValue row[] = {tenant,          comment.id,
                          comment.post_id, comment.person_id,
                          comment.text,    seconds_of(comment.created_at)};
  TRY(connection_.execute(
      "INSERT INTO news_comments (tenant_id, id, post_id, person_id, text, created_at) VALUES "
      "($1, $2, $3, $4, $5, $6)",
      row));
  auto stored = TRY(this->comment(tenant, comment.id));
  return stored ? std::move(*stored) : comment;
}

Result<std::optional<NewsComment>> NewsStore::comment(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_, comments_query(" AND c.id = $2"), params, comment_at);
}

Status NewsStore::set_comment_hidden(Id tenant, Id id, std::optional<Instant> at, Id by,
                                     const std::string& reason) {
  const SqlValue params[] = {tenant, id, nullable_instant(at),
                             at ? SqlValue(by) : SqlValue(std::monostate{}),
                             at ? reason : std::string()};
  TRY(connection_.execute(
      "UPDATE news_comments SET hidden_at = $3, hidden_by = $4, hidden_reason = $5 WHERE "
      "tenant_id = $1 AND id = $2",
      params));
  return {};
}

Status NewsStore::delete_comment(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  TRY(connection_.execute("DELETE FROM news_comments WHERE tenant_id = $1 AND id = $2", params));
  return {};
}

}  // namespace dk::store
