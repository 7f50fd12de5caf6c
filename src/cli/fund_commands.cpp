// funds check: the trial balance of the funds' ledger, for a treasurer or an auditor to run at
// any time — every transaction and every fund balances, and each fund's totals are its entries.

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/text_table.hpp"
#include "core/money.hpp"
#include "service/funds_report.hpp"

namespace dk::cli {
namespace {

// The year's gifts of each agency checked, as the year-end report lists them.
int print_year_lists(const Context& context, service::Connection& connection,
                     const service::FundsCheck& check, int year) {
  std::ostream& out = *context.out;
  std::vector<Id> agencies;
  for (const service::FundSummary& fund : check.funds)
    if (std::ranges::find(agencies, fund.tenant_id) == agencies.end())
      agencies.push_back(fund.tenant_id);
  for (Id agency : agencies) {
    auto report = service::agency_funds_report(connection, agency, year);
    if (!report) return context.report(report.error());
    out << '\n'
        << fmt::format(fmt::runtime(context.say("Các khoản ủng hộ năm {}:", "Gifts of {}:")), year)
        << '\n';
    for (const service::YearListItem& item : report->year_list)
      out << "  - " << item.text.in(context.language) << '\n';
    out << fmt::format("  {}: {}\n", context.say("Cộng", "Total"),
                       format_dong(report->year_list_total));
  }
  return kSuccess;
}

int check_funds(const Context& context, int year) {
  auto connection = context.connect();
  if (!connection) return context.report(connection.error());
  Id tenant = 0;  // every agency, unless one is named
  if (context.agency) {
    auto agency = context.agency_in(**connection);
    if (!agency) return context.report(agency.error());
    tenant = agency->id;
  }
  auto check = service::check_funds(**connection, tenant);
  if (!check) return context.report(check.error());
  std::ostream& out = *context.out;
  TextTable table({context.say("Quỹ", "Fund"), context.say("Đã thu", "Received"),
                   context.say("Đã chi", "Disbursed"), context.say("Chuyển đến", "In"),
                   context.say("Chuyển đi", "Out"), context.say("Tiền mặt", "Cash"),
                   context.say("Ngân hàng", "Bank"), context.say("Số dư", "Balance")});
  Dong received = 0;
  Dong balance = 0;
  for (const service::FundSummary& fund : check->funds) {
    const FundBalance& b = fund.balance;
    table.add_row({fund.name, format_dong(b.received), format_dong(b.disbursed),
                   format_dong(b.transferred_in), format_dong(b.transferred_out),
                   format_dong(b.cash), format_dong(b.bank), format_dong(b.holdings())});
    // Checked: a ledger written before the limit on totals may pass the range of a Dong.
    if (!add_to(received, b.received) || !add_to(balance, b.holdings()))
      return context.report(total_too_large("balance"));
  }
  table.print(out);
  const TrialBalance& trial = check->trial;
  out << '\n'
      << fmt::format("{}: {}, {}: {}\n", context.say("Bút toán", "Transactions"),
                     trial.transactions, context.say("dòng", "lines"), trial.lines)
      << fmt::format("{}: {}, {}: {}\n", context.say("Tổng Nợ", "Debits"),
                     format_dong(trial.debits), context.say("tổng Có", "credits"),
                     format_dong(trial.credits))
      << fmt::format("{}: {}, {}: {}\n",
                     context.say("Tổng đã thu (mọi năm)", "Received, all years"),
                     format_dong(received), context.say("số dư các quỹ", "held by the funds"),
                     format_dong(balance));
  std::vector<LedgerProblem> problems = trial.problems;
  problems.insert(problems.end(), check->problems.begin(), check->problems.end());
  if (int listed = print_year_lists(context, **connection, *check, year); listed != kSuccess)
    return listed;
  out << '\n';
  if (problems.empty() && trial.debits == trial.credits) {
    out << context.say("Sổ cân đối: mọi bút toán và mọi quỹ đều khớp.",
                       "The ledger balances: every transaction and every fund agrees.")
        << '\n';
    return kSuccess;
  }
  for (const LedgerProblem& problem : problems)
    *context.err << problem.code << ": " << problem.message.in(context.language) << '\n';
  *context.err << context.say("Sổ KHÔNG cân đối.", "The ledger does NOT balance.") << '\n';
  return kLedgerUnbalanced;
}

}  // namespace

void add_fund_commands(CLI::App& app, Context& context, int& result) {
  auto* funds = app.add_subcommand("funds", "Quỹ và cuộc vận động / funds")->require_subcommand(1);
  auto year = std::make_shared<int>(vietnam_date(context.clock()).year);
  auto* check = funds->add_subcommand(
      "check", "Kiểm tra cân đối sổ quỹ (mọi cơ quan, hoặc --agency) / trial balance");
  check->add_option("--year", *year, "Năm liệt kê các khoản ủng hộ / year of the gifts listed");
  check->callback([&, year] { result = check_funds(context, *year); });
}

}  // namespace dk::cli
