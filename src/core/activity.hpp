#pragma once
// An activity of a mass organization (a meeting, a study session on a resolution, a football
// exchange with a partner unit …): what it is, when and where, who organizes it and for whom, and
// the rules a draft must meet before it is saved. The store persists it; the service decides who
// may change it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class ActivityKind {
  meeting,           // Họp
  study,             // Học tập nghị quyết, chỉ thị
  culture_arts,      // Văn hóa, văn nghệ
  sports,            // Thể dục, thể thao
  partner_exchange,  // Giao lưu với đơn vị kết nghĩa
  volunteering,      // Tình nguyện, từ thiện
  training,          // Tập huấn
  other,
};

enum class ActivityStatus {
  draft,      // visible to its organizers only
  published,  // visible to its audience, open for registration
  cancelled,  // final: kept with its registrations for the record
  done,       // final: it took place; attendance and feedback belong to it
};

// Who an activity is for. Ids are organizations (members of those) or units (staff of those
// departments) of the same agency; `everyone` takes no ids.
enum class AudienceScope { everyone, organizations, units };

struct Audience {
  AudienceScope scope = AudienceScope::everyone;
  std::vector<Id> ids;
};

template <>
std::span<const CodeEntry<ActivityKind>> code_entries();
template <>
std::span<const CodeEntry<ActivityStatus>> code_entries();
template <>
std::span<const CodeEntry<AudienceScope>> code_entries();

struct Activity {
  Id id = 0;
  Id tenant_id = 0;
  std::optional<Id> plan_id;  // nothing: a stand-alone activity outside the year's plan
  ActivityKind kind = ActivityKind::other;
  std::string title;  // normalized text (normalize_text)
  std::string description;
  Instant starts_at{};
  Instant ends_at{};  // after starts_at; [starts_at, ends_at) is when it takes place
  std::string place;
  // Organizations of the agency that organize it; the first one leads. Several make a joint
  // activity (the youth union and the trade union together).
  std::vector<Id> organizer_ids;
  std::vector<Id> partner_unit_ids;  // outside units taking part (đơn vị kết nghĩa)
  Audience audience;
  std::optional<std::int64_t> capacity;  // nothing: no limit on registrations
  // The registration window [opens, closes). Without `closes`, registration closes when the
  // activity starts; without `opens`, it is open from publication.
  std::optional<Instant> registration_opens_at;
  std::optional<Instant> registration_closes_at;
  bool required = false;  // attendance is expected of the audience (bắt buộc), not just invited
  ActivityStatus status = ActivityStatus::draft;
};

inline constexpr std::size_t kMaxActivityTitleLength = 200;          // characters
inline constexpr std::size_t kMaxActivityPlaceLength = 200;          // characters
inline constexpr std::size_t kMaxActivityDescriptionLength = 10000;  // characters
// Longer events (a month-long emulation drive) are plans or programmes, not one activity.
inline constexpr std::chrono::days kMaxActivityDuration{31};

// Every problem of an activity, each with a stable code ("activity.title_required") and the field
// it concerns (the member's name in Activity: "title", "ends_at", "registration_closes_at" …), so
// that a form marks all of them at once. Empty when the activity may be saved.
std::vector<Error> activity_problems(const Activity& activity);

// The first of activity_problems, for callers that stop at one.
Status validate_activity(const Activity& activity);

// Whether the status may go from `from` to `to`: a draft is published or dropped (cancelled); a
// published activity is cancelled or marked done; cancelled and done are final, so registrations
// and attendance never belong to an activity that changes its mind. Staying the same is not a
// change and answers false.
bool may_change_status(ActivityStatus from, ActivityStatus to);

// may_change_status, plus the rules that need the clock: an activity is done only once it has
// started, and publishing it checks it once more. Errors: "activity.status_change_not_allowed",
// "activity.not_started" (kind conflict), or the activity's first problem.
Status check_status_change(const Activity& activity, ActivityStatus to, Instant now);

}  // namespace dk
