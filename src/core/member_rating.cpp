#include "core/member_rating.hpp"

#include <fmt/format.h>

namespace dk {
namespace {

const std::vector<MemberRatingRule>& rules() {
  static const std::vector<MemberRatingRule> kRules = {
      {.kind = OrganizationKind::youth_union,
       .effective_from = {2023, 1, 1},
       .citation = {"Hướng dẫn 25-HD/TWĐTN-BTC năm 2023 về đánh giá, xếp loại đoàn viên",
                    "Guidance 25-HD/TWĐTN-BTC (2023) on rating youth union members"},
       .months_in_unit = 6,
       .thresholds = {{TaskRating::excellent, 90, false},
                      {TaskRating::good, 70, true},
                      {TaskRating::completed, 50, true}}},
  };
  return kRules;
}

// a / b ≥ percent %, exactly.
bool share_at_least(std::int64_t a, std::int64_t b, std::int64_t percent) {
  return a * 100 >= percent * b;
}

}  // namespace

std::span<const MemberRatingRule> shipped_member_rating_rules() {
  return rules();
}

const MemberRatingRule* member_rating_rule(std::span<const MemberRatingRule> all,
                                           OrganizationKind kind, CivilDate day) {
  const MemberRatingRule* in_force = nullptr;
  for (const MemberRatingRule& rule : all)
    if (rule.kind == kind && rule.effective_from <= day &&
        (!in_force || rule.effective_from > in_force->effective_from))
      in_force = &rule;
  return in_force;
}

RatingCheck check_member_rating(const MemberRatingRule& rule, TaskRating proposed,
                                std::int64_t attended, std::int64_t expected,
                                std::int64_t months_in_unit) {
  RatingCheck check;
  check.level = proposed;
  if (months_in_unit < rule.months_in_unit) {
    check.rated = false;
    check.reasons.push_back(
        {fmt::format("Sinh hoạt tại đơn vị {} tháng, dưới {} tháng: chưa xếp loại tại đây",
                     months_in_unit, rule.months_in_unit),
         fmt::format("{} months in the unit, under {}: not rated here", months_in_unit,
                     rule.months_in_unit)});
    return check;
  }
  // The levels are listed best first: lower the proposal while its threshold is not met.
  for (const RatingThreshold& threshold : rule.thresholds) {
    if (check.level != threshold.level) continue;
    if (expected == 0 || share_at_least(attended, expected, threshold.participation_percent)) break;
    const Text from = label_of(check.level);
    check.level = static_cast<TaskRating>(static_cast<int>(check.level) + 1);
    check.reasons.push_back(
        {fmt::format("“{}” cần tham gia từ {} % hoạt động; đã tham gia {}/{}", from.vi,
                     threshold.participation_percent, attended, expected),
         fmt::format("“{}” needs {} % of activities; took part in {} of {}", from.en,
                     threshold.participation_percent, attended, expected)});
  }
  return check;
}

}  // namespace dk
