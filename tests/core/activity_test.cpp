#include "core/activity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dk {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using ::testing::ElementsAre;

// A football exchange with a partner unit, organized jointly by two organizations: valid.
Activity football_exchange() {
  Activity activity;
  activity.id = 7;
  activity.tenant_id = 1;
  activity.kind = ActivityKind::partner_exchange;
  activity.title = "Giao lưu bóng đá với Công an tỉnh";
  activity.starts_at = vietnam_instant({2026, 3, 26}, 15 * 60);
  activity.ends_at = vietnam_instant({2026, 3, 26}, 17 * 60 + 30);
  activity.place = "Sân vận động tỉnh";
  activity.organizer_ids = {3, 4};
  activity.partner_unit_ids = {9};
  activity.audience = {AudienceScope::organizations, {3, 4}};
  activity.capacity = 40;
  activity.registration_opens_at = vietnam_instant({2026, 3, 10}, 8 * 60);
  activity.registration_closes_at = vietnam_instant({2026, 3, 25}, 17 * 60);
  return activity;
}

std::vector<std::string> codes_of(const Activity& activity) {
  std::vector<std::string> codes;
  for (const Error& error : activity_problems(activity)) codes.push_back(error.code);
  return codes;
}

TEST(ActivityCodes, AreStableAndReadFromLabels) {
  EXPECT_EQ(code_of(ActivityKind::culture_arts), "culture-arts");
  EXPECT_EQ(code_of(ActivityKind::partner_exchange), "partner-exchange");
  EXPECT_EQ(label_of(ActivityKind::study).vi, "Học tập nghị quyết, chỉ thị");
  EXPECT_EQ(label_of(ActivityKind::sports).vi, "Thể dục, thể thao");
  EXPECT_EQ(label_of(ActivityStatus::done).vi, "Đã diễn ra");
  EXPECT_EQ(label_of(ActivityStatus::cancelled).vi, "Đã hủy");
  EXPECT_EQ(parse_code<ActivityKind>("Tập huấn"), ActivityKind::training);
  EXPECT_EQ(parse_code<ActivityKind>("van nghe"), ActivityKind::culture_arts);
  EXPECT_EQ(parse_code<ActivityStatus>("ĐÃ CÔNG BỐ"), ActivityStatus::published);
  EXPECT_EQ(parse_code<AudienceScope>("units"), AudienceScope::units);
  EXPECT_FALSE(parse_code<ActivityKind>("picnic"));
  for (const auto& entry : code_entries<ActivityKind>()) {
    EXPECT_EQ(parse_code<ActivityKind>(entry.code), entry.value);
    EXPECT_EQ(parse_code<ActivityKind>(entry.vi), entry.value);
  }
  for (const auto& entry : code_entries<ActivityStatus>()) {
    EXPECT_EQ(parse_code<ActivityStatus>(entry.code), entry.value);
  }
  EXPECT_EQ(code_entries<ActivityKind>().size(), 8u);
  EXPECT_EQ(code_entries<ActivityStatus>().size(), 4u);
}

TEST(ValidateActivity, AcceptsAJointExchange) {
  EXPECT_TRUE(validate_activity(football_exchange()));
  EXPECT_TRUE(activity_problems(football_exchange()).empty());
}

TEST(ValidateActivity, TitleIsRequiredAndAtMost200Characters) {
  Activity activity = football_exchange();
  activity.title = "  ";
  auto result = validate_activity(activity);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "activity.title_required");
  EXPECT_EQ(result.error().where.field, "title");
  EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
  EXPECT_FALSE(result.error().message.vi.empty());
  EXPECT_FALSE(result.error().message.en.empty());

  // 200 Vietnamese letters take 400 or more bytes; the limit counts characters.
  activity.title.clear();
  for (int i = 0; i < 200; ++i) activity.title += "ệ";
  EXPECT_TRUE(validate_activity(activity));
  activity.title += "a";
  result = validate_activity(activity);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "activity.title_too_long");
  EXPECT_EQ(result.error().where.field, "title");
}

TEST(ValidateActivity, EndsAfterStartsAndLastsAtMost31Days) {
  Activity activity = football_exchange();
  activity.ends_at = activity.starts_at;
  activity.registration_closes_at.reset();
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.ends_before_start"));
  EXPECT_EQ(activity_problems(activity).front().where.field, "ends_at");

  activity.ends_at = activity.starts_at + std::chrono::days(31);
  EXPECT_TRUE(validate_activity(activity));
  activity.ends_at += minutes(1);
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.too_long"));
}

