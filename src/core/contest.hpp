#pragma once
// An online contest (cuộc thi trực tuyến, issue 17): who runs it, what it is about, its question
// bank (core/contest_question.hpp) and, asked of every entrant, the prediction that breaks ties
// ("Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi?"). Rounds, draws and ranking:
// core/contest_draw.hpp, core/contest_ranking.hpp.

#include <optional>
#include <string>

#include "core/activity.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"

namespace dk {

struct Contest {
  Id id = 0;
  Id tenant_id = 0;
  std::optional<Id> organization_id;  // who runs it; none: the agency
  std::string title;                  // "Tìm hiểu Bộ luật Lao động năm 2019"
  std::string description;
  std::string prediction_question;  // empty: no prediction asked
  // Who may enter: everyone of the agency, the members of organizations (with those below them in
  // the agency's tree), or the staff of departments. An organization's own contest is for its
  // members unless it names others.
  Audience audience;
  Id created_by = 0;
  Instant created_at{};
  // Launched from above (io/contest_file.hpp): the key of the contest this one was made from and
  // who sent it ("Công đoàn Viên chức tỉnh Hà Tĩnh"); empty for the agency's own.
  std::string launched_from;
  std::string launched_by;
  bool sent_down = false;  // its own file was made: copies below may send results back
};

inline constexpr std::size_t kMaxBankQuestions = 5000;

// Who may enter when the organizer names no one: an organization's members (with those below it),
// or everyone of the agency for the agency's own contest.
Audience default_audience(std::optional<Id> organization);

// A title, and ids for an audience of organizations or departments; the field-named problem
// otherwise.
Status validate_contest(const Contest& contest);

}  // namespace dk
