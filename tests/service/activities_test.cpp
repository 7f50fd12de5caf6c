// Activities' use cases as the adapters call them, on SQLite and PostgreSQL: a draft its
// organizers alone see until it is published, changes only they may make, registration with a
// waitlist, check-in by the code at the door (once) and by an officer's hand (audited), feedback
// from those who came, and clashes saved only on the officer's word.
#include "service/activities.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;
using std::chrono::minutes;

class ActivitiesTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Thị Ánh", trade_union_);
    binh_ = add_person("Lê Văn Bình", trade_union_);
    cuong_ = add_person("Trần Văn Cường", trade_union_);
    dung_ = add_person("Phạm Thị Dung", youth_union_);
  }

  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor binh() const { return member_of(trade_union_, binh_); }
  Actor cuong() const { return member_of(trade_union_, cuong_); }
  Actor dung() const { return member_of(youth_union_, dung_); }

  ActivityDraft draft(const std::string& title, int starts_in, int lasts, Id organizer) const {
    ActivityDraft draft;
    draft.activity.kind = ActivityKind::sports;
    draft.activity.title = title;
    draft.activity.starts_at = now_ + minutes(starts_in);
    draft.activity.ends_at = draft.activity.starts_at + minutes(lasts);
    draft.activity.place = "Sân vận động tỉnh";
    draft.activity.organizer_ids = {organizer};
    return draft;
  }

  // Created and published by the trade union's chair.
  StoredActivity published(ActivityDraft draft) {
    auto saved = create_activity(*connection_, chair(), std::move(draft));
    EXPECT_TRUE(saved && saved->activity) << (saved ? "clashes" : saved.error().message.en);
    if (!saved || !saved->activity) return {};
    auto changed = change_activity_status(*connection_, chair(), saved->activity->activity.id,
                                          ActivityStatus::published);
    EXPECT_TRUE(changed) << changed.error().message.en;
    return changed.value_or(StoredActivity{});
  }

  Id chair_ = 0;
  Id binh_ = 0;
  Id cuong_ = 0;
  Id dung_ = 0;
};

TEST_P(ActivitiesTest, ADraftIsItsOrganizersUntilItIsPublished) {
  auto saved =
      create_activity(*connection_, chair(),
                      draft("  Giao lưu   bóng đá với Công an tỉnh ", 60 * 24, 120, trade_union_));
  ASSERT_TRUE(saved) << saved.error().message.en;
  ASSERT_TRUE(saved->activity);
  const Id id = saved->activity->activity.id;
  EXPECT_EQ(saved->activity->activity.title, "Giao lưu bóng đá với Công an tỉnh");
  EXPECT_EQ(saved->activity->activity.status, ActivityStatus::draft);
  EXPECT_EQ(last_audit(), "create activity 8 192.0.2.1");

  auto hidden = read_activity(*connection_, binh(), id);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, "activity.not_found") << "a member does not see a draft";
  EXPECT_TRUE(list_activities(*connection_, binh(), {}).value().empty());

  auto published = change_activity_status(*connection_, chair(), id, ActivityStatus::published);
  ASSERT_TRUE(published) << published.error().message.en;
  EXPECT_EQ(last_audit(), "status activity 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), R"({"status":"published"})");
  auto seen = read_activity(*connection_, binh(), id);
  ASSERT_TRUE(seen) << seen.error().message.en;
  EXPECT_FALSE(seen->manageable);
  EXPECT_TRUE(read_activity(*connection_, chair(), id).value().manageable);
  EXPECT_EQ(list_activities(*connection_, binh(), {}).value().size(), 1u);

  EXPECT_EQ(error_code(change_activity_status(*connection_, chair(), id, ActivityStatus::draft)),
            "activity.status_change_not_allowed");
}

