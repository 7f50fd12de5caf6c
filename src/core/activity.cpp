#include "core/activity.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

constexpr CodeEntry<ActivityKind> kActivityKinds[] = {
    {ActivityKind::meeting, "meeting", "Họp", "Meeting", "hop|cuoc hop|hoi nghi"},
    {ActivityKind::study, "study", "Học tập nghị quyết, chỉ thị",
     "Study of resolutions and directives", "hoc tap|hoc tap nghi quyet|quan triet|study"},
    {ActivityKind::culture_arts, "culture-arts", "Văn hóa, văn nghệ", "Culture and arts",
     "van nghe|van hoa|van hoa van nghe"},
    {ActivityKind::sports, "sports", "Thể dục, thể thao", "Sports",
     "the thao|tdtt|the duc the thao"},
    {ActivityKind::partner_exchange, "partner-exchange", "Giao lưu với đơn vị kết nghĩa",
     "Exchange with a partner unit", "giao luu|ket nghia|giao luu ket nghia"},
    {ActivityKind::volunteering, "volunteering", "Tình nguyện, từ thiện",
     "Volunteering and charity", "tinh nguyen|tu thien"},
    {ActivityKind::training, "training", "Tập huấn", "Training", "tap huan|boi duong"},
    {ActivityKind::other, "other", "Khác", "Other", "hoat dong khac"},
};

constexpr CodeEntry<ActivityStatus> kActivityStatuses[] = {
    {ActivityStatus::draft, "draft", "Nháp", "Draft", "ban nhap|du thao"},
    {ActivityStatus::published, "published", "Đã công bố", "Published", "cong bo"},
    {ActivityStatus::cancelled, "cancelled", "Đã hủy", "Cancelled", "huy|da huy bo|canceled"},
    {ActivityStatus::done, "done", "Đã diễn ra", "Done", "da to chuc|hoan thanh"},
};

constexpr CodeEntry<AudienceScope> kAudienceScopes[] = {
    {AudienceScope::everyone, "everyone", "Toàn cơ quan", "Everyone", "tat ca|toan the"},
    {AudienceScope::organizations, "organizations", "Hội viên, đoàn viên của tổ chức",
     "Members of organizations", "to chuc"},
    {AudienceScope::units, "units", "Cán bộ của phòng, đơn vị", "Staff of units", "phong|don vi"},
};

Error problem(std::string code, std::string field, std::string vi, std::string en) {
  return Error{ErrorKind::invalid_input, std::move(code), Text{std::move(vi), std::move(en)},
               Location{0, std::move(field)}};
}

bool has_duplicates(std::vector<Id> ids) {
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void check_length(std::vector<Error>& problems, std::string_view text, std::size_t limit,
                  std::string_view field, std::string_view vi_name, std::string_view en_name) {
  const std::size_t length = count_characters(text);
  if (length <= limit) return;
  problems.push_back(
      problem(fmt::format("activity.{}_too_long", field), std::string(field),
              fmt::format("{} dài quá {} ký tự ({} ký tự).", vi_name, limit, length),
              fmt::format("The {} is longer than {} characters ({}).", en_name, limit, length)));
}

void check_times(std::vector<Error>& problems, const Activity& activity) {
  if (activity.ends_at <= activity.starts_at) {
    problems.push_back(problem("activity.ends_before_start", "ends_at",
                               "Thời gian kết thúc phải sau thời gian bắt đầu.",
                               "The end must come after the start."));
  } else if (activity.ends_at - activity.starts_at > kMaxActivityDuration) {
    problems.push_back(
        problem("activity.too_long", "ends_at",
                fmt::format("Một hoạt động kéo dài tối đa {} ngày.", kMaxActivityDuration.count()),
                fmt::format("An activity lasts at most {} days.", kMaxActivityDuration.count())));
  }
}

void check_registration_window(std::vector<Error>& problems, const Activity& activity) {
  const auto& opens = activity.registration_opens_at;
  const auto& closes = activity.registration_closes_at;
  if (opens && closes && *closes <= *opens) {
    problems.push_back(problem(
        "activity.registration_closes_before_opening", "registration_closes_at",
        "Hạn đăng ký phải sau thời điểm mở đăng ký.", "Registration must close after it opens."));
  }
  if (closes && *closes > activity.ends_at) {
    problems.push_back(problem("activity.registration_closes_after_end", "registration_closes_at",
                               "Hạn đăng ký không được muộn hơn lúc hoạt động kết thúc.",
                               "Registration cannot close after the activity ends."));
  }
  if (opens && *opens >= activity.ends_at) {
    problems.push_back(problem("activity.registration_opens_after_end", "registration_opens_at",
                               "Phải mở đăng ký trước khi hoạt động kết thúc.",
                               "Registration must open before the activity ends."));
  }
}

// A list of chosen ids ("activity.<what>_required", "activity.<what>_duplicate"): each id at
// most once and, unless `required` is nothing, at least one.
void check_chosen(std::vector<Error>& problems, const std::vector<Id>& ids, std::string_view field,
                  std::string_view what, std::optional<Text> required, Text duplicate) {
  if (ids.empty() && required) {
    problems.push_back(problem(fmt::format("activity.{}_required", what), std::string(field),
                               std::move(required->vi), std::move(required->en)));
  } else if (has_duplicates(ids)) {
    problems.push_back(problem(fmt::format("activity.{}_duplicate", what), std::string(field),
                               std::move(duplicate.vi), std::move(duplicate.en)));
  }
}

void check_audience(std::vector<Error>& problems, const Audience& audience) {
  if (audience.scope == AudienceScope::everyone) {
    if (!audience.ids.empty()) {
      problems.push_back(
          problem("activity.audience_ids_unexpected", "audience",
                  "Đối tượng “toàn cơ quan” không kèm danh sách tổ chức hay phòng.",
                  "An audience of everyone takes no list of organizations or units."));
    }
    return;
  }
  check_chosen(problems, audience.ids, "audience", "audience",
               Text{"Chọn ít nhất một tổ chức hoặc phòng, đơn vị tham gia.",
                    "Choose at least one organization or unit for the audience."},
               Text{"Một tổ chức hoặc phòng được chọn hai lần.",
                    "An organization or unit is chosen twice."});
}

}  // namespace