TEST(ValidateActivity, CapacityIsAtLeastOneWhenSet) {
  Activity activity = football_exchange();
  activity.capacity = 0;
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.capacity_invalid"));
  activity.capacity = -5;
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.capacity_invalid"));
  activity.capacity = 1;
  EXPECT_TRUE(validate_activity(activity));
  activity.capacity.reset();
  EXPECT_TRUE(validate_activity(activity));
}

TEST(ValidateActivity, RegistrationClosesAfterItOpensAndNoLaterThanTheEnd) {
  Activity activity = football_exchange();
  activity.registration_closes_at = activity.registration_opens_at;
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.registration_closes_before_opening"));

  activity = football_exchange();
  activity.registration_closes_at = activity.ends_at;  // exactly the end: allowed
  EXPECT_TRUE(validate_activity(activity));
  activity.registration_closes_at = activity.ends_at + minutes(1);
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.registration_closes_after_end"));
  EXPECT_EQ(activity_problems(activity).front().where.field, "registration_closes_at");

  activity = football_exchange();
  activity.registration_closes_at.reset();
  activity.registration_opens_at = activity.ends_at;
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.registration_opens_after_end"));

  activity = football_exchange();
  activity.registration_closes_at.reset();  // closes at the start, by default
  EXPECT_TRUE(validate_activity(activity));
  activity.registration_opens_at.reset();
  EXPECT_TRUE(validate_activity(activity));
}

TEST(ValidateActivity, NeedsOrganizersWithoutRepeats) {
  Activity activity = football_exchange();
  activity.organizer_ids.clear();
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.organizer_required"));
  EXPECT_EQ(activity_problems(activity).front().where.field, "organizer_ids");
  activity.organizer_ids = {4, 3, 4};
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.organizer_duplicate"));
  activity.organizer_ids = {4};
  activity.partner_unit_ids = {9, 9};
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.partner_unit_duplicate"));
}

TEST(ValidateActivity, AudienceIdsFollowTheScope) {
  Activity activity = football_exchange();
  activity.audience = {AudienceScope::everyone, {}};
  EXPECT_TRUE(validate_activity(activity));
  activity.audience = {AudienceScope::everyone, {3}};
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.audience_ids_unexpected"));
  activity.audience = {AudienceScope::units, {}};
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.audience_required"));
  activity.audience = {AudienceScope::units, {5, 5}};
  EXPECT_THAT(codes_of(activity), ElementsAre("activity.audience_duplicate"));
}

TEST(ValidateActivity, ReportsEveryProblemAtOnce) {
  Activity activity;
  EXPECT_THAT(codes_of(activity),
              ElementsAre("activity.title_required", "activity.ends_before_start",
                          "activity.organizer_required"));
}

TEST(StatusChange, FollowsTheLifeOfAnActivity) {
  using enum ActivityStatus;
  EXPECT_TRUE(may_change_status(draft, published));
  EXPECT_TRUE(may_change_status(draft, cancelled));
  EXPECT_FALSE(may_change_status(draft, done));
  EXPECT_TRUE(may_change_status(published, cancelled));
  EXPECT_TRUE(may_change_status(published, done));
  EXPECT_FALSE(may_change_status(published, draft));
  for (const auto to : {draft, published, cancelled, done}) {
    EXPECT_FALSE(may_change_status(cancelled, to));
    EXPECT_FALSE(may_change_status(done, to));
    EXPECT_FALSE(may_change_status(to, to));
  }
}

TEST(StatusChange, DoneOnlyOnceStartedAndPublishingChecksTheActivity) {
  Activity activity = football_exchange();
  activity.status = ActivityStatus::published;
  auto result = check_status_change(activity, ActivityStatus::done, activity.starts_at - hours(1));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "activity.not_started");
  EXPECT_EQ(result.error().kind, ErrorKind::conflict);
  EXPECT_TRUE(check_status_change(activity, ActivityStatus::done, activity.starts_at));

  result = check_status_change(activity, ActivityStatus::draft, activity.starts_at);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "activity.status_change_not_allowed");
  EXPECT_NE(result.error().message.vi.find("Đã công bố"), std::string::npos);
  EXPECT_NE(result.error().message.en.find("Published"), std::string::npos);

  activity.status = ActivityStatus::draft;
  activity.title.clear();
  result = check_status_change(activity, ActivityStatus::published, activity.starts_at);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "activity.title_required");
  EXPECT_TRUE(check_status_change(activity, ActivityStatus::cancelled, activity.starts_at));
}

}  // namespace
}  // namespace dk
