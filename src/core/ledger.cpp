#include "core/ledger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace dk {
namespace {

constexpr CodeEntry<LedgerAccount> kAccounts[] = {
    {LedgerAccount::cash, "cash", "Tiền mặt", "Cash", "tien mat"},
    {LedgerAccount::bank, "bank", "Tiền gửi ngân hàng", "Bank", "ngan hang"},
    {LedgerAccount::donations, "donations", "Tiền ủng hộ nhận được", "Donations received",
     "ung ho"},
    {LedgerAccount::disbursements, "disbursements", "Đã chi", "Disbursed", "chi"},
    {LedgerAccount::transfers_in, "transfers_in", "Chuyển từ quỹ khác", "Transfers in",
     "chuyen den"},
    {LedgerAccount::transfers_out, "transfers_out", "Chuyển sang quỹ khác", "Transfers out",
     "chuyen di"},
    {LedgerAccount::pledges_receivable, "pledges_receivable", "Cam kết chưa nộp",
     "Pledges awaiting payment", "cam ket chua nop"},
    {LedgerAccount::pledges_promised, "pledges_promised", "Cam kết ủng hộ", "Pledges", "cam ket"},
};
constexpr CodeEntry<EntryKind> kEntryKinds[] = {
    {EntryKind::pledge, "pledge", "Đăng ký ủng hộ", "Pledge", "dang ky|cam ket"},
    {EntryKind::donation, "donation", "Thu ủng hộ", "Donation", "thu|ung ho"},
    {EntryKind::disbursement, "disbursement", "Chi hỗ trợ", "Disbursement", "chi"},
    {EntryKind::transfer, "transfer", "Chuyển quỹ", "Transfer", "chuyen quy"},
    {EntryKind::reversal, "reversal", "Bút toán đảo", "Reversal", "dao|huy"},
};

LedgerAccount holding(PaymentMethod method) {
  return method == PaymentMethod::cash ? LedgerAccount::cash : LedgerAccount::bank;
}

LedgerProblem problem(std::string code, Id transaction, Id fund, std::string vi, std::string en) {
  return {std::move(code), transaction, fund, Text{std::move(vi), std::move(en)}};
}

}  // namespace

template <>
std::span<const CodeEntry<LedgerAccount>> code_entries() {
  return kAccounts;
}
template <>
std::span<const CodeEntry<EntryKind>> code_entries() {
  return kEntryKinds;
}

std::vector<LedgerLine> pledge_lines(Id fund, Id pledge, Dong amount) {
  return {{fund, LedgerAccount::pledges_receivable, amount, pledge},
          {fund, LedgerAccount::pledges_promised, -amount, pledge}};
}

std::vector<LedgerLine> donation_lines(Id fund, PaymentMethod method, Dong amount, Id pledge,
                                       Dong settles) {
  std::vector<LedgerLine> lines{{fund, holding(method), amount, 0},
                                {fund, LedgerAccount::donations, -amount, 0}};
  if (pledge != 0 && settles > 0) {
    lines.push_back({fund, LedgerAccount::pledges_promised, settles, pledge});
    lines.push_back({fund, LedgerAccount::pledges_receivable, -settles, pledge});
  }
  return lines;
}

std::vector<LedgerLine> disbursement_lines(Id fund, PaymentMethod method, Dong amount) {
  return {{fund, LedgerAccount::disbursements, amount, 0}, {fund, holding(method), -amount, 0}};
}

std::vector<LedgerLine> transfer_lines(Id from_fund, PaymentMethod from_method, Id to_fund,
                                       PaymentMethod to_method, Dong amount) {
  std::vector<LedgerLine> lines{{from_fund, holding(from_method), -amount, 0},
                                {to_fund, holding(to_method), amount, 0}};
  if (from_fund != to_fund) {
    lines.push_back({from_fund, LedgerAccount::transfers_out, amount, 0});
    lines.push_back({to_fund, LedgerAccount::transfers_in, -amount, 0});
  }
  return lines;
}

std::vector<LedgerLine> reversal_lines(std::span<const LedgerLine> original) {
  std::vector<LedgerLine> lines(original.begin(), original.end());
  for (LedgerLine& line : lines) line.amount = -line.amount;
  return lines;
}

Dong face_amount(std::span<const LedgerLine> lines) {
  if (lines.empty()) return 0;
  return lines.front().amount < 0 ? -lines.front().amount : lines.front().amount;
}

