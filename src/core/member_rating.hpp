#pragma once
// The annual rating of a union member (đánh giá, xếp loại đoàn viên, issue 18): the committee
// proposes one of the four levels, and the organization's rule caps it by what the system knows —
// the share of the organization's activities the member took part in, and the time they have been
// in the unit. Rules are dated data per kind of organization: the youth union's guide (Hướng dẫn
// 25-HD/TWĐTN-BTC, 2023) asks 90 % participation for "hoàn thành xuất sắc" and six months in the
// unit before anyone is rated; thresholds for the lower levels are the organization's own choice
// until we can verify them.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/emulation_rules.hpp"
#include "core/registry_codes.hpp"

namespace dk {

// A level needs at least this share of the activities expected of the member.
struct RatingThreshold {
  TaskRating level = TaskRating::excellent;
  std::int64_t participation_percent = 0;
  bool own_choice = false;
};

struct MemberRatingRule {
  OrganizationKind kind = OrganizationKind::youth_union;
  CivilDate effective_from;
  Text citation;
  std::int64_t months_in_unit = 0;  // fewer: not rated this year (rated by the unit they came from)
  std::vector<RatingThreshold> thresholds;  // best level first
};

std::span<const MemberRatingRule> shipped_member_rating_rules();

// The rule of `kind` in force on `day`; nothing when the organization's kind has none.
const MemberRatingRule* member_rating_rule(std::span<const MemberRatingRule> rules,
                                           OrganizationKind kind, CivilDate day);

struct RatingCheck {
  bool rated = true;                         // false: too short a time in the unit to be rated
  TaskRating level = TaskRating::completed;  // the proposed level, lowered to what the rule allows
  std::vector<Text> reasons;                 // why it was lowered, or not rated
};

// Caps the committee's proposed level by the rule: a level is allowed when the member attended
// at least its share of the activities expected of them (nothing expected: every level allowed).
RatingCheck check_member_rating(const MemberRatingRule& rule, TaskRating proposed,
                                std::int64_t attended, std::int64_t expected,
                                std::int64_t months_in_unit);

}  // namespace dk
