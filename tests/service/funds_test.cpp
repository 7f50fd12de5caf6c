// Funds' use cases as the adapters call them, on SQLite and PostgreSQL: funds opened and changed
// by their organizers' officers, donations with receipt numbers whose totals are their sum,
// transfers between funds the officer runs, reversals once and with a reason — each audited, and
// refused to those who do not run the fund. Pledges and disbursements: fund_requests_test.cpp.
#include "service/funds.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "service/disbursements.hpp"
#include "service/donations.hpp"
#include "service/funds_report.hpp"
#include "support/fund_service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class FundsTest : public dk::testing::FundServiceTest {
 protected:
  Fund campaign(const std::string& name, Id organizer) const {
    Fund fund;
    fund.kind = FundKind::campaign;
    fund.name = name;
    fund.beneficiary = "Đồng bào bị lũ lụt miền Trung";
    fund.target = 50'000'000;
    fund.starts_on = vietnam_date(now_);
    fund.ends_on = add_days(fund.starts_on, 30);
    fund.organization_ids = {organizer};
    return fund;
  }
};

TEST_P(FundsTest, AnOrganizersOfficerOpensAFundThatEveryoneReads) {
  for (const Actor& actor : {member(), officer_of(youth_union_)}) {
    EXPECT_EQ(error_code(create_fund(*connection_, actor, campaign("Áo ấm", trade_union_))),
              "access.forbidden");
  }
  auto opened = create_fund(*connection_, treasurer(),
                            campaign("  Ủng hộ   đồng bào miền Trung ", trade_union_));
  ASSERT_TRUE(opened) << opened.error().message.en;
  EXPECT_EQ(opened->fund.name, "Ủng hộ đồng bào miền Trung");
  EXPECT_EQ(opened->fund.status, FundStatus::open);
  EXPECT_TRUE(opened->manageable);
  ASSERT_EQ(opened->organizations.size(), 1u);
  EXPECT_EQ(opened->organizations.front().name, "Công đoàn cơ sở");
  EXPECT_EQ(opened->totals.balance.holdings(), 0);
  EXPECT_EQ(last_audit(), "create fund 8 192.0.2.1");

  Fund endless = campaign("Quỹ khuyến học", trade_union_);
  endless.kind = FundKind::standing;
  EXPECT_EQ(error_code(create_fund(*connection_, treasurer(), endless)),
            "funds.standing_has_no_end");
  EXPECT_EQ(error_code(create_fund(*connection_, administrator(), campaign("Lạ", 424242))),
            "organization.not_found");

  auto listed = list_funds(*connection_, member(), std::nullopt, std::nullopt);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u);
  for (const FundRecord& record : *listed) EXPECT_FALSE(record.manageable);
  EXPECT_EQ(list_funds(*connection_, member(), FundStatus::open, youth_union_).value().size(), 0u);
  EXPECT_EQ(error_code(read_fund(*connection_, member(), 424242)), "funds.not_found");
}

