#pragma once
// Money into and between funds: donations recorded by the fund's officers (each with a receipt
// number), transfers between funds, and reversals of mistakes by a new entry that negates them.

#include <optional>
#include <string>
#include <vector>

#include "core/fund_records.hpp"
#include "core/ledger.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct PayerInput {
  PayerKind kind = PayerKind::person;
  std::optional<Id> person_id;
  std::optional<Id> unit_id;
  std::string name;  // an outside giver
};

struct DonationInput {
  Dong amount = 0;
  PaymentMethod method = PaymentMethod::cash;
  std::optional<CivilDate> received_on;  // none: today in Vietnam
  std::optional<PayerInput> payer;       // none: the pledge's giver, or an anonymous gift
  bool anonymous = false;                // shown as "ẩn danh" on the public statement
  std::optional<Id> pledge_id;
  std::string reference;
  std::string memo;
  std::optional<Id> statement_line_id;  // set by book_statement_line, which claims the line
};
Result<LedgerEntry> record_donation(Connection& connection, const Actor& actor, Id fund,
                                    const DonationInput& input);
// The fund's entries, oldest first (officers of the fund, administrators and leadership).
Result<std::vector<LedgerEntry>> list_entries(Connection& connection, const Actor& actor, Id fund);
Result<LedgerEntry> read_entry(Connection& connection, const Actor& actor, Id entry);

struct TransferInput {
  Id to_fund = 0;
  Dong amount = 0;
  PaymentMethod from_method = PaymentMethod::bank_transfer;
  PaymentMethod to_method = PaymentMethod::bank_transfer;
  std::optional<CivilDate> on;
  std::string memo;
};
Result<LedgerEntry> transfer_between_funds(Connection& connection, const Actor& actor, Id from_fund,
                                           const TransferInput& input);
// Undoes a donation, disbursement or transfer by a new entry that negates it.
Result<LedgerEntry> reverse_entry(Connection& connection, const Actor& actor, Id entry,
                                  const std::string& reason);

}  // namespace dk::service