Status validate_lines(std::span<const LedgerLine> lines) {
  if (lines.size() < 2) {
    return fail(ErrorKind::internal, "ledger.too_few_lines", "Bút toán phải có ít nhất hai dòng.",
                "A transaction needs at least two lines.");
  }
  std::map<Id, Dong> per_fund;
  for (const LedgerLine& line : lines) {
    if (line.amount == 0 || line.amount >= kMaxAmount || line.amount <= -kMaxAmount) {
      return fail(ErrorKind::invalid_input, "money.invalid",
                  "Số tiền phải lớn hơn 0 và nhỏ hơn một triệu tỷ đồng.",
                  "The amount must be more than 0 and less than 10^15 đồng.",
                  Location{0, "amount"});
    }
    // Each line is below 10^15 and a transaction has a handful: the sums cannot overflow.
    per_fund[line.fund_id] += line.amount;
  }
  for (const auto& [fund, sum] : per_fund) {
    if (sum != 0) {
      return fail(
          ErrorKind::internal, "ledger.unbalanced",
          fmt::format("Bút toán không cân trong quỹ {}: lệch {}.", fund, sum),
          fmt::format("The transaction does not balance in fund {}: off by {}.", fund, sum));
    }
  }
  return {};
}

Status add_line(FundBalance& balance, const LedgerLine& line) {
  // Credit accounts read positive: their total moves by the line's negation (checked too, since
  // the most negative Dong has no negation).
  const auto credit = [&line](Dong& total) -> Status {
    if (line.amount == std::numeric_limits<Dong>::min()) return std::unexpected(total_too_large());
    return add_to(total, -line.amount);
  };
  switch (line.account) {
    case LedgerAccount::cash:
      return add_to(balance.cash, line.amount);
    case LedgerAccount::bank:
      return add_to(balance.bank, line.amount);
    case LedgerAccount::donations:
      return credit(balance.received);
    case LedgerAccount::disbursements:
      return add_to(balance.disbursed, line.amount);
    case LedgerAccount::transfers_in:
      return credit(balance.transferred_in);
    case LedgerAccount::transfers_out:
      return add_to(balance.transferred_out, line.amount);
    case LedgerAccount::pledges_receivable:
      return add_to(balance.pledge_outstanding, line.amount);
    case LedgerAccount::pledges_promised:
      // The promised side mirrors the receivable one. What was pledged in all — net of
      // cancellations, not of payments — is read from the pledge entries (FundStore::balances):
      // the lines alone cannot tell a payment from a cancellation.
      return {};
  }
  return {};
}

namespace {

// later − earlier, checked.
Result<Dong> difference(Dong later, Dong earlier) {
  Dong result = 0;
  if (__builtin_sub_overflow(later, earlier, &result)) return std::unexpected(total_too_large());
  return result;
}

}  // namespace

Result<FundMovement> movement_between(const FundBalance& start, const FundBalance& end) {
  FundMovement movement;
  movement.opening = start.cash;
  TRY(add_to(movement.opening, start.bank));
  movement.closing = end.cash;
  TRY(add_to(movement.closing, end.bank));
  movement.received = TRY(difference(end.received, start.received));
  movement.disbursed = TRY(difference(end.disbursed, start.disbursed));
  movement.transferred_in = TRY(difference(end.transferred_in, start.transferred_in));
  movement.transferred_out = TRY(difference(end.transferred_out, start.transferred_out));
  // The report's rows must add up: derive the closing balance from the rest and compare.
  Dong derived = movement.opening;
  TRY(add_to(derived, movement.received));
  TRY(add_to(derived, movement.transferred_in));
  derived = TRY(difference(derived, movement.disbursed));
  derived = TRY(difference(derived, movement.transferred_out));
  if (derived != movement.closing) {
    return std::unexpected(Error{
        ErrorKind::internal,
        "ledger.unbalanced",
        Text{fmt::format("Số dư cuối kỳ {} không khớp với đầu kỳ và phát sinh ({}).",
                         format_dong(movement.closing), format_dong(derived)),
             fmt::format("The closing balance {} does not follow from the opening balance and "
                         "the movements ({}).",
                         format_dong(movement.closing), format_dong(derived))},
        {}});
  }
  return movement;
}

