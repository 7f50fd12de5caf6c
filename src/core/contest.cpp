#include "core/contest.hpp"

namespace dk {

Audience default_audience(std::optional<Id> organization) {
  if (!organization) return Audience{};
  return Audience{AudienceScope::organizations, {*organization}};
}

Status validate_contest(const Contest& contest) {
  if (contest.title.empty()) {
    return fail(ErrorKind::invalid_input, "contest.title_required", "Hãy ghi tên cuộc thi.",
                "Give the contest a title.", Location{0, "title"});
  }
  if (contest.audience.scope != AudienceScope::everyone && contest.audience.ids.empty()) {
    return fail(ErrorKind::invalid_input, "contest.audience_empty",
                "Hãy chọn tổ chức hoặc phòng ban được dự thi.",
                "Choose the organizations or departments that may enter.",
                Location{0, "audience_ids"});
  }
  return {};
}

}  // namespace dk
