// A check-in as a door's scanner sends it, on SQLite and PostgreSQL: the same request twice under
// one Idempotency-Key counts once and answers the same, also once the code it carried has
// expired; a key used for another request is refused; and a check-in that shares a group commit
// (SQLite's) is kept like one that commits alone.
#include <gtest/gtest.h>

#include <chrono>

#include "service/durable_check_in.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class CheckInTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Thị Ánh", trade_union_);
    binh_ = add_person("Lê Văn Bình", trade_union_);
    ActivityDraft draft;
    draft.activity.kind = ActivityKind::study;
    draft.activity.title = "Học tập Nghị quyết";
    draft.activity.starts_at = now_ + std::chrono::minutes(30);
    draft.activity.ends_at = now_ + std::chrono::minutes(150);
    draft.activity.organizer_ids = {trade_union_};
    auto saved = create_activity(*connection_, chair(), draft);
    ASSERT_TRUE(saved && saved->activity) << (saved ? "clashes" : saved.error().message.en);
    activity_ = saved->activity->activity.id;
    ASSERT_TRUE(
        change_activity_status(*connection_, chair(), activity_, ActivityStatus::published));
    auto code = activity_check_in_code(*connection_, chair(), activity_);
    ASSERT_TRUE(code) << code.error().message.en;
    scan_ = CheckIn{CheckInMethod::activity_code, code->token, std::nullopt, std::nullopt};
  }

  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor binh() const { return member_of(trade_union_, binh_); }

  // What the API would answer; counts how often it was made rather than read back.
  Result<Answer> check_in_once(const Actor& actor, const RequestOnce& once,
                               Database* database = nullptr) {
    return check_in_durably(*connection_, database, actor, activity_, scan_, once,
                            [&](const CheckedIn& checked) {
                              ++rendered_;
                              return Answer{checked.first ? 201 : 200, checked.record.full_name};
                            });
  }

  std::int64_t attendance_count() {
    auto records = list_attendance(*connection_, chair(), activity_);
    EXPECT_TRUE(records) << records.error().message.en;
    return records ? static_cast<std::int64_t>(records->size()) : -1;
  }

  Id chair_ = 0;
  Id binh_ = 0;
  Id activity_ = 0;
  CheckIn scan_;
  int rendered_ = 0;
  const std::string request_ = R"(POST /api/v1/activities/1/check-in {"code":"…"})";
};

TEST_P(CheckInTest, TheSameRequestTwiceUnderOneKeyCountsOnceAndAnswersTheSame) {
  const std::string audited = last_audit();
  const RequestOnce once{"cửa-1:7f3a", request_};
  auto first = check_in_once(binh(), RequestOnce{"door-1.7f3a", request_});
  ASSERT_TRUE(first) << first.error().message.en;
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(first->body, "Lê Văn Bình");
  auto retry = check_in_once(binh(), RequestOnce{"door-1.7f3a", request_});
  ASSERT_TRUE(retry) << retry.error().message.en;
  EXPECT_EQ(retry->status, 201) << "the first answer again, not “already checked in”";
  EXPECT_EQ(retry->body, "Lê Văn Bình");
  EXPECT_EQ(rendered_, 1);
  EXPECT_EQ(attendance_count(), 1);
  EXPECT_EQ(last_audit(), audited) << "checking oneself in is not an officer's change";

  EXPECT_EQ(error_code(check_in_once(binh(), RequestOnce{"door-1.7f3a", request_ + " "})),
            "idempotency.key_reused");
  EXPECT_EQ(error_code(check_in_once(binh(), once)), "idempotency.key_invalid")
      << "a key is ASCII letters, digits and -_.:";
}

TEST_P(CheckInTest, ARetryAfterTheCodeExpiredStillGetsTheFirstAnswer) {
  const RequestOnce once{"door-1.7f3a", request_};
  ASSERT_TRUE(check_in_once(binh(), once));
  // Half an hour later the code on the phone is long stale: a new request would be refused.
  const Actor later = at(binh(), now_ + std::chrono::minutes(30));
  EXPECT_EQ(error_code(check_in_once(later, RequestOnce{"door-1.8b4c", request_})),
            "check_in.code_invalid");
  auto retry = check_in_once(later, once);
  ASSERT_TRUE(retry) << retry.error().message.en;
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(attendance_count(), 1);
}

TEST_P(CheckInTest, WithoutAKeyASecondCheckInFindsTheFirstStanding) {
  auto first = check_in_once(binh(), RequestOnce{});
  ASSERT_TRUE(first) << first.error().message.en;
  EXPECT_EQ(first->status, 201);
  auto second = check_in_once(at(binh(), now_ + std::chrono::minutes(1)), RequestOnce{});
  ASSERT_TRUE(second) << second.error().message.en;
  EXPECT_EQ(second->status, 200) << "checked in already";
  EXPECT_EQ(rendered_, 2);
  EXPECT_EQ(attendance_count(), 1);
  // Someone outside the agency's organizations is refused whatever the way in.
  const Id stranger = add_person("Võ Văn Khách");
  EXPECT_EQ(error_code(check_in_once(member_of(youth_union_, stranger), RequestOnce{})),
            "check_in.not_in_audience");
}

TEST_P(CheckInTest, ACheckInInAGroupCommitIsKeptOnceLikeOneThatCommitsAlone) {
  auto database = Database::open(database_.target(), 2);
  ASSERT_TRUE(database) << database.error().message.en;
  EXPECT_EQ((*database)->groups_commits(), GetParam() == "sqlite");
  const RequestOnce once{"door-2.19c0", request_};
  auto first = check_in_once(binh(), once, database->get());
  ASSERT_TRUE(first) << first.error().message.en;
  auto retry = check_in_once(binh(), once, database->get());
  ASSERT_TRUE(retry) << retry.error().message.en;
  EXPECT_EQ(retry->status, first->status);
  EXPECT_EQ(rendered_, 1);
  EXPECT_EQ(attendance_count(), 1);
  auto refused =
      check_in_once(binh(), RequestOnce{"door-2.19c0", "another request"}, database->get());
  EXPECT_EQ(error_code(refused), "idempotency.key_reused");
}

INSTANTIATE_TEST_SUITE_P(Engines, CheckInTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
