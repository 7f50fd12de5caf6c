#include "core/registration.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<RegistrationState> kRegistrationStates[] = {
    {RegistrationState::registered, "registered", "Đã đăng ký", "Registered", "dang ky"},
    {RegistrationState::waitlisted, "waitlisted", "Danh sách chờ", "Waitlisted",
     "cho|dang cho|waitlist"},
    {RegistrationState::cancelled, "cancelled", "Đã hủy đăng ký", "Cancelled",
     "huy|da huy|canceled"},
};

constexpr CodeEntry<AttendanceState> kAttendanceStates[] = {
    {AttendanceState::present, "present", "Có mặt", "Present", "co mat|du"},
    {AttendanceState::late, "late", "Đến muộn", "Late", "muon|di muon"},
    {AttendanceState::absent, "absent", "Vắng", "Absent", "vang mat|vang khong phep"},
    {AttendanceState::excused, "excused", "Vắng có phép", "Excused", "co phep"},
};

std::unexpected<Error> conflict(std::string code, std::string field, std::string vi,
                                std::string en) {
  return fail(ErrorKind::conflict, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

// The refusals that do not depend on the time: the activity must be published (or, for
// `also_done`, done) and not cancelled.
Status check_open_status(const Activity& activity, bool also_done) {
  switch (activity.status) {
    case ActivityStatus::published:
      return {};
    case ActivityStatus::done:
      if (also_done) return {};
      return conflict("registration.closed", "status", "Hoạt động đã diễn ra.",
                      "The activity has already taken place.");
    case ActivityStatus::cancelled:
      return conflict("activity.cancelled", "status", "Hoạt động đã bị hủy.",
                      "The activity has been cancelled.");
    case ActivityStatus::draft:
      break;
  }
  return conflict("activity.not_published", "status", "Hoạt động chưa được công bố.",
                  "The activity has not been published.");
}

std::unexpected<Error> registration_closed(std::string field) {
  return conflict("registration.closed", std::move(field), "Đã hết hạn đăng ký.",
                  "Registration has closed.");
}

}  // namespace

template <>
std::span<const CodeEntry<RegistrationState>> code_entries() {
  return kRegistrationStates;
}
template <>
std::span<const CodeEntry<AttendanceState>> code_entries() {
  return kAttendanceStates;
}

Status may_register(const Activity& activity, Instant now) {
  if (auto open = check_open_status(activity, false); !open) return open;
  if (activity.registration_opens_at && now < *activity.registration_opens_at) {
    return conflict("registration.not_open_yet", "registration_opens_at",
                    "Chưa đến thời gian mở đăng ký.", "Registration has not opened yet.");
  }
  if (activity.registration_closes_at) {
    if (now >= *activity.registration_closes_at)
      return registration_closed("registration_closes_at");
  } else if (now >= activity.starts_at) {
    return registration_closed("starts_at");
  }
  return {};
}

Status may_cancel_registration(const Activity& activity, Instant now) {
  if (auto open = check_open_status(activity, false); !open) return open;
  if (now >= activity.starts_at) return registration_closed("starts_at");
  return {};
}

RegistrationState place_for_new(std::optional<std::int64_t> capacity, std::int64_t registered_now) {
  if (!capacity || registered_now < *capacity) return RegistrationState::registered;
  return RegistrationState::waitlisted;
}

std::vector<Id> promotions(std::optional<std::int64_t> capacity, std::int64_t registered_now,
                           const std::vector<Id>& waitlist_in_order) {
  std::size_t free = waitlist_in_order.size();
  if (capacity)
    free = static_cast<std::size_t>(std::max<std::int64_t>(0, *capacity - registered_now));
  const std::size_t moving = std::min(free, waitlist_in_order.size());
  return {waitlist_in_order.begin(),
          waitlist_in_order.begin() + static_cast<std::ptrdiff_t>(moving)};
}

Status may_check_in(const Activity& activity, Instant now, std::chrono::minutes opens_before) {
  if (auto open = check_open_status(activity, true); !open) return open;
  if (now < activity.starts_at - opens_before) {
    return conflict(
        "check_in.not_open_yet", "starts_at",
        fmt::format("Chỉ điểm danh được từ {} phút trước giờ bắt đầu.", opens_before.count()),
        fmt::format("Check-in opens {} minutes before the start.", opens_before.count()));
  }
  if (now >= activity.ends_at) {
    return conflict("check_in.closed", "ends_at", "Hoạt động đã kết thúc, không thể điểm danh.",
                    "The activity has ended; check-in is closed.");
  }
  return {};
}

AttendanceState attendance_for_check_in(Instant starts_at, Instant checked_in_at,
                                        std::chrono::minutes grace) {
  return checked_in_at <= starts_at + grace ? AttendanceState::present : AttendanceState::late;
}

Status validate_feedback(const Feedback& feedback, Instant activity_starts_at, Instant now,
                         std::optional<AttendanceState> attendance) {
  if (feedback.rating < 1 || feedback.rating > 5) {
    return fail(ErrorKind::invalid_input, "feedback.rating_invalid", "Đánh giá từ 1 đến 5 sao.",
                "The rating is from 1 to 5 stars.", Location{0, "rating"});
  }
  if (count_characters(feedback.comment) > kMaxFeedbackCommentLength) {
    return fail(ErrorKind::invalid_input, "feedback.comment_too_long",
                fmt::format("Nhận xét dài tối đa {} ký tự.", kMaxFeedbackCommentLength),
                fmt::format("The comment is at most {} characters.", kMaxFeedbackCommentLength),
                Location{0, "comment"});
  }
  if (now < activity_starts_at) {
    return conflict("feedback.too_early", "", "Chỉ đánh giá được sau khi hoạt động bắt đầu.",
                    "Feedback opens once the activity has started.");
  }
  if (attendance != AttendanceState::present && attendance != AttendanceState::late) {
    return fail(ErrorKind::forbidden, "feedback.not_attended",
                "Chỉ người đã tham dự mới đánh giá được hoạt động.",
                "Only those who attended can give feedback.");
  }
  return {};
}

}  // namespace dk