TEST_P(ActivitiesTest, OnlyAnOrganizersOfficersCreateAndChangeIt) {
  for (const Actor& actor : {binh(), officer_of(youth_union_, dung_)}) {
    EXPECT_EQ(error_code(create_activity(*connection_, actor, draft("Họp", 60, 60, trade_union_))),
              "access.forbidden");
  }
  const StoredActivity stored = published(draft("Hội thao", 60 * 24, 120, trade_union_));
  const Id id = stored.activity.id;
  const std::string audited = last_audit();
  for (const Actor& actor : {binh(), officer_of(youth_union_, dung_)}) {
    auto update = update_activity(*connection_, actor, id, draft("Đổi", 60, 60, trade_union_));
    ASSERT_FALSE(update);
    EXPECT_EQ(update.error().code, "access.forbidden");
    auto status = change_activity_status(*connection_, actor, id, ActivityStatus::cancelled);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, "access.forbidden");
  }
  EXPECT_EQ(last_audit(), audited) << "a refusal leaves no entry";

  ActivityDraft changed = draft("Hội thao mừng 20/10", 60 * 24, 180, trade_union_);
  changed.activity.capacity = 50;
  auto updated = update_activity(*connection_, chair(), id, changed);
  ASSERT_TRUE(updated && updated->activity) << updated.error().message.en;
  EXPECT_EQ(updated->activity->activity.title, "Hội thao mừng 20/10");
  EXPECT_EQ(updated->activity->activity.status, ActivityStatus::published) << "the status stays";
  EXPECT_EQ(last_audit(), "update activity 8 192.0.2.1");

  EXPECT_EQ(error_code(change_activity_status(*connection_, chair(), id, ActivityStatus::done)),
            "activity.not_started");
  const Actor afterwards = at(chair(), stored.activity.starts_at + minutes(1));
  ASSERT_TRUE(change_activity_status(*connection_, afterwards, id, ActivityStatus::done));
  EXPECT_EQ(error_code(update_activity(*connection_, afterwards, id, changed)), "activity.final");
}

TEST_P(ActivitiesTest, PlacesAreTakenInOrderAndAWaitlistMovesUp) {
  ActivityDraft limited = draft("Tập huấn sơ cứu", 60 * 24, 90, trade_union_);
  limited.activity.capacity = 1;
  const Id id = published(limited).activity.id;
  const std::string audited = last_audit();
  auto first = register_for_activity(*connection_, binh(), id, {});
  ASSERT_TRUE(first) << first.error().message.en;
  EXPECT_EQ(first->front().registration.state, RegistrationState::registered);
  auto second = register_for_activity(*connection_, cuong(), id, {});
  ASSERT_TRUE(second) << second.error().message.en;
  EXPECT_EQ(second->front().registration.state, RegistrationState::waitlisted);
  EXPECT_EQ(last_audit(), audited) << "registering oneself is not an officer's change";

  EXPECT_EQ(error_code(register_for_activity(*connection_, binh(), id, {dung_})),
            "access.forbidden");
  auto by_officer = register_for_activity(*connection_, chair(), id, {dung_});
  ASSERT_TRUE(by_officer) << by_officer.error().message.en;
  EXPECT_EQ(last_audit(), "register activity 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(), "{\"people\":[" + std::to_string(dung_) + "]}");

  EXPECT_EQ(error_code(cancel_registration(*connection_, cuong(), id, binh_)), "access.forbidden");
  auto promoted = cancel_registration(*connection_, binh(), id, binh_);
  ASSERT_TRUE(promoted) << promoted.error().message.en;
  EXPECT_EQ(*promoted, std::vector<Id>{cuong_});
  EXPECT_EQ(read_activity(*connection_, cuong(), id).value().mine->state,
            RegistrationState::registered);

  EXPECT_EQ(error_code(list_registrations(*connection_, binh(), id)), "access.forbidden");
  EXPECT_EQ(list_registrations(*connection_, chair(), id).value().size(), 3u);
}

TEST_P(ActivitiesTest, OnlyItsAudienceRegistersAndOnlyWhileRegistrationIsOpen) {
  ActivityDraft members_only = draft("Họp công đoàn", 60 * 24, 60, trade_union_);
  members_only.activity.audience = Audience{AudienceScope::organizations, {trade_union_}};
  members_only.activity.registration_closes_at = now_ + minutes(60);
  const Id id = published(members_only).activity.id;
  EXPECT_EQ(error_code(register_for_activity(*connection_, dung(), id, {})),
            "registration.not_in_audience");
  EXPECT_EQ(error_code(register_for_activity(*connection_, at(binh(), now_ + minutes(60)), id, {})),
            "registration.closed");
  auto draft_only =
      create_activity(*connection_, chair(), draft("Nháp", 60 * 72, 60, trade_union_));
  ASSERT_TRUE(draft_only && draft_only->activity);
  EXPECT_EQ(error_code(
                register_for_activity(*connection_, binh(), draft_only->activity->activity.id, {})),
            "activity.not_found");
}

TEST_P(ActivitiesTest, TheCodeAtTheDoorChecksAPersonInOnceAndAnOfficerMarksTheRest) {
  const StoredActivity stored = published(draft("Học tập Nghị quyết", 30, 120, trade_union_));
  const Id id = stored.activity.id;
  EXPECT_EQ(error_code(activity_check_in_code(*connection_, binh(), id)), "access.forbidden");
  const CheckInCode code = activity_check_in_code(*connection_, chair(), id).value();

  const CheckIn scan{CheckInMethod::activity_code, code.token, std::nullopt, std::nullopt};
  auto first = check_in(*connection_, binh(), id, scan);
  ASSERT_TRUE(first) << first.error().message.en;
  EXPECT_TRUE(first->first);
  EXPECT_EQ(first->record.state, AttendanceState::present);
  EXPECT_EQ(first->record.full_name, "Lê Văn Bình");
  auto again = check_in(*connection_, at(binh(), now_ + minutes(1)), id, scan);
  ASSERT_TRUE(again) << again.error().message.en;
  EXPECT_FALSE(again->first) << "the first check-in stands";
  EXPECT_EQ(again->record.checked_in_at, seconds_of(now_));

  const CheckIn wrong{CheckInMethod::activity_code, "000000", std::nullopt, std::nullopt};
  EXPECT_EQ(error_code(check_in(*connection_, cuong(), id, wrong)), "check_in.code_invalid");
  const Id stranger = add_person("Võ Văn Khách");
  EXPECT_EQ(error_code(check_in(*connection_, member_of(youth_union_, stranger), id, scan)),
            "check_in.not_in_audience");

  const CheckIn excused{CheckInMethod::by_hand, "", cuong_, AttendanceState::excused};
  EXPECT_EQ(error_code(check_in(*connection_, binh(), id, excused)), "access.forbidden");
  auto by_officer = check_in(*connection_, chair(), id, excused);
  ASSERT_TRUE(by_officer) << by_officer.error().message.en;
  EXPECT_EQ(by_officer->record.state, AttendanceState::excused);
  EXPECT_FALSE(by_officer->record.checked_in_at);
  EXPECT_EQ(last_audit(), "attendance activity 8 192.0.2.1");
  EXPECT_EQ(last_audit_detail(),
            "{\"person\":" + std::to_string(cuong_) + ",\"state\":\"excused\"}");

  EXPECT_EQ(error_code(list_attendance(*connection_, binh(), id)), "access.forbidden");
  auto attendance = list_attendance(*connection_, chair(), id);
  ASSERT_TRUE(attendance);
  ASSERT_EQ(attendance->size(), 2u);
  EXPECT_EQ(attendance->front().full_name, "Lê Văn Bình");
}

TEST_P(ActivitiesTest, FeedbackComesAfterTheStartFromThoseWhoCame) {
  const StoredActivity stored = published(draft("Văn nghệ chào mừng", 30, 120, trade_union_));
  const Id id = stored.activity.id;
  const CheckInCode code = activity_check_in_code(*connection_, chair(), id).value();
  ASSERT_TRUE(
      check_in(*connection_, binh(), id,
               CheckIn{CheckInMethod::activity_code, code.token, std::nullopt, std::nullopt}));
  EXPECT_EQ(error_code(give_feedback(*connection_, binh(), id, Feedback{5, "Rất hay"})),
            "feedback.too_early");
  const Instant during = stored.activity.starts_at + minutes(60);
  EXPECT_TRUE(give_feedback(*connection_, at(binh(), during), id, Feedback{5, "  Rất   hay "}));
  auto absent = give_feedback(*connection_, at(cuong(), during), id, Feedback{4, ""});
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, "feedback.not_attended");
  EXPECT_EQ(absent.error().kind, ErrorKind::forbidden);
}

