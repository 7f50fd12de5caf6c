// What waits on a fund's money, as the adapters call it, on SQLite and PostgreSQL: pledges made by
// anyone for themselves (and by officers for others), paid by donations and cancelled while
// unpaid; disbursement requests that a second officer approves, never beyond what the fund
// holds — each audited, and refused to those who may not.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "service/disbursements.hpp"
#include "service/donations.hpp"
#include "service/notifications.hpp"
#include "service/pledges.hpp"
#include "support/fund_service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class FundRequestsTest : public dk::testing::FundServiceTest {
 protected:
  PledgeInput promise(Dong amount, std::optional<Id> person = std::nullopt,
                      const std::string& name = "") const {
    return PledgeInput{amount, person, name, "Nộp trong tháng"};
  }

  DisbursementInput payment(Dong amount) const {
    DisbursementInput input;
    input.amount = amount;
    input.method = PaymentMethod::bank_transfer;
    input.beneficiary = "  Gia đình chị Trần Thị Lụa ";
    input.purpose = "Hỗ trợ sửa nhà sau bão";
    return input;
  }
};

TEST_P(FundRequestsTest, AnyonePledgesForThemselvesAndOfficersForOthers) {
  auto own = record_pledge(*connection_, member(), welfare_, promise(1'000'000));
  ASSERT_TRUE(own) << own.error().message.en;
  EXPECT_EQ(own->person_id, member_);
  EXPECT_EQ(own->payer_name, "Lê Văn Bình");
  EXPECT_EQ(own->outstanding, 1'000'000);
  EXPECT_EQ(last_audit(), "pledge ledger_entry 9 192.0.2.1");
  auto told = my_notifications(*connection_, member(), std::nullopt);
  ASSERT_TRUE(told && told->items.size() == 1u) << "the giver has the receipt of the promise";
  EXPECT_EQ(told->items[0].event.kind, NotificationKind::pledge_recorded);
  EXPECT_EQ(told->items[0].event.title.vi,
            "Đã ghi nhận cam kết ủng hộ 1.000.000 đ cho “Quỹ tương trợ”");
  EXPECT_EQ(told->items[0].event.link, fmt::format("/funds/{}", welfare_));

  EXPECT_EQ(
      error_code(record_pledge(*connection_, member(), welfare_, promise(500'000, treasurer_))),
      "access.forbidden");
  EXPECT_EQ(error_code(record_pledge(*connection_, member(), welfare_,
                                     promise(500'000, std::nullopt, "Công ty Hòa Bình"))),
            "access.forbidden");
  auto outside = record_pledge(*connection_, treasurer(), welfare_,
                               promise(3'000'000, std::nullopt, "Công ty Hòa Bình"));
  ASSERT_TRUE(outside) << outside.error().message.en;
  EXPECT_FALSE(outside->person_id);
  EXPECT_EQ(error_code(record_pledge(*connection_, member(), welfare_, promise(0))),
            "money.invalid");

  EXPECT_EQ(list_pledges(*connection_, member(), welfare_).value().size(), 1u)
      << "a member sees their own";
  EXPECT_EQ(list_pledges(*connection_, treasurer(), welfare_).value().size(), 2u);
  EXPECT_EQ(totals(welfare_).balance.pledged, 4'000'000);
  EXPECT_EQ(totals(welfare_).balance.holdings(), 0) << "a promise is not money";
}

TEST_P(FundRequestsTest, ADonationPaysAPledgeAndAPaidPledgeStaysOnRecord) {
  const Pledge own = record_pledge(*connection_, member(), welfare_, promise(1'000'000)).value();
  DonationInput part = gift(400'000);
  part.payer.reset();
  part.pledge_id = own.id;
  auto paid = record_donation(*connection_, treasurer(), welfare_, part);
  ASSERT_TRUE(paid) << paid.error().message.en;
  EXPECT_EQ(paid->payer_name, "Lê Văn Bình") << "the pledge's giver";
  const Pledge after = list_pledges(*connection_, member(), welfare_).value().front();
  EXPECT_EQ(after.outstanding, 600'000);
  EXPECT_EQ(after.paid(), 400'000);
  EXPECT_EQ(totals(welfare_).balance.pledge_outstanding, 600'000);
  EXPECT_EQ(totals(welfare_).balance.pledged, 1'000'000) << "a payment keeps the promise's size";

  EXPECT_EQ(error_code(cancel_pledge(*connection_, member(), own.id, "")),
            "funds.pledge_partly_paid");
  auto entries = list_entries(*connection_, treasurer(), welfare_).value();
  EXPECT_EQ(error_code(reverse_entry(*connection_, treasurer(), entries.front().id, "Hủy")),
            "funds.reverse_pledge");
}

TEST_P(FundRequestsTest, AnUnpaidPledgeIsCancelledByItsGiverOrAnOfficerOnce) {
  const Pledge own = record_pledge(*connection_, member(), welfare_, promise(1'000'000)).value();
  const Pledge other = record_pledge(*connection_, member(), welfare_, promise(200'000)).value();
  const Actor stranger = member_of(trade_union_, treasurer_ + deputy_ + member_);
  EXPECT_EQ(error_code(cancel_pledge(*connection_, stranger, own.id, "")), "access.forbidden");
  auto cancelled = cancel_pledge(*connection_, member(), own.id, "");
  ASSERT_TRUE(cancelled) << cancelled.error().message.en;
  EXPECT_TRUE(cancelled->cancelled);
  EXPECT_EQ(last_audit(), "reversal ledger_entry 9 192.0.2.1");
  EXPECT_EQ(error_code(cancel_pledge(*connection_, member(), own.id, "")),
            "funds.pledge_cancelled");
  ASSERT_TRUE(cancel_pledge(*connection_, treasurer(), other.id, "Trùng"));
  EXPECT_EQ(totals(welfare_).balance.pledged, 0);
  EXPECT_EQ(error_code(cancel_pledge(*connection_, member(), 424242, "")),
            "funds.pledge_not_found");
}

TEST_P(FundRequestsTest, APaymentNeedsASecondOfficerAndNeverExceedsWhatTheFundHolds) {
  donate(welfare_, 5'000'000, PaymentMethod::bank_transfer);
  EXPECT_EQ(error_code(request_disbursement(*connection_, member(), welfare_, payment(100'000))),
            "access.forbidden");
  EXPECT_EQ(
      error_code(request_disbursement(*connection_, treasurer(), welfare_, payment(5'000'001))),
      "funds.insufficient_balance");
  auto asked = request_disbursement(*connection_, treasurer(), welfare_, payment(2'000'000));
  ASSERT_TRUE(asked) << asked.error().message.en;
  const Id id = asked->request.id;
  EXPECT_EQ(asked->request.beneficiary, "Gia đình chị Trần Thị Lụa");
  EXPECT_EQ(asked->request.status, DisbursementStatus::pending);
  EXPECT_FALSE(asked->may_decide) << "not by the officer who asked";
  EXPECT_EQ(last_audit(), "request disbursement 8 192.0.2.1");
  EXPECT_EQ(totals(welfare_).pending_disbursements, 2'000'000);
  EXPECT_EQ(totals(welfare_).balance.bank, 5'000'000) << "nothing leaves before approval";

  EXPECT_TRUE(list_disbursements(*connection_, member(), std::nullopt).value().empty());
  const auto for_deputy = list_disbursements(*connection_, deputy(), std::nullopt).value();
  ASSERT_EQ(for_deputy.size(), 1u);
  EXPECT_TRUE(for_deputy.front().may_decide);

  EXPECT_EQ(error_code(approve_disbursement(*connection_, treasurer(), id)), "funds.same_officer");
  EXPECT_EQ(error_code(approve_disbursement(*connection_, member(), id)), "access.forbidden");
  auto approved = approve_disbursement(*connection_, deputy(), id);
  ASSERT_TRUE(approved) << approved.error().message.en;
  EXPECT_EQ(approved->request.status, DisbursementStatus::approved);
  EXPECT_TRUE(approved->request.transaction_id);
  EXPECT_EQ(last_audit(), "disbursement ledger_entry 10 192.0.2.1");
  const FundTotals paid = totals(welfare_);
  EXPECT_EQ(paid.balance.bank, 3'000'000);
  EXPECT_EQ(paid.balance.disbursed, 2'000'000);
  EXPECT_EQ(paid.pending_disbursements, 0);
  EXPECT_EQ(paid.balance.holdings(), paid.balance.net());

  EXPECT_EQ(error_code(approve_disbursement(*connection_, deputy(), id)), "funds.already_decided");
  EXPECT_EQ(error_code(reject_disbursement(*connection_, deputy(), id, "Muộn")),
            "funds.already_decided");
  EXPECT_EQ(totals(welfare_).balance.disbursed, 2'000'000) << "paid once";
}

TEST_P(FundRequestsTest, ARequestIsRejectedOrWithdrawnWithItsReasonOnRecord) {
  donate(welfare_, 1'000'000);
  DisbursementInput cash = payment(800'000);
  cash.method = PaymentMethod::cash;
  const Id first =
      request_disbursement(*connection_, treasurer(), welfare_, cash).value().request.id;
  const Id second =
      request_disbursement(*connection_, treasurer(), welfare_, cash).value().request.id;
  EXPECT_EQ(error_code(reject_disbursement(*connection_, member(), first, "Không")),
            "access.forbidden");
  auto rejected = reject_disbursement(*connection_, deputy(), first, "  Chưa đủ   hồ sơ ");
  ASSERT_TRUE(rejected) << rejected.error().message.en;
  EXPECT_EQ(rejected->request.status, DisbursementStatus::rejected);
  EXPECT_EQ(rejected->request.reason, "Chưa đủ hồ sơ");
  EXPECT_EQ(last_audit(), "reject disbursement 10 192.0.2.1");
  EXPECT_EQ(error_code(approve_disbursement(*connection_, deputy(), first)),
            "funds.already_decided");
  ASSERT_TRUE(reject_disbursement(*connection_, treasurer(), second, "Rút lại"))
      << "the officer who asked may withdraw it";
  // Both asked for more than the fund holds together, and neither was paid.
  EXPECT_EQ(totals(welfare_).balance.cash, 1'000'000);
  EXPECT_EQ(list_disbursements(*connection_, deputy(), DisbursementStatus::rejected).value().size(),
            2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, FundRequestsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
