#pragma once
// Support requests (đề xuất hỗ trợ) as the web service offers them: an organization's officers
// ask the leadership for budget, a venue, time off or transport; the leadership (or an
// administrator) approves, approves in part or refuses with a reason; the officers may withdraw a
// request while it waits. Every change is audited.

#include <optional>
#include <string>
#include <vector>

#include "core/support_request.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct SupportRequestView {
  SupportRequestRecord record;
  bool may_decide = false;    // pending, and the actor decides
  bool may_withdraw = false;  // pending, and the actor asks for its organization
};

struct SupportRequestList {
  std::vector<SupportRequestView> items;
  SupportTotals totals;  // of exactly the items above
};

// Asks for `request.organization_id`: its officers and administrators. The request's id, status,
// requester and time are set here.
Result<SupportRequestView> ask_for_support(Connection& connection, const Actor& actor,
                                           SupportRequest request);
// The leadership and administrators see every organization's requests; an officer only their
// organizations'; anyone else is refused.
Result<SupportRequestList> list_support_requests(Connection& connection, const Actor& actor,
                                                 const SupportRequestQuery& query);
Result<SupportRequestView> read_support_request(Connection& connection, const Actor& actor, Id id);
// `partial_amount`: the budget approved in part (approve_in_part only).
Result<SupportRequestView> decide_support_request(Connection& connection, const Actor& actor, Id id,
                                                  SupportDecision decision,
                                                  std::optional<Dong> partial_amount,
                                                  std::string reason);
Result<SupportRequestView> withdraw_support_request(Connection& connection, const Actor& actor,
                                                    Id id);

}  // namespace dk::service
