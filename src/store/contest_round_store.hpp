#pragma once
// A contest's rounds and their topic quotas (core/contest_round.hpp).

#include <optional>
#include <vector>

#include "core/contest_round.hpp"
#include "store/sql.hpp"

namespace dk::store {

class ContestRoundStore {
 public:
  explicit ContestRoundStore(SqlConnection& connection) : connection_(connection) {}

  Result<ContestRound> create(ContestRound round);
  Result<std::optional<ContestRound>> find(Id tenant, Id id);
  // By opening time.
  Result<std::vector<ContestRound>> of_contest(Id tenant, Id contest);

 private:
  Status read_quotas(ContestRound& round);

  SqlConnection& connection_;
};

}  // namespace dk::store
