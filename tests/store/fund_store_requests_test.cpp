// The fund store's contract on SQLite and PostgreSQL, for what waits on the ledger: pledges whose
// outstanding part is what their lines still await, disbursement requests decided once, and bank
// statement lines kept once however often a statement is imported.
#include <gtest/gtest.h>

#include "store/fund_store.hpp"
#include "support/fund_store_fixture.hpp"

namespace dk::store {
namespace {

class FundRequestsTest : public testing::FundStoreFixture {
 protected:
  void seed() override {
    FundStoreFixture::seed();
    fund_ = create_fund(fund_of("Tết vì người nghèo", {trade_union_}));
    giver_ = add_person("Trần Văn Đức");
  }

  Pledge pledge(Dong amount, std::optional<Id> person) {
    Pledge promise;
    promise.tenant_id = tenant_;
    promise.fund_id = fund_;
    promise.person_id = person;
    promise.payer_name = person ? "Trần Văn Đức" : "Công ty Hòa Bình";
    promise.amount = amount;
    promise.pledged_on = today_;
    promise.note = "Nộp dần trong tháng";
    promise.created_by = officer_;
    auto created = FundStore(*connection_).create_pledge(promise, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    if (!created) return promise;
    LedgerEntry entry_of_promise =
        entry(EntryKind::pledge, fund_, amount, pledge_lines(fund_, created->id, amount));
    entry_of_promise.pledge_id = created->id;
    post(entry_of_promise);
    return *created;
  }

  // A gift that pays `settles` of the pledge.
  Id pay(const Pledge& pledge, Dong amount, Dong settles) {
    LedgerEntry gift =
        entry(EntryKind::donation, fund_, amount,
              donation_lines(fund_, PaymentMethod::cash, amount, pledge.id, settles));
    gift.pledge_id = pledge.id;
    return post(gift);
  }

  Pledge reread(const Pledge& pledge) {
    return FundStore(*connection_).find_pledge(tenant_, pledge.id).value().value();
  }

  Disbursement request(Dong amount, Id fund) {
    Disbursement asked;
    asked.tenant_id = tenant_;
    asked.fund_id = fund;
    asked.amount = amount;
    asked.method = PaymentMethod::bank_transfer;
    asked.beneficiary = "Gia đình chị Trần Thị Lụa";
    asked.purpose = "Hỗ trợ sửa nhà sau bão";
    asked.paid_on = today_;
    asked.requested_by = officer_;
    asked.requested_at = now_;
    auto created = FundStore(*connection_).create_disbursement(asked);
    EXPECT_TRUE(created) << created.error().message.en;
    return created.value_or(asked);
  }

  BankStatementLine line(Id statement, std::int64_t line_no, Dong amount,
                         const std::string& bank_reference, const std::string& fingerprint) const {
    BankStatementLine read;
    read.statement_id = statement;
    read.line_no = line_no;
    read.booked_on = today_;
    read.amount = amount;
    read.reference = "UNG HO TET VI NGUOI NGHEO";
    read.counterparty = "NGUYEN THI ANH";
    read.bank_reference = bank_reference;
    read.fingerprint = fingerprint;
    return read;
  }

  Id fund_ = 0;
  Id giver_ = 0;
};

TEST_P(FundRequestsTest, APledgeAwaitsWhatItsLinesHaveNotYetSettled) {
  const Pledge promise = pledge(1'000'000, giver_);
  Pledge read = reread(promise);
  EXPECT_EQ(read.payer_name, "Trần Văn Đức");
  EXPECT_EQ(read.person_id, giver_);
  EXPECT_EQ(read.note, "Nộp dần trong tháng");
  EXPECT_EQ(read.pledged_on, today_);
  EXPECT_EQ(read.outstanding, 1'000'000);
  EXPECT_EQ(read.status(), PledgeStatus::open);

  pay(promise, 400'000, 400'000);
  read = reread(promise);
  EXPECT_EQ(read.outstanding, 600'000);
  EXPECT_EQ(read.paid(), 400'000);
  pay(promise, 700'000, 600'000);  // more than promised: the rest is a plain gift
  read = reread(promise);
  EXPECT_EQ(read.outstanding, 0);
  EXPECT_EQ(read.status(), PledgeStatus::paid);

  FundStore funds(*connection_);
  const Pledge outside = pledge(300'000, std::nullopt);
  EXPECT_EQ(funds.pledges(tenant_, fund_, std::nullopt).value().size(), 2u);
  auto of_giver = funds.pledges(tenant_, fund_, giver_).value();
  ASSERT_EQ(of_giver.size(), 1u);
  EXPECT_EQ(of_giver.front().id, promise.id);
  auto recorded = funds.pledge_entry(tenant_, outside.id).value();
  ASSERT_TRUE(recorded);
  EXPECT_EQ(recorded->kind, EntryKind::pledge);
  EXPECT_EQ(recorded->amount, 300'000);
  EXPECT_TRUE(funds.pledges_off_ledger(tenant_).value().empty());
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(funds.find_pledge(other_agency, promise.id).value());
}

TEST_P(FundRequestsTest, APledgeIsCancelledOnceAndItsPromiseMustLeaveTheLedger) {
  const Pledge promise = pledge(500'000, giver_);
  FundStore funds(*connection_);
  ASSERT_TRUE(funds.cancel_pledge(tenant_, promise.id, now_));
  EXPECT_TRUE(reread(promise).cancelled);
  EXPECT_EQ(reread(promise).status(), PledgeStatus::cancelled);
  auto again = funds.cancel_pledge(tenant_, promise.id, now_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "funds.not_found");
  // Cancelled while its promise still stands on the ledger: the books do not agree.
  EXPECT_EQ(funds.pledges_off_ledger(tenant_).value(), std::vector<Id>{promise.id});
  const LedgerEntry original = funds.pledge_entry(tenant_, promise.id).value().value();
  LedgerEntry undo = entry(EntryKind::reversal, fund_, 500'000, reversal_lines(original.lines));
  undo.reverses_id = original.id;
  post(undo);
  EXPECT_TRUE(funds.pledges_off_ledger(tenant_).value().empty());
  EXPECT_EQ(reread(promise).outstanding, 0);
}

TEST_P(FundRequestsTest, ARequestIsDecidedOnceAndOnlyPendingOnesWait) {
  const Id welfare = create_fund(fund_of("Quỹ tương trợ", {trade_union_}, FundKind::standing));
  const Disbursement first = request(2'000'000, fund_);
  const Disbursement second = request(500'000, fund_);
  const Disbursement third = request(300'000, welfare);
  FundStore funds(*connection_);

  const Disbursement read = funds.find_disbursement(tenant_, first.id).value().value();
  EXPECT_EQ(read.status, DisbursementStatus::pending);
  EXPECT_EQ(read.beneficiary, "Gia đình chị Trần Thị Lụa");
  EXPECT_EQ(read.purpose, "Hỗ trợ sửa nhà sau bão");
  EXPECT_EQ(read.fund_name, "Tết vì người nghèo");
  EXPECT_EQ(read.requester.full_name, "Nguyễn Thị Ánh");
  EXPECT_FALSE(read.decider);
  auto pending = funds.pending_disbursements(tenant_).value();
  EXPECT_EQ(pending.at(fund_), 2'500'000);
  EXPECT_EQ(pending.at(welfare), 300'000);

  const Id approver = add_account(add_person("Lê Văn Bình"), "binh.lv");
  EXPECT_TRUE(funds
                  .decide_disbursement(tenant_, first.id, DisbursementStatus::approved, approver,
                                       "", std::nullopt, now_)
                  .value());
  EXPECT_FALSE(funds
                   .decide_disbursement(tenant_, first.id, DisbursementStatus::rejected, approver,
                                        "Trùng", std::nullopt, now_)
                   .value())
      << "decided already";
  EXPECT_TRUE(funds
                  .decide_disbursement(tenant_, third.id, DisbursementStatus::rejected, approver,
                                       "Chưa đủ hồ sơ", std::nullopt, now_)
                  .value());
  const Disbursement approved = funds.find_disbursement(tenant_, first.id).value().value();
  EXPECT_EQ(approved.status, DisbursementStatus::approved);
  ASSERT_TRUE(approved.decider);
  EXPECT_EQ(approved.decider->login, "binh.lv");
  EXPECT_EQ(approved.decided_at, now_);
  EXPECT_EQ(funds.pending_disbursements(tenant_).value(), (std::map<Id, Dong>{{fund_, 500'000}}));

  auto ids = [&](std::optional<DisbursementStatus> status, std::optional<Id> fund) {
    std::vector<Id> found;
    const auto listed = funds.disbursements(tenant_, status, fund).value();
    for (const Disbursement& d : listed) found.push_back(d.id);
    return found;
  };
  EXPECT_EQ(ids(std::nullopt, std::nullopt), (std::vector<Id>{third.id, second.id, first.id}))
      << "newest first";
  EXPECT_EQ(ids(DisbursementStatus::pending, std::nullopt), std::vector<Id>{second.id});
  EXPECT_EQ(ids(std::nullopt, welfare), std::vector<Id>{third.id});

  // Approved without its payment on the ledger: the books do not agree until it is posted.
  EXPECT_EQ(funds.approvals_without_payment(tenant_).value(), std::vector<Id>{first.id});
  donate(fund_, 5'000'000, PaymentMethod::bank_transfer);
  LedgerEntry payment = entry(EntryKind::disbursement, fund_, 2'000'000,
                              disbursement_lines(fund_, PaymentMethod::bank_transfer, 2'000'000));
  payment.disbursement_id = first.id;
  post(payment);
  EXPECT_TRUE(funds.approvals_without_payment(tenant_).value().empty());
  auto paid_twice = funds.post(payment);
  ASSERT_FALSE(paid_twice) << "a request is paid once";
  EXPECT_EQ(paid_twice.error().code, "store.duplicate");
}

TEST_P(FundRequestsTest, AStatementLineIsKeptOnceHoweverOftenItIsImported) {
  FundStore funds(*connection_);
  const BankStatement statement =
      funds.create_statement(tenant_, "Sao kê tháng 11.xlsx", officer_, now_).value();
  EXPECT_TRUE(
      funds.add_statement_line(tenant_, line(statement.id, 2, 500'000, "FT001", "fp-1")).value());
  EXPECT_TRUE(
      funds.add_statement_line(tenant_, line(statement.id, 1, 200'000, "", "fp-2")).value());
  // The same fingerprint, or the bank's number with the same date and amount, is a line known.
  EXPECT_FALSE(
      funds.add_statement_line(tenant_, line(statement.id, 3, 500'000, "", "fp-1")).value());
  EXPECT_FALSE(
      funds.add_statement_line(tenant_, line(statement.id, 4, 500'000, "FT001", "fp-3")).value());
  // The bank's number on another amount (its fee, say) is another line.
  EXPECT_TRUE(
      funds.add_statement_line(tenant_, line(statement.id, 5, -11'000, "FT001", "fp-4")).value());
  ASSERT_TRUE(funds.set_statement_counts(tenant_, statement.id, 5, 3));

  auto lines = funds.statement_lines(tenant_, statement.id).value();
  std::vector<std::int64_t> numbers;
  for (const BankStatementLine& read : lines) numbers.push_back(read.line_no);
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 2, 5}));
  EXPECT_EQ(lines[0].reference, "UNG HO TET VI NGUOI NGHEO");
  EXPECT_EQ(lines[0].status, StatementLineStatus::open);

  const Id gift = donate(fund_, 500'000, PaymentMethod::bank_transfer);
  EXPECT_TRUE(funds
                  .set_line_status(tenant_, lines[1].id, StatementLineStatus::open,
                                   StatementLineStatus::booked, gift, "Ghi nhận ủng hộ")
                  .value());
  EXPECT_FALSE(funds
                   .set_line_status(tenant_, lines[1].id, StatementLineStatus::open,
                                    StatementLineStatus::ignored, std::nullopt, "")
                   .value())
      << "booked meanwhile";
  const BankStatementLine booked = funds.find_statement_line(tenant_, lines[1].id).value().value();
  EXPECT_EQ(booked.status, StatementLineStatus::booked);
  EXPECT_EQ(booked.transaction_id, gift);
  EXPECT_EQ(booked.note, "Ghi nhận ủng hộ");

  auto statements = funds.statements(tenant_).value();
  ASSERT_EQ(statements.size(), 1u);
  EXPECT_EQ(statements[0].file_name, "Sao kê tháng 11.xlsx");
  EXPECT_EQ(statements[0].lines, 5);
  EXPECT_EQ(statements[0].new_lines, 3);
  EXPECT_EQ(statements[0].open_lines, 2);
  EXPECT_EQ(statements[0].importer.login, "anh.nt");
  EXPECT_EQ(statements[0].imported_at, now_);

  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_TRUE(funds.statements(other_agency).value().empty());
  const BankStatement theirs = funds.create_statement(other_agency, "", std::nullopt, now_).value();
  EXPECT_TRUE(
      funds.add_statement_line(other_agency, line(theirs.id, 1, 500'000, "FT001", "fp-1")).value())
      << "another agency's account is another account";
}

INSTANTIATE_TEST_SUITE_P(Engines, FundRequestsTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
