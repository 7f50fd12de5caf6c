#pragma once
// Support requests and what the leadership decided about them.

#include <optional>
#include <vector>

#include "core/support_request.hpp"
#include "store/sql.hpp"

namespace dk::store {

class SupportRequestStore {
 public:
  explicit SupportRequestStore(SqlConnection& connection) : connection_(connection) {}

  Result<SupportRequest> create(const SupportRequest& request);
  Result<std::optional<SupportRequestRecord>> find(Id tenant, Id id);
  // Newest first.
  // `within`, when set, keeps the requests of these organizations only (an officer's own).
  Result<std::vector<SupportRequestRecord>> list(Id tenant, const SupportRequestQuery& query,
                                                 const std::optional<std::vector<Id>>& within);
  // The organization whose plan holds `programme`; nothing when there is no such programme.
  Result<std::optional<Id>> programme_organization(Id tenant, Id programme);
  // Writes the decision (or the withdrawal) of a request that is still pending; false when it no
  // longer is, so that of two deciders at once only the first one's decision stands.
  Result<bool> close(const SupportRequest& closed);

 private:
  Result<std::vector<SupportRequestRecord>> read(std::string_view where,
                                                 std::vector<SqlValue> params);

  SqlConnection& connection_;
};

}  // namespace dk::store