TEST_P(ActivitiesTest, AClashIsSavedOnlyWhenTheOfficerGoesAheadAndIsAudited) {
  published(draft("Thi đấu cầu lông", 60 * 48, 120, trade_union_));
  const ActivityDraft clashing = draft("Giao lưu văn nghệ", 60 * 48 + 60, 120, youth_union_);
  const Actor youth_officer = officer_of(youth_union_, dung_);
  auto refused = create_activity(*connection_, youth_officer, clashing);
  ASSERT_TRUE(refused) << refused.error().message.en;
  EXPECT_FALSE(refused->activity) << "not saved until the officer goes ahead";
  ASSERT_FALSE(refused->clashes.empty());
  auto check = activity_clashes(*connection_, youth_officer, clashing.activity);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->clashes.size(), refused->clashes.size());
  EXPECT_EQ(error_code(activity_clashes(*connection_, binh(), clashing.activity)),
            "access.forbidden");
  EXPECT_EQ(list_activities(*connection_, administrator(), {}).value().size(), 1u);

  ActivityDraft go_ahead = clashing;
  go_ahead.go_ahead_despite_clashes = true;
  auto saved = create_activity(*connection_, youth_officer, go_ahead);
  ASSERT_TRUE(saved && saved->activity) << saved.error().message.en;
  EXPECT_EQ(last_audit(), "create activity 8 192.0.2.1");
  EXPECT_NE(last_audit_detail().find("clashes_accepted"), std::string::npos);
  // A slot that starts as the last of them ends does not clash.
  auto after = activity_clashes(*connection_, chair(),
                                draft("Sau đó", 60 * 48 + 180, 60, trade_union_).activity);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->clashes.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ActivitiesTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
