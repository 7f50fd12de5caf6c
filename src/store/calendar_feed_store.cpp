#include "store/calendar_feed_store.hpp"

#include "store/id_counter.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, tenant_id, owner_kind, owner_id, created_by, created_at, revoked_at FROM "
    "calendar_feeds ";

CalendarFeed read_feed(const SqlRow& row) {
  CalendarFeed feed;
  feed.id = row.integer(0);
  feed.tenant = row.integer(1);
  feed.owner_kind = row.text(2) == "organization" ? FeedOwner::organization : FeedOwner::person;
  feed.owner_id = row.integer(3);
  feed.created_by = row.integer(4);
  feed.created_at = row.integer(5);
  if (!row.is_null(6)) feed.revoked_at = row.integer(6);
  return feed;
}

std::int64_t seconds(Instant instant) {
  return std::chrono::duration_cast<std::chrono::seconds>(instant.time_since_epoch()).count();
}

}  // namespace

Result<CalendarFeed> CalendarFeedStore::create(const CalendarFeed& feed,
                                               const std::string& token_hash) {
  auto id = reserve_ids(connection_, feed.tenant, "calendar_feeds", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {
      feed.tenant,    *id,
      token_hash,     std::string(feed.owner_kind == FeedOwner::person ? "person" : "organization"),
      feed.owner_id,  feed.created_by,
      feed.created_at};
  TRY(connection_.execute(
      "INSERT INTO calendar_feeds (tenant_id, id, token_hash, owner_kind, owner_id, created_by, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      params));
  CalendarFeed created = feed;
  created.id = *id;
  return created;
}

Result<std::optional<CalendarFeed>> CalendarFeedStore::find_by_token(
    const std::string& token_hash) {
  const SqlValue params[] = {token_hash};
  return query_one(connection_,
                   std::string(kColumns) + "WHERE token_hash = $1 AND revoked_at IS NULL", params,
                   read_feed);
}

Result<std::vector<CalendarFeed>> CalendarFeedStore::list_created_by(Id tenant, Id account) {
  const SqlValue params[] = {tenant, account};
  return query_all(connection_,
                   std::string(kColumns) + "WHERE tenant_id = $1 AND created_by = $2 ORDER BY id",
                   params, read_feed);
}

Result<std::optional<CalendarFeed>> CalendarFeedStore::find(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_, std::string(kColumns) + "WHERE tenant_id = $1 AND id = $2", params,
                   read_feed);
}

Status CalendarFeedStore::revoke(Id tenant, Id id, Instant now) {
  const SqlValue params[] = {tenant, id, seconds(now)};
  TRY(connection_.execute(
      "UPDATE calendar_feeds SET revoked_at = $3 WHERE tenant_id = $1 AND id = $2 AND revoked_at "
      "IS NULL",
      params));
  return {};
}

}  // namespace dk::store
