#pragma once
// Charity and funds as the web service offers them. The officers of a fund's organizers run it:
// they record donations (each with a receipt number), request disbursements that a second officer
// approves, transfer money between funds and reverse mistakes. Anyone in the agency pledges and
// reads a fund's public statement (sao kê). Every change goes through the ledger in one
// transaction, and nothing leaves a fund beyond what it holds.

#include <optional>
#include <string>
#include <vector>

#include "core/fund.hpp"
#include "core/fund_records.hpp"
#include "core/ledger.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct NamedId {
  Id id = 0;
  std::string name;
};

struct FundTotals {
  FundBalance balance;
  Dong pending_disbursements = 0;
  std::int64_t donations = 0;
  std::int64_t donors = 0;
};

struct FundRecord {
  Fund fund;
  std::vector<NamedId> organizations;
  FundTotals totals;
  bool manageable = false;  // the actor may record money and request disbursements
};

Result<FundRecord> create_fund(Connection& connection, const Actor& actor, Fund fund);
Result<std::vector<FundRecord>> list_funds(Connection& connection, const Actor& actor,
                                           std::optional<FundStatus> status,
                                           std::optional<Id> organization);
Result<FundRecord> read_fund(Connection& connection, const Actor& actor, Id fund);

// What a PATCH changes; unset fields stay as they are.
struct FundChanges {
  std::optional<std::string> name;
  std::optional<std::string> beneficiary;
  std::optional<std::string> purpose;
  std::optional<std::optional<Dong>> target;
  std::optional<std::optional<CivilDate>> ends_on;
  std::optional<FundStatus> status;
};
Result<FundRecord> update_fund(Connection& connection, const Actor& actor, Id fund,
                               const FundChanges& changes);

}  // namespace dk::service