template <>
std::span<const CodeEntry<ActivityKind>> code_entries() {
  return kActivityKinds;
}
template <>
std::span<const CodeEntry<ActivityStatus>> code_entries() {
  return kActivityStatuses;
}
template <>
std::span<const CodeEntry<AudienceScope>> code_entries() {
  return kAudienceScopes;
}

std::vector<Error> activity_problems(const Activity& activity) {
  std::vector<Error> problems;
  if (is_blank(activity.title)) {
    problems.push_back(problem("activity.title_required", "title", "Chưa nhập tên hoạt động.",
                               "The title is required."));
  }
  check_length(problems, activity.title, kMaxActivityTitleLength, "title", "Tên hoạt động",
               "title");
  check_length(problems, activity.place, kMaxActivityPlaceLength, "place", "Địa điểm", "place");
  check_length(problems, activity.description, kMaxActivityDescriptionLength, "description",
               "Nội dung", "description");
  check_times(problems, activity);
  if (activity.capacity && *activity.capacity < 1) {
    problems.push_back(problem("activity.capacity_invalid", "capacity",
                               "Số chỗ phải từ 1 trở lên (để trống nếu không giới hạn).",
                               "The capacity must be at least 1 (leave it empty for no limit)."));
  }
  check_registration_window(problems, activity);
  check_chosen(
      problems, activity.organizer_ids, "organizer_ids", "organizer",
      Text{"Cần ít nhất một tổ chức chủ trì.", "At least one organizing organization is required."},
      Text{"Một tổ chức được chọn làm đơn vị tổ chức hai lần.",
           "An organization is listed twice among the organizers."});
  check_chosen(problems, activity.partner_unit_ids, "partner_unit_ids", "partner_unit",
               std::nullopt,
               Text{"Một đơn vị kết nghĩa được chọn hai lần.", "A partner unit is listed twice."});
  check_audience(problems, activity.audience);
  return problems;
}

Status validate_activity(const Activity& activity) {
  auto problems = activity_problems(activity);
  if (problems.empty()) return {};
  return std::unexpected(std::move(problems.front()));
}

bool may_change_status(ActivityStatus from, ActivityStatus to) {
  switch (from) {
    case ActivityStatus::draft:
      return to == ActivityStatus::published || to == ActivityStatus::cancelled;
    case ActivityStatus::published:
      return to == ActivityStatus::cancelled || to == ActivityStatus::done;
    case ActivityStatus::cancelled:
    case ActivityStatus::done:
      return false;
  }
  return false;
}

Status check_status_change(const Activity& activity, ActivityStatus to, Instant now) {
  if (!may_change_status(activity.status, to)) {
    const Text from_label = label_of(activity.status);
    const Text to_label = label_of(to);
    return fail(
        ErrorKind::conflict, "activity.status_change_not_allowed",
        fmt::format("Không thể chuyển hoạt động từ “{}” sang “{}”.", from_label.vi, to_label.vi),
        fmt::format("An activity cannot go from “{}” to “{}”.", from_label.en, to_label.en),
        Location{0, "status"});
  }
  if (to == ActivityStatus::done && now < activity.starts_at) {
    return fail(ErrorKind::conflict, "activity.not_started",
                "Hoạt động chưa bắt đầu nên chưa thể ghi nhận đã diễn ra.",
                "The activity has not started yet, so it cannot be done.", Location{0, "status"});
  }
  if (to == ActivityStatus::published) return validate_activity(activity);
  return {};
}

}  // namespace dk
