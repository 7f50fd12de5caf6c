#pragma once
// An agency's own versions of the emulation title rules (migration 0024, core/emulation_rules.hpp),
// beside those shipped with the product. Versions are added, never changed.

#include <vector>

#include "core/clock.hpp"
#include "core/emulation_rules.hpp"
#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct StoredTitleRule {
  TitleRule rule;
  Id added_by = 0;  // the account
  Instant added_at;
};

class EmulationRuleStore {
 public:
  explicit EmulationRuleStore(SqlConnection& connection) : connection_(connection) {}

  // Every version the agency added, by title then day.
  Result<std::vector<StoredTitleRule>> versions(Id tenant);
  // Adds a version; a second version of a title on the same day is a conflict the caller checks
  // first (core's check_title_rules), and the key refuses.
  Status add(Id tenant, const StoredTitleRule& version);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
