#include "core/ledger.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>

namespace dk {
namespace {

RecordedTransaction recorded(Id id, EntryKind kind, std::vector<LedgerLine> lines,
                             Id reverses = 0) {
  const Dong amount = face_amount(lines);
  return {id, kind, amount, reverses, std::move(lines)};
}

Dong sum(std::span<const LedgerLine> lines) {
  Dong total = 0;
  for (const LedgerLine& line : lines) total += line.amount;
  return total;
}

FundBalance balance_of(std::span<const RecordedTransaction> ledger, Id fund) {
  FundBalance balance;
  for (const RecordedTransaction& transaction : ledger) {
    for (const LedgerLine& line : transaction.lines) {
      if (line.fund_id == fund) {
        EXPECT_TRUE(add_line(balance, line));
      }
    }
  }
  return balance;
}

TEST(Ledger, EveryBuilderBalancesWithinEachFund) {
  const std::vector<std::vector<LedgerLine>> built = {
      pledge_lines(1, 7, 500'000),
      donation_lines(1, PaymentMethod::cash, 2'800'000),
      donation_lines(1, PaymentMethod::bank_transfer, 500'000, 7, 300'000),
      disbursement_lines(1, PaymentMethod::bank_transfer, 15'000'000),
      transfer_lines(1, PaymentMethod::cash, 2, PaymentMethod::bank_transfer, 1'000'000),
      transfer_lines(1, PaymentMethod::cash, 1, PaymentMethod::bank_transfer, 1'000'000),
  };
  for (const auto& lines : built) {
    EXPECT_EQ(sum(lines), 0);
    EXPECT_TRUE(validate_lines(lines).has_value());
    EXPECT_TRUE(validate_lines(reversal_lines(lines)).has_value());
  }
}

TEST(Ledger, ADonationMovesMoneyAndSettlesItsPledge) {
  std::vector<RecordedTransaction> ledger{
      recorded(1, EntryKind::pledge, pledge_lines(1, 7, 500'000)),
      recorded(2, EntryKind::donation,
               donation_lines(1, PaymentMethod::bank_transfer, 500'000, 7, 500'000))};
  const FundBalance balance = balance_of(ledger, 1);
  EXPECT_EQ(balance.bank, 500'000);
  EXPECT_EQ(balance.received, 500'000);
  EXPECT_EQ(balance.pledge_outstanding, 0);  // promised and kept: nothing awaited
  EXPECT_TRUE(check_ledger(ledger).balanced());
}

TEST(Ledger, ATransferBetweenFundsKeepsEachFundsEquation) {
  std::vector<RecordedTransaction> ledger{
      recorded(1, EntryKind::donation, donation_lines(1, PaymentMethod::cash, 2'000'000)),
      recorded(2, EntryKind::transfer,
               transfer_lines(1, PaymentMethod::cash, 2, PaymentMethod::bank_transfer, 750'000))};
  const FundBalance from = balance_of(ledger, 1);
  const FundBalance to = balance_of(ledger, 2);
  EXPECT_EQ(from.holdings(), 1'250'000);
  EXPECT_EQ(from.transferred_out, 750'000);
  EXPECT_EQ(to.bank, 750'000);
  EXPECT_EQ(to.transferred_in, 750'000);
  EXPECT_EQ(from.holdings(), from.net());
  EXPECT_EQ(to.holdings(), to.net());
  EXPECT_EQ(face_amount(ledger[1].lines), 750'000);
  EXPECT_TRUE(check_ledger(ledger).balanced());
}

TEST(Ledger, RefusesZeroHugeAndLopsidedLines) {
  EXPECT_EQ(validate_lines(donation_lines(1, PaymentMethod::cash, 0)).error().code,
            "money.invalid");
  EXPECT_EQ(validate_lines(donation_lines(1, PaymentMethod::cash, kMaxAmount)).error().code,
            "money.invalid");
  std::vector<LedgerLine> lopsided = donation_lines(1, PaymentMethod::cash, 100'000);
  lopsided[1].amount = -99'999;
  EXPECT_EQ(validate_lines(lopsided).error().code, "ledger.unbalanced");
  // Balanced in total but not within each fund: money would appear in one fund from nowhere.
  std::vector<LedgerLine> across{{1, LedgerAccount::cash, 100'000, 0},
                                 {2, LedgerAccount::donations, -100'000, 0}};
  EXPECT_EQ(validate_lines(across).error().code, "ledger.unbalanced");
  EXPECT_EQ(validate_lines(std::vector<LedgerLine>{{1, LedgerAccount::cash, 1, 0}}).error().code,
            "ledger.too_few_lines");
}

bool has_problem(const TrialBalance& trial, std::string_view code) {
  return std::ranges::any_of(trial.problems,
                             [&](const LedgerProblem& problem) { return problem.code == code; });
}

TEST(TrialBalance, FindsTamperedLinesAndWrongFaceAmounts) {
  std::vector<RecordedTransaction> ledger{
      recorded(1, EntryKind::donation, donation_lines(1, PaymentMethod::cash, 2'340'000)),
      recorded(2, EntryKind::donation, donation_lines(1, PaymentMethod::cash, 2'160'000))};
  ASSERT_TRUE(check_ledger(ledger).balanced());
  ledger[0].lines[0].amount = 2'430'000;  // a digit swapped in one line
  TrialBalance tampered = check_ledger(ledger);
  EXPECT_FALSE(tampered.balanced());
  EXPECT_TRUE(has_problem(tampered, "ledger.unbalanced"));
  ledger[0].lines[0].amount = 2'340'000;
  ledger[1].amount = 2'100'000;  // the header says otherwise than its lines
  EXPECT_TRUE(has_problem(check_ledger(ledger), "ledger.amount_mismatch"));
}

TEST(TrialBalance, FindsBadAndDoubleReversals) {
  const auto gift = donation_lines(1, PaymentMethod::cash, 15'000'000);
  std::vector<RecordedTransaction> ledger{
      recorded(1, EntryKind::donation, gift),
      recorded(2, EntryKind::reversal, reversal_lines(gift), 1)};
  EXPECT_TRUE(check_ledger(ledger).balanced());
  EXPECT_EQ(balance_of(ledger, 1).received, 0);
  ledger.push_back(recorded(3, EntryKind::reversal, reversal_lines(gift), 1));
  // Also overdrawn: the second reversal takes out money that is no longer there.
  EXPECT_TRUE(has_problem(check_ledger(ledger), "ledger.reversed_twice"));
  ledger.pop_back();
  ledger.push_back(recorded(3, EntryKind::reversal,
                            reversal_lines(donation_lines(1, PaymentMethod::cash, 1'000'000)), 2));
  EXPECT_TRUE(has_problem(check_ledger(ledger), "ledger.bad_reversal"));
}

TEST(TrialBalance, FindsAFundThatWasOverdrawnAtSomePoint) {
  std::vector<RecordedTransaction> ledger{
      recorded(1, EntryKind::disbursement, disbursement_lines(1, PaymentMethod::cash, 500'000)),
      recorded(2, EntryKind::donation, donation_lines(1, PaymentMethod::cash, 500'000))};
  // Balanced at the end, but money left before it came in.
  TrialBalance trial = check_ledger(ledger);
  EXPECT_TRUE(has_problem(trial, "ledger.overdrawn"));
  EXPECT_EQ(trial.problems.front().transaction_id, 1);
}

// A model of what a treasurer may do, run at random: every operation the service would accept
// (nothing paid out beyond what a fund holds, a transaction reversed once, no reversal of a
// reversal), then the trial balance must hold and each fund's totals must equal the model's.
class LedgerModel {
 public:
  explicit LedgerModel(unsigned seed) : random_(seed) {}

  void run(int operations) {
    for (int i = 0; i < operations; ++i) step();
  }

  const std::vector<RecordedTransaction>& ledger() const { return ledger_; }
  Dong expected_received(Id fund) const { return at(received_, fund); }
  Dong expected_disbursed(Id fund) const { return at(disbursed_, fund); }
  Dong expected_holdings(Id fund) const { return at(cash_, fund) + at(bank_, fund); }
  Dong expected_outstanding(Id fund) const {
    Dong total = 0;
    for (const auto& [pledge, left] : outstanding_)
      if (pledge_fund_.at(pledge) == fund) total += left;
    return total;
  }

 private:
  static Dong at(const std::map<Id, Dong>& values, Id key) {
    auto found = values.find(key);
    return found == values.end() ? 0 : found->second;
  }
  Id any_fund() { return std::uniform_int_distribution<Id>(1, 3)(random_); }
  PaymentMethod any_method() {
    return std::bernoulli_distribution(0.5)(random_) ? PaymentMethod::cash
                                                     : PaymentMethod::bank_transfer;
  }
  // Amounts as people give them: round thousands mostly, now and then an odd đồng.
  Dong any_amount(Dong most = 20'000'000) {
    const Dong thousands = std::uniform_int_distribution<Dong>(1, most / 1000)(random_);
    return std::bernoulli_distribution(0.1)(random_) ? thousands * 1000 + 7 : thousands * 1000;
  }
  std::map<Id, Dong>& held(PaymentMethod method) {
    return method == PaymentMethod::cash ? cash_ : bank_;
  }

  // Applies lines to the model's books, as the ledger reads them.
  void apply(const std::vector<LedgerLine>& lines, Dong sign = 1) {
    for (const LedgerLine& line : lines) {
      const Dong amount = sign * line.amount;
      switch (line.account) {
        case LedgerAccount::cash:
          cash_[line.fund_id] += amount;
          break;
        case LedgerAccount::bank:
          bank_[line.fund_id] += amount;
          break;
        case LedgerAccount::donations:
          received_[line.fund_id] -= amount;
          break;
        case LedgerAccount::disbursements:
          disbursed_[line.fund_id] += amount;
          break;
        case LedgerAccount::pledges_receivable:
          outstanding_[line.pledge_id] += amount;
          break;
        default:
          break;
      }
    }
  }

  // Would these lines leave any fund's cash or bank below zero?
  bool overdraws(const std::vector<LedgerLine>& lines) {
    std::map<std::pair<Id, LedgerAccount>, Dong> change;
    for (const LedgerLine& line : lines)
      if (line.account == LedgerAccount::cash || line.account == LedgerAccount::bank)
        change[{line.fund_id, line.account}] += line.amount;
    for (const auto& [key, amount] : change) {
      const auto& books = key.second == LedgerAccount::cash ? cash_ : bank_;
      if (at(books, key.first) + amount < 0) return true;
    }
    return false;
  }

  void post(EntryKind kind, std::vector<LedgerLine> lines, Id reverses = 0) {
    ASSERT_TRUE(validate_lines(lines).has_value());
    apply(lines);
    ledger_.push_back(recorded(next_id_++, kind, std::move(lines), reverses));
  }

  void step() {
    switch (std::uniform_int_distribution<int>(0, 5)(random_)) {
      case 0: {  // a pledge
        const Id fund = any_fund();
        const Id pledge = next_pledge_++;
        pledge_fund_[pledge] = fund;
        post(EntryKind::pledge, pledge_lines(fund, pledge, any_amount(5'000'000)));
        return;
      }
      case 1: {  // a gift paying (part of) an open pledge
        for (const auto& [pledge, left] : outstanding_) {
          if (left <= 0) continue;
          const Dong amount = std::bernoulli_distribution(0.5)(random_) ? left : any_amount();
          post(EntryKind::donation, donation_lines(pledge_fund_[pledge], any_method(), amount,
                                                   pledge, std::min(left, amount)));
          return;
        }
        [[fallthrough]];
      }
      case 2:  // a gift
        post(EntryKind::donation, donation_lines(any_fund(), any_method(), any_amount()));
        return;
      case 3: {  // a payment, only out of what the fund holds
        const Id fund = any_fund();
        const PaymentMethod method = any_method();
        const Dong have = at(held(method), fund);
        if (have <= 0) return;
        post(EntryKind::disbursement,
             disbursement_lines(fund, method,
                                std::uniform_int_distribution<Dong>(1, have)(random_)));
        return;
      }
      case 4: {  // a transfer between funds or between cash and bank
        const Id from = any_fund();
        const PaymentMethod from_method = any_method();
        const Id to = any_fund();
        const PaymentMethod to_method = any_method();
        const Dong have = at(held(from_method), from);
        if (have <= 0 || (from == to && from_method == to_method)) return;
        post(EntryKind::transfer,
             transfer_lines(from, from_method, to, to_method,
                            std::uniform_int_distribution<Dong>(1, have)(random_)));
        return;
      }
      case 5: {  // a reversal of an earlier mistake, if it does not overdraw
        if (ledger_.empty()) return;
        const std::size_t index =
            std::uniform_int_distribution<std::size_t>(0, ledger_.size() - 1)(random_);
        const RecordedTransaction original = ledger_[index];
        if (original.kind == EntryKind::reversal || original.kind == EntryKind::pledge ||
            reversed_.contains(original.id))
          return;
        auto lines = reversal_lines(original.lines);
        if (overdraws(lines)) return;
        reversed_.insert(original.id);
        post(EntryKind::reversal, std::move(lines), original.id);
        return;
      }
    }
  }

  std::mt19937_64 random_;
  std::vector<RecordedTransaction> ledger_;
  std::map<Id, Dong> cash_, bank_, received_, disbursed_;
  std::map<Id, Dong> outstanding_;
  std::map<Id, Id> pledge_fund_;
  std::set<Id> reversed_;
  Id next_id_ = 1;
  Id next_pledge_ = 1;
};

TEST(LedgerProperty, AnySequenceOfValidOperationsBalances) {
  for (unsigned seed = 1; seed <= 300; ++seed) {
    LedgerModel model(seed);
    model.run(150);
    const TrialBalance trial = check_ledger(model.ledger());
    ASSERT_TRUE(trial.balanced()) << "seed " << seed << ": "
                                  << (trial.problems.empty() ? "debits differ from credits"
                                                             : trial.problems.front().message.en);
    EXPECT_EQ(trial.debits, trial.credits);
    for (Id fund = 1; fund <= 3; ++fund) {
      const FundBalance balance = balance_of(model.ledger(), fund);
      ASSERT_EQ(balance.received, model.expected_received(fund)) << "seed " << seed;
      ASSERT_EQ(balance.disbursed, model.expected_disbursed(fund)) << "seed " << seed;
      ASSERT_EQ(balance.holdings(), model.expected_holdings(fund)) << "seed " << seed;
      ASSERT_EQ(balance.pledge_outstanding, model.expected_outstanding(fund)) << "seed " << seed;
      ASSERT_GE(balance.cash, 0);
      ASSERT_GE(balance.bank, 0);
      ASSERT_EQ(balance.holdings(), balance.net());
    }
  }
}

TEST(LedgerProperty, AnyOneChangedLineIsFound) {
  LedgerModel model(42);
  model.run(200);
  std::vector<RecordedTransaction> ledger = model.ledger();
  ASSERT_TRUE(check_ledger(ledger).balanced());
  std::mt19937 random(7);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<RecordedTransaction> tampered = ledger;
    auto& transaction =
        tampered[std::uniform_int_distribution<std::size_t>(0, tampered.size() - 1)(random)];
    auto& line = transaction.lines[std::uniform_int_distribution<std::size_t>(
        0, transaction.lines.size() - 1)(random)];
    line.amount += std::bernoulli_distribution(0.5)(random) ? 1 : -1000;  // one đồng is enough
    EXPECT_FALSE(check_ledger(tampered).balanced()) << "transaction " << transaction.id;
  }
}

TEST(Ledger, ABalanceRefusesToWrapPastTheRangeOfADong) {
  constexpr Dong kLargest = std::numeric_limits<Dong>::max();
  FundBalance balance;
  EXPECT_TRUE(add_line(balance, {1, LedgerAccount::cash, kLargest - 10, 0}));
  const Status wrapped = add_line(balance, {1, LedgerAccount::cash, 11, 0});
  ASSERT_FALSE(wrapped);
  EXPECT_EQ(wrapped.error().code, "money.total_too_large");
  EXPECT_EQ(balance.cash, kLargest - 10);
  // A credit of the most negative Dong has no positive reading.
  EXPECT_FALSE(
      add_line(balance, {1, LedgerAccount::donations, std::numeric_limits<Dong>::min(), 0}));
}

TEST(TrialBalance, SaysSoWhenTheLedgersSumsPassTheRange) {
  // Written by hand or before the limit: ten lines of 10^18 đ, whose sum passes 2^63.
  std::vector<RecordedTransaction> ledger;
  for (Id id = 1; id <= 10; ++id) {
    ledger.push_back({id,
                      EntryKind::donation,
                      1'000'000'000'000'000'000,
                      0,
                      {{1, LedgerAccount::cash, 1'000'000'000'000'000'000, 0},
                       {1, LedgerAccount::donations, -1'000'000'000'000'000'000, 0}}});
  }
  const TrialBalance trial = check_ledger(ledger);
  EXPECT_FALSE(trial.balanced());
  ASSERT_FALSE(trial.problems.empty());
  EXPECT_EQ(trial.problems.back().code, "ledger.total_too_large");
  EXPECT_EQ(trial.problems.back().transaction_id, 1) << "each amount is past kMaxAmount already";
  EXPECT_GE(trial.debits, 0) << "no total wrapped to a negative";
}

}  // namespace
}  // namespace dk
