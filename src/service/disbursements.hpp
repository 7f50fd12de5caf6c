#pragma once
// Disbursement requests (đề nghị chi): asked by an officer of the fund, decided by a second one.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct DisbursementInput {
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  std::string beneficiary;
  std::string purpose;
  std::optional<CivilDate> paid_on;
};
struct DisbursementView {
  Disbursement request;
  bool may_decide = false;  // the actor manages the fund and did not request it
};
Result<DisbursementView> request_disbursement(Connection& connection, const Actor& actor, Id fund,
                                              const DisbursementInput& input);
Result<std::vector<DisbursementView>> list_disbursements(Connection& connection, const Actor& actor,
                                                         std::optional<DisbursementStatus> status);
// By a second officer: the money leaves the fund only now, and only if the fund holds it.
Result<DisbursementView> approve_disbursement(Connection& connection, const Actor& actor,
                                              Id request);
Result<DisbursementView> reject_disbursement(Connection& connection, const Actor& actor, Id request,
                                             const std::string& reason);

}  // namespace dk::service
