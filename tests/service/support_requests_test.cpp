// Support requests' use cases as the adapters call them, on SQLite and PostgreSQL: an
// organization's officers ask for their own activities, the leadership decides (in part and
// refusals with a reason), the officers withdraw while it waits, each change audited; each reader
// sees the requests they may, with totals that add up from the rows they see.
#include "service/support_requests.hpp"

#include <gtest/gtest.h>

#include "service/activities.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

SupportRequestQuery query_by_status(SupportStatus status) {
  SupportRequestQuery query;
  query.status = status;
  return query;
}

SupportRequestQuery query_by_activity(Id activity) {
  SupportRequestQuery query;
  query.activity = activity;
  return query;
}

using dk::testing::error_code;

class SupportRequestsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    secretary_ = add_person("Nguyễn Thị Ánh", youth_union_);
    football_ = activity(youth_union_, "Giao lưu bóng đá với TAND tỉnh", 48);
    trade_union_trip_ = activity(trade_union_, "Tham quan", 72);
  }

  Actor secretary() const { return officer_of(youth_union_, secretary_); }
  Actor leader() const {
    Actor actor = administrator();
    actor.principal.account_id = 10;
    actor.principal.administrator = false;
    actor.principal.leadership = true;
    return actor;
  }

  // An activity `hours` from now (apart from the others, so that none clashes).
  Id activity(Id organization, const std::string& title, int hours) {
    ActivityDraft draft;
    draft.activity.kind = ActivityKind::sports;
    draft.activity.title = title;
    draft.activity.starts_at = now_ + std::chrono::hours(hours);
    draft.activity.ends_at = now_ + std::chrono::hours(hours + 2);
    draft.activity.organizer_ids = {organization};
    auto created = create_activity(*connection_, administrator(), draft);
    EXPECT_TRUE(created) << created.error().message.en;
    EXPECT_TRUE(created && created->activity) << "the activity clashes with another";
    return created && created->activity ? created->activity->activity.id : 0;
  }

  SupportRequest football(Dong amount = 5'000'000) const {
    SupportRequest request;
    request.organization_id = youth_union_;
    request.activity_id = football_;
    request.title = "  Kinh phí   và sân bóng ";
    request.needs.amount = amount;
    request.needs.venue = true;
    return request;
  }

  Id ask(const SupportRequest& request) {
    auto asked = ask_for_support(*connection_, secretary(), request);
    EXPECT_TRUE(asked) << asked.error().message.en;
    return asked ? asked->record.request.id : 0;
  }

  Id secretary_ = 0;
  Id football_ = 0;
  Id trade_union_trip_ = 0;
};

TEST_P(SupportRequestsTest, AnOrganizationsOfficersAskForItsOwnActivities) {
  for (const Actor& actor : {member_of(youth_union_), officer_of(trade_union_), leader()}) {
    EXPECT_EQ(error_code(ask_for_support(*connection_, actor, football())), "access.forbidden");
  }
  auto asked = ask_for_support(*connection_, secretary(), football());
  ASSERT_TRUE(asked) << asked.error().message.en;
  const SupportRequest& request = asked->record.request;
  EXPECT_EQ(request.title, "Kinh phí và sân bóng");
  EXPECT_EQ(request.status, SupportStatus::pending);
  EXPECT_EQ(request.requested_by, 8);
  EXPECT_EQ(request.requested_at, now_);
  EXPECT_EQ(asked->record.activity_title, "Giao lưu bóng đá với TAND tỉnh");
  EXPECT_EQ(asked->record.organization_name, "Chi đoàn");
  EXPECT_TRUE(asked->may_withdraw);
  EXPECT_FALSE(asked->may_decide);
  EXPECT_EQ(last_audit(), "create support_request 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(),
            "{\"organization_id\":" + std::to_string(youth_union_) + ",\"amount\":5000000}");

  SupportRequest theirs = football();
  theirs.activity_id = trade_union_trip_;
  EXPECT_EQ(error_code(ask_for_support(*connection_, secretary(), theirs)),
            "support.activity_not_organized");
  SupportRequest missing = football();
  missing.activity_id = 424242;
  EXPECT_EQ(error_code(ask_for_support(*connection_, secretary(), missing)), "activity.not_found");
  EXPECT_EQ(error_code(ask_for_support(*connection_, secretary(), football(0))),
            "support.amount_invalid");
  EXPECT_EQ(error_code(ask_for_support(*connection_, secretary(), football(kMaxAmount))),
            "money.too_large");
  SupportRequest general = football();
  general.activity_id.reset();
  general.needs = SupportNeeds{};
  general.needs.time_off = true;
  EXPECT_EQ(error_code(ask_for_support(*connection_, administrator(), general)), "ok")
      << "administrators ask too, and for the organization's work in general";
}

