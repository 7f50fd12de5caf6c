#include "core/plan.hpp"

#include <fmt/format.h>

namespace dk {
namespace {

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

}  // namespace

Status validate_plan(const Plan& plan) {
  if (plan.title.empty())
    return invalid("title", "plan.title_required", "Hãy đặt tên kế hoạch.",
                   "Give the plan a title.");
  if (plan.year < 2000 || plan.year > 2100) {
    return invalid("year", "plan.year_invalid", "Năm của kế hoạch phải từ 2000 đến 2100.",
                   "The plan's year must be between 2000 and 2100.");
  }
  for (const auto& [kind, target] : plan.activity_targets) {
    if (target < 0 || target > 10'000) {
      return invalid(
          "activity_targets", "plan.target_invalid",
          fmt::format("Chỉ tiêu “{}” phải từ 0 đến 10.000.", label_of(kind).vi),
          fmt::format("The target for “{}” must be between 0 and 10,000.", label_of(kind).en));
    }
  }
  if (plan.participation_target &&
      (*plan.participation_target < 0 || *plan.participation_target > 100)) {
    return invalid("participation_target", "plan.participation_invalid",
                   "Tỷ lệ tham gia là phần trăm, từ 0 đến 100.",
                   "The participation target is a percentage, from 0 to 100.");
  }
  if (plan.reach_target && *plan.reach_target < 0) {
    return invalid("reach_target", "plan.reach_invalid", "Số người cần đến không được âm.",
                   "The reach target cannot be negative.");
  }
  return {};
}

Status validate_programme(const Programme& programme) {
  if (programme.title.empty()) {
    return invalid("title", "programme.title_required", "Hãy đặt tên chương trình.",
                   "Give the programme a title.");
  }
  return {};
}

}  // namespace dk
