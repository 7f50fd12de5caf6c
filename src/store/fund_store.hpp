#pragma once
// Funds, pledges, the ledger, disbursement requests and bank statement lines. Ledger rows are
// inserted, never updated or deleted; what a fund holds is summed from its lines on each read.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/fund.hpp"
#include "core/fund_records.hpp"
#include "core/ledger.hpp"
#include "store/sql.hpp"

namespace dk::store {

class FundStore {
 public:
  explicit FundStore(SqlConnection& connection) : connection_(connection) {}

  Result<Fund> create_fund(const Fund& fund, std::optional<Id> by_account, Instant now);
  Status update_fund(const Fund& fund, Instant now);
  Result<std::vector<Fund>> list_funds(Id tenant, std::optional<FundStatus> status,
                                       std::optional<Id> organization);
  Result<std::optional<Fund>> find_fund(Id tenant, Id id);
  // Takes the fund's row lock on PostgreSQL until the transaction ends (SQLite's writer lock is
  // already held), so that two payments out of one fund are checked against its balance one at a
  // time. Funds are locked in id order by the caller, so that two transfers cannot deadlock.
  Status lock_fund(Id tenant, Id id, Instant now);

  // Every fund's balance, or one fund's.
  Result<std::map<Id, FundBalance>> balances(Id tenant);
  // Each fund's accounts summed from the transactions dated on or before `last_day` (a year's
  // opening balance is the balance through the last day of the year before); `pledged` unset.
  Result<std::map<Id, FundBalance>> balances_through(Id tenant, CivilDate last_day);
  Result<FundBalance> balance(Id tenant, Id fund);
  // Donations not reversed, and distinct givers among them.
  struct DonationCount {
    std::int64_t donations = 0;
    std::int64_t donors = 0;
  };
  Result<std::map<Id, DonationCount>> donation_counts(Id tenant);
  Result<std::map<Id, Dong>> pending_disbursements(Id tenant);
  // The sum of the agency's debits over all its funds: all the money its ledger ever moved, which
  // bounds every total shown (see kMaxLedgerTotal).
  Result<Dong> ledger_total(Id tenant);

  // Records a transaction (entry.lines already valid); returns its id.
  Result<Id> post(LedgerEntry entry);
  Result<std::optional<LedgerEntry>> find_entry(Id tenant, Id id);
  // The entries that touch a fund, oldest first.
  Result<std::vector<LedgerEntry>> entries(Id tenant, Id fund);
  // Every transaction of the tenant with its lines, for the trial balance.
  Result<std::vector<RecordedTransaction>> all_transactions(Id tenant);
  // The agencies that have funds, for a check of the whole database.
  Result<std::vector<Id>> agencies_with_ledgers();
  // Pledges whose promise does not match their ledger lines: more paid than promised, or a
  // cancelled pledge still awaited.
  Result<std::vector<Id>> pledges_off_ledger(Id tenant);
  // Approved disbursement requests without the payment they approved.
  Result<std::vector<Id>> approvals_without_payment(Id tenant);
  // The next receipt number of the year: "PT-2026-0007".
  Result<std::string> next_receipt_number(Id tenant, int year);

  Result<Pledge> create_pledge(const Pledge& pledge, Instant now);
  Result<std::optional<Pledge>> find_pledge(Id tenant, Id id);
  Result<std::vector<Pledge>> pledges(Id tenant, Id fund, std::optional<Id> person);
  // The entry that recorded the promise.
  Result<std::optional<LedgerEntry>> pledge_entry(Id tenant, Id pledge);
  Status cancel_pledge(Id tenant, Id id, Instant now);

  Result<Disbursement> create_disbursement(const Disbursement& request);
  Result<std::optional<Disbursement>> find_disbursement(Id tenant, Id id);
  Result<std::vector<Disbursement>> disbursements(Id tenant,
                                                  std::optional<DisbursementStatus> status,
                                                  std::optional<Id> fund);
  // Decides a pending request; false when it was no longer pending (decided by someone else).
  Result<bool> decide_disbursement(Id tenant, Id id, DisbursementStatus decision, Id by_account,
                                   const std::string& reason, std::optional<Id> transaction,
                                   Instant now);

  Result<BankStatement> create_statement(Id tenant, const std::string& file_name,
                                         std::optional<Id> by_account, Instant now);
  // Adds a line unless a line with its fingerprint is already stored; true when added.
  Result<bool> add_statement_line(Id tenant, const BankStatementLine& line);
  Status set_statement_counts(Id tenant, Id statement, std::int64_t lines, std::int64_t new_lines);
  Result<std::vector<BankStatement>> statements(Id tenant);
  Result<std::vector<BankStatementLine>> statement_lines(Id tenant, Id statement);
  Result<std::optional<BankStatementLine>> find_statement_line(Id tenant, Id id);
  // Moves a line from `from` to `to`; false when it was not in `from` (booked meanwhile).
  Result<bool> set_line_status(Id tenant, Id id, StatementLineStatus from, StatementLineStatus to,
                               std::optional<Id> transaction, const std::string& note);

  // Donations received in a year by organizer and by department.
  Result<std::vector<DonationTotal>> year_by_organization(Id tenant, int year);
  Result<std::vector<DonationTotal>> year_by_unit(Id tenant, int year);

 private:
  Result<std::vector<LedgerEntry>> read_entries(std::string_view where,
                                                std::vector<SqlValue> params);
  Status read_lines(Id tenant, std::vector<LedgerEntry>& entries);
  Result<std::vector<Fund>> read_funds(std::string_view where, std::vector<SqlValue> params);
  Result<std::vector<Pledge>> read_pledges(std::string_view where, std::vector<SqlValue> params);
  Result<std::vector<Disbursement>> read_disbursements(std::string_view where,
                                                       std::vector<SqlValue> params);
  Result<std::vector<BankStatementLine>> read_statement_lines(std::string_view where,
                                                              std::vector<SqlValue> params);
  Result<std::vector<DonationTotal>> year_totals(std::string_view select_key, std::string_view from,
                                                 Id tenant, int year);

  SqlConnection& connection_;
};

}  // namespace dk::store

namespace dk {
template <>
std::span<const CodeEntry<StatementLineStatus>> code_entries();
}  // namespace dk
