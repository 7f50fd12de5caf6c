#pragma once
// The funds' double-entry ledger. Every movement of money is a transaction of lines that sum to
// zero (debits positive, credits negative), in integer đồng; nothing is edited or deleted — a
// mistake is undone by a reversal, a new transaction whose lines are the original's negated.
// Balances and totals are sums of lines, never stored beside them.
//
// Each fund keeps its own accounts. Money held: cash and bank (debit balances). Where it came
// from and went: donations, disbursements, transfers in and out (credit/debit balances). A pledge
// is a promise, not money: it moves only the memorandum pair pledges_receivable /
// pledges_promised, and the donation that pays it moves the pair back by what it settles.
//
//   donation      Dr cash|bank          Cr donations          (+ Dr promised, Cr receivable)
//   disbursement  Dr disbursements      Cr cash|bank
//   transfer F→G  Dr G.cash|bank        Cr F.cash|bank        Dr F.transfers_out  Cr G.transfers_in
//   pledge        Dr pledges_receivable Cr pledges_promised
//
// So every transaction balances within each fund too, and for every fund
//   cash + bank = donations − disbursements + transfers_in − transfers_out.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/fund.hpp"
#include "core/money.hpp"
#include "core/registry.hpp"

namespace dk {

enum class LedgerAccount {
  cash,
  bank,
  donations,
  disbursements,
  transfers_in,
  transfers_out,
  pledges_receivable,
  pledges_promised,
};

enum class EntryKind { pledge, donation, disbursement, transfer, reversal };

template <>
std::span<const CodeEntry<LedgerAccount>> code_entries();
template <>
std::span<const CodeEntry<EntryKind>> code_entries();

struct LedgerLine {
  Id fund_id = 0;
  LedgerAccount account = LedgerAccount::cash;
  Dong amount = 0;   // debit > 0, credit < 0
  Id pledge_id = 0;  // on the pledge accounts: which promise the line belongs to
};

// The lines of each kind of transaction. `amount` is positive and below kMaxAmount.
std::vector<LedgerLine> pledge_lines(Id fund, Id pledge, Dong amount);
// `settles` (0 … amount) is what the donation pays of the pledge `pledge`.
std::vector<LedgerLine> donation_lines(Id fund, PaymentMethod method, Dong amount, Id pledge = 0,
                                       Dong settles = 0);
std::vector<LedgerLine> disbursement_lines(Id fund, PaymentMethod method, Dong amount);
// Between two funds, or within one fund between cash and bank (a deposit or a withdrawal), which
// moves no money in or out of the fund.
std::vector<LedgerLine> transfer_lines(Id from_fund, PaymentMethod from_method, Id to_fund,
                                       PaymentMethod to_method, Dong amount);
std::vector<LedgerLine> reversal_lines(std::span<const LedgerLine> original);

// A transaction's lines are valid: at least two, none zero or out of range, summing to zero in
// total and within each fund.
Status validate_lines(std::span<const LedgerLine> lines);

// One fund's accounts, summed from its lines and shown as a person reads them positive.
struct FundBalance {
  Dong cash = 0;
  Dong bank = 0;
  Dong received = 0;  // donations
  Dong disbursed = 0;
  Dong transferred_in = 0;
  Dong transferred_out = 0;
  Dong pledged = 0;  // promised, net of cancellations but not of payments (set by the store)
  Dong pledge_outstanding = 0;  // promised and not yet paid
  Dong holdings() const { return cash + bank; }
  Dong net() const { return received - disbursed + transferred_in - transferred_out; }
  Dong held(PaymentMethod method) const { return method == PaymentMethod::cash ? cash : bank; }
};

// Adds a line to the balance of its fund (the caller passes only that fund's lines), checked:
// money.total_too_large when an account's total would leave the range of a Dong.
Status add_line(FundBalance& balance, const LedgerLine& line);

// A fund over a period, as a year-end report shows it: what it held at the start, what came in
// and went out, and what it held at the end, where closing = opening + received − disbursed +
// transferred_in − transferred_out. A standing fund carries its money from year to year, so a
// year without the opening balance would show more spent than received and a balance from nowhere.
struct FundMovement {
  Dong opening = 0;
  Dong received = 0;
  Dong disbursed = 0;
  Dong transferred_in = 0;
  Dong transferred_out = 0;
  Dong closing = 0;
  bool empty() const {
    return opening == 0 && received == 0 && disbursed == 0 && transferred_in == 0 &&
           transferred_out == 0 && closing == 0;
  }
};
// The movement between two balances of one fund: `start` summed from the lines before the period,
// `end` from the lines up to its last day. Checked: money.total_too_large should a difference
// leave the range (only a ledger written before the limit could), or ledger.unbalanced should
// the closing balance not follow from the rest (it always does for a balanced ledger).
Result<FundMovement> movement_between(const FundBalance& start, const FundBalance& end);

// A transaction as the trial balance reads it back from storage.
struct RecordedTransaction {
  Id id = 0;
  EntryKind kind = EntryKind::donation;
  Dong amount = 0;  // the amount on its face
  Id reverses = 0;
  std::vector<LedgerLine> lines;
};

struct LedgerProblem {
  std::string code;  // "ledger.unbalanced", "ledger.fund_unbalanced", "ledger.amount_mismatch",
                     // "ledger.overdrawn", "ledger.bad_reversal", "ledger.reversed_twice",
                     // "ledger.total_too_large", …
  Id transaction_id = 0;
  Id fund_id = 0;
  Text message;
};

struct TrialBalance {
  std::int64_t transactions = 0;
  std::int64_t lines = 0;
  Dong debits = 0;
  Dong credits = 0;  // as a positive number
  std::vector<LedgerProblem> problems;
  bool balanced() const { return problems.empty() && debits == credits; }
};

// Proves the ledger: every transaction and every fund within it balances, its face amount equals
// its lines, each reversal negates exactly one transaction that nothing else reverses, and no
// fund's cash or bank ever went below zero, taking the transactions in id order (the order they
// were recorded), and its sums stay within kMaxLedgerTotal (a ledger written before that limit,
// or by hand, may not: the check then says so rather than wrapping).
TrialBalance check_ledger(std::span<const RecordedTransaction> transactions);

// The face amount of a transaction as its lines give it: every builder above puts the line that
// carries it first (the money received or paid, the promise, the money leaving for a transfer).
Dong face_amount(std::span<const LedgerLine> lines);

}  // namespace dk
