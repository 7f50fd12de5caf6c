#include "core/registration.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

namespace dk {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Activity study_session() {
  Activity activity;
  activity.id = 11;
  activity.kind = ActivityKind::study;
  activity.title = "Học tập Nghị quyết Đại hội";
  activity.starts_at = vietnam_instant({2026, 5, 12}, 8 * 60);
  activity.ends_at = vietnam_instant({2026, 5, 12}, 11 * 60);
  activity.organizer_ids = {2};
  activity.capacity = 100;
  activity.status = ActivityStatus::published;
  return activity;
}

std::string error_code(const Status& status) {
  return status ? std::string() : status.error().code;
}

TEST(RegistrationCodes, AreStable) {
  EXPECT_EQ(code_of(RegistrationState::waitlisted), "waitlisted");
  EXPECT_EQ(code_of(AttendanceState::excused), "excused");
  EXPECT_EQ(label_of(AttendanceState::excused).vi, "Vắng có phép");
  EXPECT_EQ(parse_code<AttendanceState>("có mặt"), AttendanceState::present);
  EXPECT_EQ(parse_code<RegistrationState>("Danh sách chờ"), RegistrationState::waitlisted);
}

TEST(MayRegister, OnlyWhenPublished) {
  Activity activity = study_session();
  const Instant before = activity.starts_at - minutes(60);
  EXPECT_TRUE(may_register(activity, before));
  activity.status = ActivityStatus::draft;
  EXPECT_EQ(error_code(may_register(activity, before)), "activity.not_published");
  activity.status = ActivityStatus::cancelled;
  const auto cancelled = may_register(activity, before);
  EXPECT_EQ(error_code(cancelled), "activity.cancelled");
  EXPECT_EQ(cancelled.error().kind, ErrorKind::conflict);
  EXPECT_EQ(cancelled.error().message.vi, "Hoạt động đã bị hủy.");
  activity.status = ActivityStatus::done;
  EXPECT_EQ(error_code(may_register(activity, before)), "registration.closed");
}

TEST(MayRegister, WithoutAWindowUntilTheStartExactly) {
  const Activity activity = study_session();
  EXPECT_TRUE(may_register(activity, activity.starts_at - seconds(1)));
  const auto at_start = may_register(activity, activity.starts_at);
  EXPECT_EQ(error_code(at_start), "registration.closed");
  EXPECT_EQ(at_start.error().message.en, "Registration has closed.");
}

TEST(MayRegister, InsideTheHalfOpenWindow) {
  Activity activity = study_session();
  activity.registration_opens_at = vietnam_instant({2026, 5, 1}, 0);
  activity.registration_closes_at = vietnam_instant({2026, 5, 10}, 17 * 60);
  const Instant opens = *activity.registration_opens_at;
  const Instant closes = *activity.registration_closes_at;
  const auto early = may_register(activity, opens - seconds(1));
  EXPECT_EQ(error_code(early), "registration.not_open_yet");
  EXPECT_EQ(early.error().where.field, "registration_opens_at");
  EXPECT_TRUE(may_register(activity, opens));
  EXPECT_TRUE(may_register(activity, closes - seconds(1)));
  EXPECT_EQ(error_code(may_register(activity, closes)), "registration.closed");
  // A window that closes at the end lets people register after the start (a long training).
  activity.registration_closes_at = activity.ends_at;
  EXPECT_TRUE(may_register(activity, activity.starts_at + minutes(30)));
}

TEST(MayCancelRegistration, UntilTheStart) {
  Activity activity = study_session();
  EXPECT_TRUE(may_cancel_registration(activity, activity.starts_at - seconds(1)));
  EXPECT_EQ(error_code(may_cancel_registration(activity, activity.starts_at)),
            "registration.closed");
  activity.status = ActivityStatus::cancelled;
  EXPECT_EQ(error_code(may_cancel_registration(activity, activity.starts_at - minutes(5))),
            "activity.cancelled");
}

TEST(PlaceForNew, FillsTheCapacityThenWaitlists) {
  EXPECT_EQ(place_for_new(std::nullopt, 0), RegistrationState::registered);
  EXPECT_EQ(place_for_new(std::nullopt, 1'000'000), RegistrationState::registered);
  EXPECT_EQ(place_for_new(0, 0), RegistrationState::waitlisted);
  EXPECT_EQ(place_for_new(1, 0), RegistrationState::registered);
  EXPECT_EQ(place_for_new(1, 1), RegistrationState::waitlisted);
  EXPECT_EQ(place_for_new(100, 99), RegistrationState::registered);
  EXPECT_EQ(place_for_new(100, 100), RegistrationState::waitlisted);
  // More registered than places (the capacity was lowered): nobody new gets in.
  EXPECT_EQ(place_for_new(100, 120), RegistrationState::waitlisted);
}

TEST(Promotions, MoveUpInOrderIntoFreePlaces) {
  const std::vector<Id> waitlist = {31, 17, 52, 8};
  EXPECT_THAT(promotions(10, 10, waitlist), IsEmpty());
  EXPECT_THAT(promotions(10, 9, waitlist), ElementsAre(31));
  EXPECT_THAT(promotions(10, 8, waitlist), ElementsAre(31, 17));
  EXPECT_THAT(promotions(10, 0, waitlist), ElementsAre(31, 17, 52, 8));
  EXPECT_THAT(promotions(10, 12, waitlist), IsEmpty());
  EXPECT_THAT(promotions(std::nullopt, 500, waitlist), ElementsAre(31, 17, 52, 8));
  EXPECT_THAT(promotions(0, 0, waitlist), IsEmpty());
  EXPECT_THAT(promotions(10, 0, {}), IsEmpty());
}

// What the store does with these rules: 1,000 people register one after another for 100 places,
// then some cancel and the capacity grows; the waitlist keeps its order throughout.
TEST(Promotions, AThousandRegistrationsForAHundredPlaces) {
  const std::int64_t capacity = 100;
  std::vector<Id> registered;
  std::deque<Id> waitlist;
  for (Id person = 1; person <= 1000; ++person) {
    const auto state = place_for_new(capacity, static_cast<std::int64_t>(registered.size()));
    if (state == RegistrationState::registered) {
      registered.push_back(person);
    } else {
      waitlist.push_back(person);
    }
  }
  ASSERT_EQ(registered.size(), 100u);
  ASSERT_EQ(waitlist.size(), 900u);
  EXPECT_EQ(registered.front(), 1);
  EXPECT_EQ(registered.back(), 100);
  EXPECT_EQ(waitlist.front(), 101);

  const auto promote = [&](std::optional<std::int64_t> places) -> std::size_t {
    const std::vector<Id> queue(waitlist.begin(), waitlist.end());
    const auto moving = promotions(places, static_cast<std::int64_t>(registered.size()), queue);
    for (const Id person : moving) {
      EXPECT_EQ(person, waitlist.front());  // in order, from the front
      waitlist.pop_front();
      registered.push_back(person);
    }
    return moving.size();
  };

  // Ten cancel: the next ten in line move up.
  registered.erase(registered.begin() + 20, registered.begin() + 30);
  EXPECT_EQ(promote(capacity), 10u);
  EXPECT_EQ(registered.size(), 100u);
  EXPECT_EQ(registered.back(), 110);
  EXPECT_EQ(waitlist.front(), 111);
  EXPECT_EQ(promote(capacity), 0u);

  // The hall is bigger than planned: 150 places.
  EXPECT_EQ(promote(150), 50u);
  EXPECT_EQ(registered.size(), 150u);
  EXPECT_EQ(waitlist.front(), 161);

  // No limit at all: everyone waiting gets in, in order.
  EXPECT_EQ(promote(std::nullopt), 840u);
  EXPECT_TRUE(waitlist.empty());
  EXPECT_EQ(registered.back(), 1000);
}

TEST(MayCheckIn, FromAnHourBeforeTheStartUntilTheEnd) {
  Activity activity = study_session();
  EXPECT_EQ(error_code(may_check_in(activity, activity.starts_at - minutes(61))),
            "check_in.not_open_yet");
  EXPECT_TRUE(may_check_in(activity, activity.starts_at - minutes(60)));
  EXPECT_TRUE(may_check_in(activity, activity.ends_at - seconds(1)));
  EXPECT_EQ(error_code(may_check_in(activity, activity.ends_at)), "check_in.closed");
  EXPECT_TRUE(may_check_in(activity, activity.starts_at - minutes(15), minutes(15)));
  activity.status = ActivityStatus::done;
  EXPECT_TRUE(may_check_in(activity, activity.starts_at + minutes(5)));
  activity.status = ActivityStatus::cancelled;
  EXPECT_EQ(error_code(may_check_in(activity, activity.starts_at)), "activity.cancelled");
  activity.status = ActivityStatus::draft;
  EXPECT_EQ(error_code(may_check_in(activity, activity.starts_at)), "activity.not_published");
}

TEST(AttendanceForCheckIn, LateOnlyAfterTheGrace) {
  const Instant start = vietnam_instant({2026, 5, 12}, 8 * 60);
  EXPECT_EQ(attendance_for_check_in(start, start - minutes(30), minutes(10)),
            AttendanceState::present);
  EXPECT_EQ(attendance_for_check_in(start, start, minutes(10)), AttendanceState::present);
  EXPECT_EQ(attendance_for_check_in(start, start + minutes(10), minutes(10)),
            AttendanceState::present);
  EXPECT_EQ(attendance_for_check_in(start, start + minutes(10) + seconds(1), minutes(10)),
            AttendanceState::late);
  EXPECT_EQ(attendance_for_check_in(start, start + seconds(1), minutes(0)), AttendanceState::late);
  EXPECT_EQ(attendance_for_check_in(start, start + minutes(11)), AttendanceState::late);
}

TEST(ValidateFeedback, RatingCommentTimeAndAttendance) {
  const Instant start = vietnam_instant({2026, 5, 12}, 8 * 60);
  const Instant after = start + minutes(200);
  EXPECT_TRUE(validate_feedback({5, "Rất bổ ích"}, start, after, AttendanceState::present));
  EXPECT_TRUE(validate_feedback({1, ""}, start, start, AttendanceState::late));

  for (const int rating : {0, 6, -1}) {
    const auto result = validate_feedback({rating, ""}, start, after, AttendanceState::present);
    EXPECT_EQ(error_code(result), "feedback.rating_invalid");
    EXPECT_EQ(result.error().where.field, "rating");
  }

  Feedback long_comment{4, std::string(1000, 'x')};
  EXPECT_TRUE(validate_feedback(long_comment, start, after, AttendanceState::present));
  long_comment.comment.clear();
  for (int i = 0; i < 1000; ++i) long_comment.comment += "ữ";  // characters, not bytes
  EXPECT_TRUE(validate_feedback(long_comment, start, after, AttendanceState::present));
  long_comment.comment += "a";
  const auto too_long = validate_feedback(long_comment, start, after, AttendanceState::present);
  EXPECT_EQ(error_code(too_long), "feedback.comment_too_long");
  EXPECT_EQ(too_long.error().where.field, "comment");

  EXPECT_EQ(
      error_code(validate_feedback({4, ""}, start, start - seconds(1), AttendanceState::present)),
      "feedback.too_early");
  for (const auto attendance :
       {std::optional<AttendanceState>(), std::optional(AttendanceState::absent),
        std::optional(AttendanceState::excused)}) {
    const auto result = validate_feedback({4, ""}, start, after, attendance);
    EXPECT_EQ(error_code(result), "feedback.not_attended");
    EXPECT_EQ(result.error().kind, ErrorKind::forbidden);
  }
}

}  // namespace
}  // namespace dk
