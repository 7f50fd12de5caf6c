#pragma once
// The year's report over every fund (donations by fund, organization and department, the lists
// of givers), and the trial balance that `doanket funds check` prints.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"
#include "service/funds.hpp"

namespace dk::service {

struct YearListItem {
  Id fund_id = 0;
  Text text;  // "ủng hộ quỹ Hoàng Sa 2.340.000 đ"
  Dong amount = 0;
};
// One fund's year: its balance on 1 January, the money in and out, its balance on 31 December.
struct FundYear {
  Id fund_id = 0;
  std::string name;
  FundMovement movement;
};
struct FundsReport {
  int year = 0;
  FundMovement total;             // the sum of the funds' rows, each column checked
  std::vector<FundYear> by_fund;  // funds that held money or moved any in the year
  std::vector<DonationTotal> by_organization;
  std::vector<DonationTotal> by_unit;
  std::vector<YearListItem> year_list;
  Dong year_list_total = 0;  // the sum of the list's amounts
};
Result<FundsReport> funds_report(Connection& connection, const Actor& actor, int year);
// The same for the command line, which has the database to itself.
Result<FundsReport> agency_funds_report(Connection& connection, Id tenant, int year);

// ---- the trial balance (doanket funds check) ----

struct FundSummary {
  Id tenant_id = 0;
  Id fund_id = 0;
  std::string name;
  FundBalance balance;
};
struct FundsCheck {
  TrialBalance trial;
  std::vector<FundSummary> funds;
  std::vector<LedgerProblem> problems;  // beyond the ledger's own: a pledge's or request's state
};
// Checks the ledger of one agency, or of every agency when `tenant` is 0.
Result<FundsCheck> check_funds(Connection& connection, Id tenant);

}  // namespace dk::service
