// The year's giving, as the year-end report lists it, and the trial balance that proves the
// ledger.

#include "service/funds_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/access.hpp"
#include "core/money.hpp"
#include "core/vietnamese_text.hpp"
#include "service/funds.hpp"
#include "service/refusal.hpp"
#include "store/fund_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// "Ủng hộ quỹ Hoàng Sa" → "ủng hộ quỹ Hoàng Sa": the phrase continues a sentence of the report.
std::string continuing(std::string_view phrase) {
  if (phrase.empty()) return "";
  std::string text(phrase);
  // The first word in lower case, unless it is a name (the rest of the phrase keeps its capitals).
  const auto space = text.find(' ');
  const std::string first = text.substr(0, space);
  const std::string lowered = lower_case(first);
  if (title_case_name(lowered) == first) return lowered + text.substr(first.size());
  return text;
}

// Adds a fund's row to the report's total row, column by column.
Status add_movement(FundMovement& total, const FundMovement& row) {
  TRY(add_to(total.opening, row.opening));
  TRY(add_to(total.received, row.received));
  TRY(add_to(total.disbursed, row.disbursed));
  TRY(add_to(total.transferred_in, row.transferred_in));
  TRY(add_to(total.transferred_out, row.transferred_out));
  return add_to(total.closing, row.closing);
}

}  // namespace

Result<FundsReport> funds_report(store::SqlConnection& connection, const Actor& actor, int year) {
  if (!may_read_statistics(actor.principal)) return refuse();
  return agency_funds_report(connection, actor.principal.tenant, year);
}

Result<FundsReport> agency_funds_report(store::SqlConnection& connection, Id tenant, int year) {
  if (year < 1900 || year > 9999) {
    return fail(ErrorKind::invalid_input, "funds.year_invalid", "Năm không hợp lệ.",
                "The year is not valid.", Location{0, "year"});
  }
  store::FundStore funds(connection);
  FundsReport report;
  report.year = year;
  auto by_organization = TRY(funds.year_by_organization(tenant, year));
  auto by_unit = TRY(funds.year_by_unit(tenant, year));
  auto all = TRY(funds.list_funds(tenant, std::nullopt, std::nullopt));
  auto before = TRY(funds.balances_through(tenant, CivilDate{year - 1, 12, 31}));
  auto after = TRY(funds.balances_through(tenant, CivilDate{year, 12, 31}));
  for (const Fund& fund : all) {
    const FundMovement movement = TRY(movement_between(before[fund.id], after[fund.id]));
    if (movement.empty()) continue;
    report.by_fund.push_back({fund.id, fund.name, movement});
    TRY(add_movement(report.total, movement));
    if (movement.received <= 0) continue;
    const std::string phrase = fund.purpose.empty() ? fund.name : fund.purpose;
    report.year_list.push_back(
        {fund.id,
         Text{fmt::format("{} {}", continuing(phrase), format_dong(movement.received)),
              fmt::format("{}: {}", phrase, format_dong(movement.received))},
         movement.received});
    TRY(add_to(report.year_list_total, movement.received));
  }
  // The funds that raised most first; the year's list in the order the funds were raised, as the
  // article lists them.
  std::ranges::stable_sort(report.by_fund, std::ranges::greater{},
                           [](const FundYear& row) { return row.movement.received; });
  std::ranges::sort(report.year_list, {}, &YearListItem::fund_id);
  report.by_organization = std::move(by_organization);
  report.by_unit = std::move(by_unit);
  return report;
}

Result<FundsCheck> check_funds(store::SqlConnection& connection, Id tenant) {
  store::FundStore funds(connection);
  FundsCheck check;
  // Ids are per agency: each agency's transactions are checked on their own.
  std::vector<Id> tenants{tenant};
  if (tenant == 0) {
    auto agencies = TRY(funds.agencies_with_ledgers());
    tenants = std::move(agencies);
  }
  for (Id agency : tenants) {
    auto transactions = funds.all_transactions(agency);
    if (!transactions) return std::unexpected(transactions.error());
    TrialBalance trial = check_ledger(*transactions);
    check.trial.transactions += trial.transactions;
    check.trial.lines += trial.lines;
    TRY(add_to(check.trial.debits, trial.debits));
    TRY(add_to(check.trial.credits, trial.credits));
    for (LedgerProblem& problem : trial.problems)
      check.trial.problems.push_back(std::move(problem));
    auto listed = TRY(funds.list_funds(agency, std::nullopt, std::nullopt));
    auto balances = TRY(funds.balances(agency));
    std::ranges::sort(listed, {}, &Fund::id);
    for (const Fund& fund : listed)
      check.funds.push_back({agency, fund.id, fund.name, (balances)[fund.id]});
    auto pledges = TRY(funds.pledges_off_ledger(agency));
    for (Id pledge : pledges) {
      check.problems.push_back({"ledger.pledge_mismatch", 0, 0,
                                Text{fmt::format("Đăng ký ủng hộ {} không khớp với sổ.", pledge),
                                     fmt::format("Pledge {} does not match the ledger.", pledge)}});
    }
    auto unpaid = TRY(funds.approvals_without_payment(agency));
    for (Id request : unpaid) {
      check.problems.push_back(
          {"ledger.approval_without_payment", 0, 0,
           Text{fmt::format("Đề nghị chi {} đã duyệt mà không có bút toán.", request),
                fmt::format("Approved disbursement {} has no ledger entry.", request)}});
    }
  }
  return check;
}

}  // namespace dk::service
