#include "core/contest.hpp"

namespace dk {

Status validate_contest(const Contest& contest) {
  if (contest.title.empty()) {
    return fail(ErrorKind::invalid_input, "contest.title_required", "Hãy ghi tên cuộc thi.",
                "Give the contest a title.", Location{0, "title"});
  }
  return {};
}

}  // namespace dk
