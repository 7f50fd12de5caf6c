#pragma once
// The records of a fund's books: ledger entries with their lines, pledges, disbursement
// requests, imported bank statements and their lines, and the year's donation totals.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/fund.hpp"
#include "core/ledger.hpp"

namespace dk {

// Who did something, as a person reads it.
struct AccountName {
  Id account_id = 0;
  std::string login;
  std::string full_name;
};

struct LedgerEntry {
  Id id = 0;
  Id tenant_id = 0;
  Id fund_id = 0;
  EntryKind kind = EntryKind::donation;
  CivilDate occurred_on;
  Dong amount = 0;
  std::optional<PaymentMethod> method;
  std::optional<PayerKind> payer_kind;
  std::optional<Id> person_id;
  std::optional<Id> unit_id;  // a person's department when they gave, or the giving department
  std::string payer_name;
  bool anonymous = false;
  std::string beneficiary;
  std::string memo;
  std::string reference;
  std::optional<Id> pledge_id;
  std::optional<Id> to_fund_id;
  std::optional<Id> reverses_id;
  std::optional<std::string> receipt_number;
  std::optional<Id> statement_line_id;
  std::optional<Id> disbursement_id;
  std::optional<Id> recorded_by;
  Instant recorded_at;
  std::optional<Id> approved_by;
  std::optional<Instant> approved_at;
  std::vector<LedgerLine> lines;
  // Read back only:
  std::optional<Id> reversed_by;
  AccountName recorder;
  std::optional<AccountName> approver;
};

struct Pledge {
  Id id = 0;
  Id tenant_id = 0;
  Id fund_id = 0;
  std::optional<Id> person_id;
  std::string payer_name;
  Dong amount = 0;
  CivilDate pledged_on;
  std::string note;
  std::optional<Id> created_by;
  bool cancelled = false;
  Dong outstanding = 0;  // read back: the sum of its receivable lines
  // A pledge is cancelled only while nothing of it is paid.
  Dong paid() const { return cancelled ? 0 : amount - outstanding; }
  PledgeStatus status() const {
    if (cancelled) return PledgeStatus::cancelled;
    return outstanding == 0 ? PledgeStatus::paid : PledgeStatus::open;
  }
};

struct Disbursement {
  Id id = 0;
  Id tenant_id = 0;
  Id fund_id = 0;
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  std::string beneficiary;
  std::string purpose;
  CivilDate paid_on;
  DisbursementStatus status = DisbursementStatus::pending;
  Id requested_by = 0;
  Instant requested_at;
  std::optional<Id> decided_by;
  std::optional<Instant> decided_at;
  std::string reason;
  std::optional<Id> transaction_id;
  // Read back only:
  std::string fund_name;
  AccountName requester;
  std::optional<AccountName> decider;
};

enum class StatementLineStatus { open, booked, ignored, money_out };
template <>
std::span<const CodeEntry<StatementLineStatus>> code_entries();

struct BankStatement {
  Id id = 0;
  std::string file_name;
  std::optional<Id> imported_by;
  Instant imported_at;
  std::int64_t lines = 0;
  std::int64_t new_lines = 0;
  std::int64_t open_lines = 0;  // read back
  AccountName importer;         // read back
};

struct BankStatementLine {
  Id id = 0;
  Id statement_id = 0;
  std::int64_t line_no = 0;
  CivilDate booked_on;
  Dong amount = 0;
  std::string reference;
  std::string counterparty;
  std::string bank_reference;
  std::string fingerprint;
  StatementLineStatus status = StatementLineStatus::open;
  std::optional<Id> transaction_id;
  std::string note;
};

// Donations of a year, summed by what a report groups them by.
struct DonationTotal {
  Id key = 0;  // fund, organization or unit id; 0 for "none" (outside givers)
  std::string name;
  Dong received = 0;
  Dong disbursed = 0;
};

}  // namespace dk
