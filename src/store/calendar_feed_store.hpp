#pragma once
// The secret links calendar apps subscribe to: one per person or organization, found by the hash
// of its token, revocable.

#include <optional>
#include <string>
#include <vector>

#include "core/calendar_feed.hpp"
#include "core/clock.hpp"
#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

class CalendarFeedStore {
 public:
  explicit CalendarFeedStore(SqlConnection& connection) : connection_(connection) {}

  Result<CalendarFeed> create(const CalendarFeed& feed, const std::string& token_hash);
  // A feed that has not been revoked.
  Result<std::optional<CalendarFeed>> find_by_token(const std::string& token_hash);
  Result<std::vector<CalendarFeed>> list_created_by(Id tenant, Id account);
  Result<std::optional<CalendarFeed>> find(Id tenant, Id id);
  Status revoke(Id tenant, Id id, Instant now);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
