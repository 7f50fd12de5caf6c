#pragma once
// Plans, their targets and programmes, and the counts their progress is made of.

#include <optional>
#include <vector>

#include "core/plan.hpp"
#include "store/sql.hpp"

namespace dk::store {

class PlanStore {
 public:
  explicit PlanStore(SqlConnection& connection) : connection_(connection) {}

  // A second plan for the same organization and year is a conflict.
  Result<Plan> create(const Plan& plan);
  Status update(const Plan& plan);  // the fields and the targets
  Result<std::optional<Plan>> find(Id tenant, Id id);
  Result<std::vector<Plan>> list(Id tenant, std::optional<Id> organization,
                                 std::optional<int> year);

  Result<Programme> add_programme(Id tenant, const Programme& programme);
  Result<std::vector<Programme>> programmes(Id tenant, Id plan);

  Result<PlanProgress> progress(const Plan& plan);

 private:
  Status write_targets(const Plan& plan);
  Result<std::vector<Plan>> read(std::string_view where, std::vector<SqlValue> params);

  SqlConnection& connection_;
};

}  // namespace dk::store