TrialBalance check_ledger(std::span<const RecordedTransaction> transactions) {
  TrialBalance result;
  std::map<Id, const RecordedTransaction*> by_id;
  for (const RecordedTransaction& transaction : transactions) by_id[transaction.id] = &transaction;

  std::map<Id, FundBalance> balances;
  std::set<Id> reversed;
  for (const auto& [id, transaction] : by_id) {
    ++result.transactions;
    Dong sum = 0;
    std::map<Id, Dong> per_fund;
    bool in_range = true;
    for (const LedgerLine& line : transaction->lines) {
      ++result.lines;
      // An amount out of its own range is checked first: only then is its negation defined.
      in_range = in_range && line.amount > -kMaxAmount && line.amount < kMaxAmount &&
                 add_to(sum, line.amount) && add_to(per_fund[line.fund_id], line.amount) &&
                 add_to(line.amount > 0 ? result.debits : result.credits,
                        line.amount > 0 ? line.amount : -line.amount) &&
                 add_line(balances[line.fund_id], line);
    }
    if (!in_range) {
      // The sums past this point would be wrong; what the ledger holds is not trusted further.
      result.problems.push_back(problem(
          "ledger.total_too_large", id, 0,
          fmt::format("Tại bút toán {}, một số tiền hoặc một tổng vượt quá giới hạn sổ quỹ ({}).",
                      id, format_dong(kMaxLedgerTotal)),
          fmt::format("At transaction {}, an amount or a total passes the ledger's limit ({}).", id,
                      format_dong(kMaxLedgerTotal))));
      return result;
    }
    if (transaction->lines.size() < 2 || sum != 0) {
      result.problems.push_back(
          problem("ledger.unbalanced", id, 0,
                  fmt::format("Bút toán {} không cân: tổng các dòng là {}.", id, sum),
                  fmt::format("Transaction {} does not balance: its lines sum to {}.", id, sum)));
    }
    for (const auto& [fund, fund_sum] : per_fund) {
      if (fund_sum != 0 && sum == 0) {
        result.problems.push_back(
            problem("ledger.fund_unbalanced", id, fund,
                    fmt::format("Bút toán {} không cân trong quỹ {}.", id, fund),
                    fmt::format("Transaction {} does not balance within fund {}.", id, fund)));
      }
    }
    if (face_amount(transaction->lines) != transaction->amount) {
      result.problems.push_back(
          problem("ledger.amount_mismatch", id, 0,
                  fmt::format("Bút toán {} ghi {} nhưng các dòng cho {}.", id, transaction->amount,
                              face_amount(transaction->lines)),
                  fmt::format("Transaction {} says {} but its lines give {}.", id,
                              transaction->amount, face_amount(transaction->lines))));
    }
    if (transaction->kind == EntryKind::reversal) {
      auto original = by_id.find(transaction->reverses);
      const bool negates =
          original != by_id.end() && original->second->id < id &&
          std::ranges::equal(reversal_lines(original->second->lines), transaction->lines,
                             [](const LedgerLine& a, const LedgerLine& b) {
                               return a.fund_id == b.fund_id && a.account == b.account &&
                                      a.amount == b.amount && a.pledge_id == b.pledge_id;
                             });
      if (!negates) {
        result.problems.push_back(problem(
            "ledger.bad_reversal", id, 0,
            fmt::format("Bút toán đảo {} không đảo đúng bút toán {}.", id, transaction->reverses),
            fmt::format("Reversal {} does not negate transaction {}.", id, transaction->reverses)));
      } else if (!reversed.insert(transaction->reverses).second) {
        result.problems.push_back(
            problem("ledger.reversed_twice", id, 0,
                    fmt::format("Bút toán {} bị đảo hai lần.", transaction->reverses),
                    fmt::format("Transaction {} is reversed twice.", transaction->reverses)));
      }
    }
    // In id order: a fund never paid out money it did not have at that moment.
    for (const auto& [fund, fund_sum] : per_fund) {
      const FundBalance& balance = balances[fund];
      if (balance.cash < 0 || balance.bank < 0) {
        result.problems.push_back(
            problem("ledger.overdrawn", id, fund,
                    fmt::format("Sau bút toán {}, quỹ {} bị âm (tiền mặt {}, ngân hàng {}).", id,
                                fund, balance.cash, balance.bank),
                    fmt::format("After transaction {}, fund {} is overdrawn (cash {}, bank {}).",
                                id, fund, balance.cash, balance.bank)));
      }
    }
  }
  for (const auto& [fund, balance] : balances) {
    if (balance.holdings() != balance.net()) {
      result.problems.push_back(
          problem("ledger.fund_mismatch", 0, fund,
                  fmt::format("Quỹ {}: tiền đang giữ {} khác thu − chi {}.", fund,
                              balance.holdings(), balance.net()),
                  fmt::format("Fund {}: money held {} differs from in − out {}.", fund,
                              balance.holdings(), balance.net())));
    }
  }
  return result;
}

}  // namespace dk