TEST_P(FundsTest, OnlyItsOfficersChangeAFundAndAStandingFundNeverCloses) {
  const Id id = create_fund(*connection_, treasurer(), campaign("Áo ấm cho em", trade_union_))
                    .value()
                    .fund.id;
  FundChanges close;
  close.status = FundStatus::closed;
  for (const Actor& actor : {member(), officer_of(youth_union_)})
    EXPECT_EQ(error_code(update_fund(*connection_, actor, id, close)), "access.forbidden");
  EXPECT_EQ(error_code(update_fund(*connection_, treasurer(), welfare_, close)),
            "funds.standing_never_closes");

  auto closed = update_fund(*connection_, treasurer(), id, close);
  ASSERT_TRUE(closed) << closed.error().message.en;
  EXPECT_EQ(closed->fund.status, FundStatus::closed);
  EXPECT_EQ(last_audit(), "update fund 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), R"({"status":"closed"})");
  EXPECT_EQ(error_code(record_donation(*connection_, treasurer(), id, gift(100'000))),
            "funds.closed");
}

TEST_P(FundsTest, TheYearReportCarriesAStandingFundsMoneyFromTheYearBefore) {
  // The issue's case: the welfare fund received 8.000.000 đ last year and pays 5.000.000 đ this
  // year. Without the opening balance the year read "0 received, 5.000.000 spent, 3.000.000 held".
  const int year = vietnam_date(now_).year;
  DonationInput last_year = gift(8'000'000);
  last_year.received_on = CivilDate{year - 1, 12, 20};
  ASSERT_TRUE(record_donation(*connection_, treasurer(), welfare_, last_year));
  DisbursementInput paid;
  paid.amount = 5'000'000;
  paid.beneficiary = "Chị Lê Thị Hoa";
  paid.purpose = "Thăm hỏi ốm đau";
  const Id request =
      request_disbursement(*connection_, treasurer(), welfare_, paid).value().request.id;
  ASSERT_TRUE(approve_disbursement(*connection_, deputy(), request));
  const Id campaign_id =
      create_fund(*connection_, treasurer(), campaign("Áo ấm", trade_union_)).value().fund.id;
  donate(campaign_id, 1'500'000);
  TransferInput moved;
  moved.to_fund = welfare_;
  moved.amount = 500'000;
  moved.from_method = PaymentMethod::cash;
  moved.to_method = PaymentMethod::cash;
  ASSERT_TRUE(transfer_between_funds(*connection_, treasurer(), campaign_id, moved));

  const FundsReport report = funds_report(*connection_, administrator(), year).value();
  ASSERT_EQ(report.by_fund.size(), 2u);
  const auto row = [&](Id fund) {
    return std::ranges::find(report.by_fund, fund, &FundYear::fund_id)->movement;
  };
  const FundMovement welfare = row(welfare_);
  EXPECT_EQ(welfare.opening, 8'000'000);
  EXPECT_EQ(welfare.received, 0);
  EXPECT_EQ(welfare.disbursed, 5'000'000);
  EXPECT_EQ(welfare.transferred_in, 500'000);
  EXPECT_EQ(welfare.closing, 3'500'000);
  EXPECT_EQ(welfare.closing, totals(welfare_).balance.holdings()) << "the year ends where it is";
  const FundMovement campaign_year = row(campaign_id);
  EXPECT_EQ(campaign_year.opening, 0);
  EXPECT_EQ(campaign_year.received, 1'500'000);
  EXPECT_EQ(campaign_year.transferred_out, 500'000);
  EXPECT_EQ(campaign_year.closing, 1'000'000);
  // The total row is the rows' sum, and the year's giving lists only what came in this year.
  EXPECT_EQ(report.total.opening, 8'000'000);
  EXPECT_EQ(report.total.received, 1'500'000);
  EXPECT_EQ(report.total.disbursed, 5'000'000);
  EXPECT_EQ(report.total.transferred_in, report.total.transferred_out);
  EXPECT_EQ(report.total.closing, 4'500'000);
  ASSERT_EQ(report.year_list.size(), 1u);
  EXPECT_EQ(report.year_list_total, 1'500'000);

  // Last year: the welfare fund alone, opening empty and closing with what it received.
  const FundsReport before = funds_report(*connection_, administrator(), year - 1).value();
  ASSERT_EQ(before.by_fund.size(), 1u);
  EXPECT_EQ(before.by_fund.front().movement.opening, 0);
  EXPECT_EQ(before.by_fund.front().movement.closing, 8'000'000);
  EXPECT_EQ(before.total.closing, report.total.opening) << "one year's end is the next's start";
  EXPECT_EQ(error_code(funds_report(*connection_, member(), year)), "access.forbidden");
}

TEST_P(FundsTest, OpenFundsAreListedBeforeClosedOnes) {
  // A closed campaign that started later than the open ones still comes after them.
  Fund late = campaign("Áo ấm cho em", trade_union_);
  late.starts_on = add_days(late.starts_on, 5);
  const Id closed_id = create_fund(*connection_, treasurer(), late).value().fund.id;
  FundChanges close;
  close.status = FundStatus::closed;
  ASSERT_TRUE(update_fund(*connection_, treasurer(), closed_id, close));
  ASSERT_TRUE(create_fund(*connection_, treasurer(), campaign("Nước sạch", trade_union_)));

  auto listed = list_funds(*connection_, member(), std::nullopt, std::nullopt).value();
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].fund.status, FundStatus::open);
  EXPECT_EQ(listed[1].fund.status, FundStatus::open);
  EXPECT_EQ(listed[2].fund.name, "Áo ấm cho em");
}

TEST_P(FundsTest, DonationsGetReceiptNumbersAndTheTotalsAreTheirSum) {
  EXPECT_EQ(error_code(record_donation(*connection_, member(), welfare_, gift(100'000))),
            "access.forbidden");
  DonationInput from_member = gift(2'800'000, PaymentMethod::bank_transfer);
  from_member.payer = PayerInput{PayerKind::person, member_, std::nullopt, ""};
  auto first = record_donation(*connection_, treasurer(), welfare_, from_member);
  ASSERT_TRUE(first) << first.error().message.en;
  const int year = vietnam_date(now_).year;
  EXPECT_EQ(first->receipt_number, fmt::format("PT-{}-0001", year));
  EXPECT_EQ(first->payer_name, "Lê Văn Bình");
  EXPECT_EQ(first->unit_id, office_) << "the giver's department when they gave";
  EXPECT_EQ(last_audit(), "donation ledger_entry 8 192.0.2.1");

  DonationInput from_office = gift(1'500'000);
  from_office.payer = PayerInput{PayerKind::unit, std::nullopt, office_, ""};
  DonationInput hidden = gift(700'000);
  hidden.payer.reset();
  hidden.anonymous = true;
  std::optional<std::string> last_receipt;
  for (const DonationInput& input : {from_office, hidden, gift(300'000)}) {
    auto recorded = record_donation(*connection_, treasurer(), welfare_, input);
    ASSERT_TRUE(recorded) << recorded.error().message.en;
    last_receipt = recorded->receipt_number;
  }
  EXPECT_EQ(last_receipt, fmt::format("PT-{}-0004", year));

  const FundTotals sums = totals(welfare_);
  EXPECT_EQ(sums.balance.received, 2'800'000 + 1'500'000 + 700'000 + 300'000);
  EXPECT_EQ(sums.balance.bank, 2'800'000);
  EXPECT_EQ(sums.balance.cash, 1'500'000 + 700'000 + 300'000);
  EXPECT_EQ(sums.balance.holdings(), sums.balance.net());
  EXPECT_EQ(sums.donations, 4);
  EXPECT_EQ(sums.donors, 4);

  DonationInput nobody = gift(100'000);
  nobody.payer.reset();
  EXPECT_EQ(error_code(record_donation(*connection_, treasurer(), welfare_, nobody)),
            "field.required");
  EXPECT_EQ(error_code(record_donation(*connection_, treasurer(), welfare_, gift(0))),
            "money.invalid");
  DonationInput tomorrow = gift(100'000);
  tomorrow.received_on = add_days(vietnam_date(now_), 1);
  EXPECT_EQ(error_code(record_donation(*connection_, treasurer(), welfare_, tomorrow)),
            "funds.date_out_of_range");
}

TEST_P(FundsTest, TheLedgerIsTheOfficersAndLeadershipsAndAGiversOwnEntryIsTheirs) {
  DonationInput from_member = gift(500'000);
  from_member.payer = PayerInput{PayerKind::person, member_, std::nullopt, ""};
  const Id own = record_donation(*connection_, treasurer(), welfare_, from_member).value().id;
  const Id other = donate(welfare_, 200'000);
  EXPECT_EQ(error_code(list_entries(*connection_, member(), welfare_)), "access.forbidden");
  Actor leadership = member();
  leadership.principal.leadership = true;
  EXPECT_EQ(list_entries(*connection_, leadership, welfare_).value().size(), 2u);
  EXPECT_EQ(list_entries(*connection_, treasurer(), welfare_).value().front().id, own);
  EXPECT_TRUE(read_entry(*connection_, member(), own)) << "the giver reads their own";
  EXPECT_EQ(error_code(read_entry(*connection_, member(), other)), "access.forbidden");
  EXPECT_EQ(error_code(read_entry(*connection_, member(), 424242)), "funds.entry_not_found");
}

TEST_P(FundsTest, TransfersMoveMoneyOnlyBetweenFundsTheOfficerRunsAndHolds) {
  const Id campaign_id =
      create_fund(*connection_, treasurer(), campaign("Tết vì người nghèo", trade_union_))
          .value()
          .fund.id;
  const Id youth_fund = open_fund("Quỹ Chi đoàn", FundKind::standing, youth_union_);
  donate(welfare_, 1'000'000);
  TransferInput move;
  move.to_fund = campaign_id;
  move.amount = 400'000;
  move.from_method = PaymentMethod::cash;
  move.to_method = PaymentMethod::cash;
  move.memo = "Hỗ trợ đợt Tết";
  EXPECT_EQ(error_code(transfer_between_funds(*connection_, member(), welfare_, move)),
            "access.forbidden");
  auto moved = transfer_between_funds(*connection_, treasurer(), welfare_, move);
  ASSERT_TRUE(moved) << moved.error().message.en;
  EXPECT_EQ(moved->beneficiary, "Tết vì người nghèo");
  EXPECT_EQ(last_audit(), "transfer ledger_entry 8 192.0.2.1");
  EXPECT_EQ(totals(welfare_).balance.cash, 600'000);
  EXPECT_EQ(totals(welfare_).balance.transferred_out, 400'000);
  EXPECT_EQ(totals(campaign_id).balance.cash, 400'000);
  EXPECT_EQ(totals(campaign_id).balance.transferred_in, 400'000);

  TransferInput too_much = move;
  too_much.amount = 600'001;
  EXPECT_EQ(error_code(transfer_between_funds(*connection_, treasurer(), welfare_, too_much)),
            "funds.insufficient_balance");
  TransferInput to_itself = move;
  to_itself.to_fund = welfare_;
  EXPECT_EQ(error_code(transfer_between_funds(*connection_, treasurer(), welfare_, to_itself)),
            "funds.transfer_to_itself");
  TransferInput to_youth = move;
  to_youth.to_fund = youth_fund;
  EXPECT_EQ(error_code(transfer_between_funds(*connection_, treasurer(), welfare_, to_youth)),
            "access.forbidden")
      << "the youth union's fund is not the trade union's treasurer's";
  EXPECT_EQ(totals(youth_fund).balance.holdings(), 0);
}

TEST_P(FundsTest, AMistakeIsReversedOnceWithAReasonByWhoeverRunsTheFund) {
  const Id mistaken = donate(welfare_, 900'000);
  EXPECT_EQ(error_code(reverse_entry(*connection_, member(), mistaken, "Ghi nhầm")),
            "access.forbidden");
  EXPECT_EQ(error_code(reverse_entry(*connection_, treasurer(), mistaken, "   ")),
            "field.required");
  auto reversal = reverse_entry(*connection_, deputy(), mistaken, "Ghi nhầm số tiền");
  ASSERT_TRUE(reversal) << reversal.error().message.en;
  EXPECT_EQ(reversal->kind, EntryKind::reversal);
  EXPECT_EQ(reversal->reverses_id, mistaken);
  EXPECT_EQ(reversal->memo, "Ghi nhầm số tiền");
  EXPECT_EQ(last_audit(), "reversal ledger_entry 10 192.0.2.1");
  const FundTotals after = totals(welfare_);
  EXPECT_EQ(after.balance.holdings(), 0);
  EXPECT_EQ(after.balance.received, 0);
  EXPECT_EQ(after.donations, 0) << "a reversed gift is not counted";

  EXPECT_EQ(error_code(reverse_entry(*connection_, treasurer(), mistaken, "Lần nữa")),
            "funds.already_reversed");
  EXPECT_EQ(error_code(reverse_entry(*connection_, treasurer(), reversal->id, "Đảo lại")),
            "funds.reverse_reversal");
}

INSTANTIATE_TEST_SUITE_P(Engines, FundsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