TEST_P(SupportRequestsTest, TheLeadershipApprovesInPartWithAReasonOnce) {
  const Id id = ask(football());
  for (const Actor& actor : {secretary(), member_of(youth_union_)}) {
    EXPECT_EQ(error_code(decide_support_request(*connection_, actor, id, SupportDecision::approve,
                                                std::nullopt, "")),
              "access.forbidden");
  }
  EXPECT_EQ(error_code(decide_support_request(*connection_, leader(), id,
                                              SupportDecision::approve_in_part, 3'000'000, " ")),
            "support.reason_required");
  const Actor later = at(leader(), now_ + std::chrono::hours(2));
  auto decided = decide_support_request(*connection_, later, id, SupportDecision::approve_in_part,
                                        3'000'000, "Ngân sách quý IV còn 3 triệu");
  ASSERT_TRUE(decided) << decided.error().message.en;
  const SupportRequest& request = decided->record.request;
  EXPECT_EQ(request.status, SupportStatus::partly_approved);
  EXPECT_EQ(request.approved_amount, 3'000'000);
  EXPECT_EQ(request.reason, "Ngân sách quý IV còn 3 triệu");
  EXPECT_EQ(request.decided_by, 10);
  EXPECT_EQ(request.decided_at, now_ + std::chrono::hours(2));
  EXPECT_FALSE(decided->may_decide);
  EXPECT_EQ(last_audit(), "decide support_request 10 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), R"({"decision":"approve_in_part","approved_amount":3000000})");

  EXPECT_EQ(error_code(decide_support_request(*connection_, administrator(), id,
                                              SupportDecision::refuse, std::nullopt, "Thôi")),
            "support.not_pending");
  EXPECT_EQ(error_code(withdraw_support_request(*connection_, secretary(), id)),
            "support.not_pending");
  EXPECT_EQ(error_code(decide_support_request(*connection_, leader(), 424242,
                                              SupportDecision::approve, std::nullopt, "")),
            "support.not_found");
}

TEST_P(SupportRequestsTest, ARefusalNeedsAReasonAndAWithdrawalIsTheOrganizations) {
  const Id refused = ask(football());
  auto decision = decide_support_request(*connection_, administrator(), refused,
                                         SupportDecision::refuse, std::nullopt, "Trùng lịch");
  ASSERT_TRUE(decision) << decision.error().message.en;
  EXPECT_EQ(decision->record.request.status, SupportStatus::refused);
  EXPECT_EQ(decision->record.request.approved_amount, 0);

  const Id withdrawn = ask(football(1'000'000));
  EXPECT_EQ(error_code(withdraw_support_request(*connection_, leader(), withdrawn)),
            "access.forbidden");
  EXPECT_EQ(error_code(withdraw_support_request(*connection_, officer_of(trade_union_), withdrawn)),
            "support.not_found")
      << "another organization's officer does not learn of it";
  auto done = withdraw_support_request(*connection_, secretary(), withdrawn);
  ASSERT_TRUE(done) << done.error().message.en;
  EXPECT_EQ(done->record.request.status, SupportStatus::withdrawn);
  EXPECT_EQ(done->record.request.decided_by, 8);
  EXPECT_FALSE(done->may_withdraw);
  EXPECT_EQ(last_audit(), "withdraw support_request 8 192.0.2.1");
  EXPECT_EQ(error_code(decide_support_request(*connection_, leader(), withdrawn,
                                              SupportDecision::approve, std::nullopt, "")),
            "support.not_pending");
}

TEST_P(SupportRequestsTest, EachReaderSeesWhatTheyMayWithTotalsOfThoseRows) {
  const Id first = ask(football(5'000'000));
  const Id second = ask(football(2'000'000));
  SupportRequest trade = football(4'000'000);
  trade.organization_id = trade_union_;
  trade.activity_id = trade_union_trip_;
  ASSERT_TRUE(ask_for_support(*connection_, officer_of(trade_union_), trade));
  ASSERT_TRUE(decide_support_request(*connection_, leader(), first,
                                     SupportDecision::approve_in_part, 3'000'000, "Còn 3 triệu"));
  ASSERT_TRUE(decide_support_request(*connection_, leader(), second, SupportDecision::approve,
                                     std::nullopt, ""));

  auto all = list_support_requests(*connection_, leader(), {});
  ASSERT_TRUE(all) << all.error().message.en;
  EXPECT_EQ(all->items.size(), 3u);
  EXPECT_EQ(all->totals.asked, 11'000'000);
  EXPECT_EQ(all->totals.approved, 5'000'000);
  EXPECT_EQ(all->totals.pending, 1);
  ASSERT_TRUE(all->items.front().may_decide) << "the newest, still pending";

  auto own = list_support_requests(*connection_, secretary(), {});
  ASSERT_TRUE(own);
  Dong asked = 0, approved = 0;
  for (const SupportRequestView& view : own->items) {
    EXPECT_EQ(view.record.request.organization_id, youth_union_);
    asked += view.record.request.needs.amount.value_or(0);
    approved += view.record.request.approved_amount.value_or(0);
  }
  EXPECT_EQ(own->items.size(), 2u);
  EXPECT_EQ(own->totals.asked, asked);
  EXPECT_EQ(own->totals.approved, approved);
  EXPECT_EQ(own->totals.asked, 7'000'000);

  auto pending =
      list_support_requests(*connection_, leader(), query_by_status(SupportStatus::pending));
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->items.size(), 1u);
  EXPECT_EQ(pending->totals.asked, 4'000'000);
  EXPECT_EQ(pending->totals.approved, 0);
  EXPECT_EQ(list_support_requests(*connection_, leader(), query_by_activity(football_))
                .value()
                .items.size(),
            2u);
  EXPECT_EQ(error_code(list_support_requests(*connection_, member_of(youth_union_), {})),
            "access.forbidden");
  EXPECT_EQ(error_code(read_support_request(*connection_, officer_of(trade_union_), first)),
            "support.not_found");
  EXPECT_EQ(error_code(read_support_request(*connection_, member_of(youth_union_), first)),
            "access.forbidden");
  EXPECT_EQ(error_code(read_support_request(*connection_, leader(), first)), "ok");
}

INSTANTIATE_TEST_SUITE_P(Engines, SupportRequestsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
