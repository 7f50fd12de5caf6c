#pragma once
// Pledges (đăng ký ủng hộ): anyone in the agency promises an amount; donations pay it; a pledge
// nothing of which is paid yet may be cancelled.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct PledgeInput {
  Dong amount = 0;
  std::optional<Id> person_id;  // none: the actor, unless `name` names an outside giver
  std::string name;             // an outside giver's name (officers only)
  std::string note;
};
Result<Pledge> record_pledge(Connection& connection, const Actor& actor, Id fund,
                             const PledgeInput& input);
// Officers see every pledge of the fund, others their own.
Result<std::vector<Pledge>> list_pledges(Connection& connection, const Actor& actor, Id fund);
// Only a pledge nothing of which is paid yet; its entry is reversed.
Result<Pledge> cancel_pledge(Connection& connection, const Actor& actor, Id pledge,
                             const std::string& reason);

}  // namespace dk::service
