// Support requests' rules without a database: what a request must ask, what each decision makes
// of it, and the totals of a list, which add up from the same rows the list shows.
#include "core/support_request.hpp"

#include <gtest/gtest.h>

namespace dk {
namespace {

SupportRequest football() {
  SupportRequest request;
  request.organization_id = 2;
  request.activity_id = 5;
  request.title = "Giao lưu bóng đá với TAND tỉnh";
  request.needs.amount = 5'000'000;
  request.needs.venue = true;
  return request;
}

std::string code_of_error(const Status& status) {
  return status ? "" : status.error().code;
}

TEST(SupportRequest, AsksForSomethingWithATitleAndAnAmountInRange) {
  EXPECT_TRUE(validate_support_request(football()));
  SupportRequest untitled = football();
  untitled.title.clear();
  EXPECT_EQ(code_of_error(validate_support_request(untitled)), "support.title_required");

  SupportRequest nothing = football();
  nothing.needs = {};
  const Status empty = validate_support_request(nothing);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, "support.nothing_asked");
  EXPECT_EQ(empty.error().where.field, "needs");
  nothing.needs.transport = true;
  EXPECT_TRUE(validate_support_request(nothing)) << "transport alone is a request";

  for (Dong amount : {Dong{0}, Dong{-1}}) {
    SupportRequest wrong = football();
    wrong.needs.amount = amount;
    const Status status = validate_support_request(wrong);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, "support.amount_invalid");
    EXPECT_EQ(status.error().where.field, "amount");
  }
  SupportRequest largest = football();
  largest.needs.amount = kMaxAmount - 1;
  EXPECT_TRUE(validate_support_request(largest));
  largest.needs.amount = kMaxAmount;
  EXPECT_EQ(code_of_error(validate_support_request(largest)), "money.too_large");

  SupportRequest both = football();
  both.programme_id = 3;
  EXPECT_EQ(code_of_error(validate_support_request(both)), "support.target_ambiguous");
  SupportRequest general = football();
  general.activity_id.reset();
  EXPECT_TRUE(validate_support_request(general)) << "the organization's work in general";
}

TEST(SupportRequest, AnApprovalGrantsTheWholeBudget) {
  auto approved = decide_support_request(football(), SupportDecision::approve, std::nullopt, "");
  ASSERT_TRUE(approved) << approved.error().message.en;
  EXPECT_EQ(approved->status, SupportStatus::approved);
  EXPECT_EQ(approved->approved_amount, 5'000'000);

  SupportRequest venue_only = football();
  venue_only.needs.amount.reset();
  auto venue = decide_support_request(venue_only, SupportDecision::approve, std::nullopt, "");
  ASSERT_TRUE(venue);
  EXPECT_FALSE(venue->approved_amount);
  EXPECT_EQ(decide_support_request(football(), SupportDecision::approve, 100, "").error().code,
            "support.amount_unexpected");
}

TEST(SupportRequest, APartialApprovalGivesLessWithAReason) {
  auto part = decide_support_request(football(), SupportDecision::approve_in_part, 3'000'000,
                                     "Ngân sách quý IV còn 3 triệu");
  ASSERT_TRUE(part) << part.error().message.en;
  EXPECT_EQ(part->status, SupportStatus::partly_approved);
  EXPECT_EQ(part->approved_amount, 3'000'000);
  EXPECT_EQ(part->reason, "Ngân sách quý IV còn 3 triệu");

  auto venue_without_money =
      decide_support_request(football(), SupportDecision::approve_in_part, 0, "Chỉ cấp sân");
  ASSERT_TRUE(venue_without_money);
  EXPECT_EQ(venue_without_money->approved_amount, 0);

  auto no_reason =
      decide_support_request(football(), SupportDecision::approve_in_part, 3'000'000, "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, "support.reason_required");
  EXPECT_EQ(no_reason.error().where.field, "reason");
  EXPECT_EQ(decide_support_request(football(), SupportDecision::approve_in_part, std::nullopt, "Vì")
                .error()
                .code,
            "support.approved_amount_required");
  for (Dong wrong : {Dong{5'000'000}, Dong{6'000'000}, Dong{-1}}) {
    auto refused =
        decide_support_request(football(), SupportDecision::approve_in_part, wrong, "Vì");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "support.approved_amount_invalid") << wrong;
    EXPECT_NE(refused.error().message.vi.find("5.000.000 đ"), std::string::npos);
  }
}

TEST(SupportRequest, ARefusalNeedsAReasonAndGrantsNothing) {
  EXPECT_EQ(
      decide_support_request(football(), SupportDecision::refuse, std::nullopt, "").error().code,
      "support.reason_required");
  auto refused =
      decide_support_request(football(), SupportDecision::refuse, std::nullopt, "Trùng lịch");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, SupportStatus::refused);
  EXPECT_EQ(refused->approved_amount, 0);
}

TEST(SupportRequest, OnlyAPendingRequestIsDecided) {
  for (SupportStatus status : {SupportStatus::approved, SupportStatus::partly_approved,
                               SupportStatus::refused, SupportStatus::withdrawn}) {
    SupportRequest closed = football();
    closed.status = status;
    auto again = decide_support_request(closed, SupportDecision::approve, std::nullopt, "");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "support.not_pending");
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  }
}

TEST(SupportTotals, AddUpTheListedRows) {
  std::vector<SupportRequest> rows(4, football());
  rows[0].needs.amount = 5'000'000;
  rows[0] =
      decide_support_request(rows[0], SupportDecision::approve_in_part, 3'000'000, "Vì").value();
  rows[1].needs.amount = 2'000'000;
  rows[1] = decide_support_request(rows[1], SupportDecision::approve, std::nullopt, "").value();
  rows[2].needs.amount = 1'000'000;  // still pending: asked, not approved
  rows[3].needs.amount.reset();      // a venue only
  rows[3].status = SupportStatus::withdrawn;
  auto totals = total_support(rows);
  ASSERT_TRUE(totals);
  EXPECT_EQ(totals->requests, 4);
  EXPECT_EQ(totals->pending, 1);
  EXPECT_EQ(totals->asked, 8'000'000);
  EXPECT_EQ(totals->approved, 5'000'000);

  EXPECT_EQ(total_support({}).value().asked, 0);
  std::vector<SupportRequest> huge(10'000, football());
  for (SupportRequest& row : huge) row.needs.amount = kMaxAmount - 1;
  auto overflowing = total_support(huge);
  ASSERT_FALSE(overflowing);
  EXPECT_EQ(overflowing.error().code, "money.total_too_large");
}

}  // namespace
}  // namespace dk
