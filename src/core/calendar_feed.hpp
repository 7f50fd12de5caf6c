#pragma once
// A secret calendar link that calendar apps subscribe to: a person's or an organization's.

#include <cstdint>
#include <optional>

#include "core/registry.hpp"

namespace dk {

enum class FeedOwner { person, organization };

struct CalendarFeed {
  Id id = 0;
  Id tenant = 0;
  FeedOwner owner_kind = FeedOwner::person;
  Id owner_id = 0;
  Id created_by = 0;  // account
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

}  // namespace dk
