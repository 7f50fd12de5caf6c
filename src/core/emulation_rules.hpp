#pragma once
// The rules of emulation titles (thi đua – khen thưởng, issue 18) as data with the day each
// version took effect: the Law on Emulation and Commendation 06/2022/QH15 and its decrees
// (98/2023/NĐ-CP, replaced by 152/2025/NĐ-CP from 01/07/2025), the trade union's and the youth
// union's own regulations, and what an organization chose where the law leaves it a choice. A title
// is a code ("lao-dong-tien-tien"); a version of its rule is a list of criteria and at most one
// quota; the version in force on the day of the evaluation applies, so a rule changed mid-year
// applies to the years evaluated after it took effect. A changed rule is a new version, never an
// edit of an old one: an award decided under a version stays explained by it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk {

// Who a title is for.
enum class EmulationSubject {
  person,      // cá nhân
  collective,  // tập thể: a department or an organization
};

// The four levels of the annual rating of task completion (đánh giá, xếp loại), best first.
enum class TaskRating {
  excellent,      // Hoàn thành xuất sắc nhiệm vụ
  good,           // Hoàn thành tốt nhiệm vụ
  completed,      // Hoàn thành nhiệm vụ
  not_completed,  // Không hoàn thành nhiệm vụ
};

// Disciplinary measures in the year, lightest first (none: not disciplined).
enum class DisciplineLevel {
  none,
  reprimand,  // Khiển trách
  warning,    // Cảnh cáo
  heavier,    // Hạ bậc lương, giáng chức, cách chức, buộc thôi việc …
};

enum class CriterionKind {
  // Of a person.
  rating_at_least,         // the year's rating is `rating` or better
  months_in_service,       // at least `number` months in service by the end of the year
  absence_days_below,      // fewer than `number` working days absent (leave the law excuses aside)
  discipline_below,        // no measure at `discipline` or heavier in the year
  initiative,              // a recognised initiative (sáng kiến) or its equivalent
  rating_or_initiative,    // rated `rating` or better, or a recognised initiative
  title_this_year,         // proposed for `title` this year too
  title_consecutive,       // `title` in each of the `number` years ending with this one
  participation_at_least,  // attended at least `number` % of the activities expected of them
  council_votes_at_least,  // at least `number` % of the council's members voted yes
  // Of a collective.
  collective_rating_at_least,    // the collective's own rating is `rating` or better
  members_rating_at_least,       // at least `number` % of its members rated `rating` or better
  members_title_share_above,     // more than `number` % of its members proposed for `title`
  members_title_share_at_least,  // at least `number` % of its members proposed for `title`
  members_title_count,           // at least `number` of its members proposed for `title`
  members_discipline_below,      // none of its members disciplined at `discipline` or heavier
};

struct Criterion {
  CriterionKind kind = CriterionKind::rating_at_least;
  std::int64_t number = 0;
  TaskRating rating = TaskRating::good;
  DisciplineLevel discipline = DisciplineLevel::reprimand;
  std::string title;        // for the kinds about a title
  bool own_choice = false;  // a value the organization chose where the law leaves it open
};

// Criteria as rule tables write them: the kind, and the one value it needs.
Criterion criterion_of(CriterionKind kind);
Criterion rating_criterion(CriterionKind kind, TaskRating rating, std::int64_t share = 0);
Criterion number_criterion(CriterionKind kind, std::int64_t number, std::string_view title = {});
Criterion discipline_criterion(CriterionKind kind, DisciplineLevel level, bool own_choice = false);

// At most `percent` % (rounded down) of those proposed for `of_title` in the same organization
// and year, e.g. Chiến sĩ thi đua cơ sở at most 15 % of Lao động tiên tiến; or, with `of_title`
// empty, of the organization's members (or collectives) evaluated.
struct Quota {
  std::string of_title;
  std::int64_t percent = 0;
  bool own_choice = false;
};

struct TitleRule {
  std::string title;  // the code
  Text name;          // "Lao động tiên tiến"
  EmulationSubject subject = EmulationSubject::person;
  // The kind of organization that awards it ("Đoàn viên công đoàn xuất sắc": trade unions);
  // every kind when empty. Every version of a title keeps its subject and its kind.
  std::optional<OrganizationKind> organization_kind;
  CivilDate effective_from;
  Text citation;  // where the rule comes from: "Điều 26 Luật Thi đua, khen thưởng 2022" …
  std::vector<Criterion> criteria;
  std::optional<Quota> quota;
};

// Whether a set of versions is sound: criteria with the numbers their kind needs (percentages
// 0–100, a positive number of years or months), titles named by criteria and quotas that exist,
// no title that depends on itself, and at most one version of a title per day. The problem says
// which version and which criterion.
Status check_title_rules(std::span<const TitleRule> rules);

// The versions of the titles an organization of `kind` awards.
std::vector<TitleRule> rules_for(std::span<const TitleRule> rules, OrganizationKind kind);

// The version of `title` in force on `day`: the latest to take effect on or before it; nothing
// when none had taken effect by then.
const TitleRule* rule_in_force(std::span<const TitleRule> rules, std::string_view title,
                               CivilDate day);

// The titles of `subject` whose rules are in force on `day`, each once, in the order they must be
// evaluated: a title after every title its criteria or its quota name.
std::vector<const TitleRule*> rules_in_order(std::span<const TitleRule> rules,
                                             EmulationSubject subject, CivilDate day);

// A criterion in words, as an explanation names what was not met: "Hoàn thành tốt nhiệm vụ trở
// lên" / "Rated good or better".
Text describe(const Criterion& criterion, std::span<const TitleRule> rules, CivilDate day);

template <>
std::span<const CodeEntry<TaskRating>> code_entries();
template <>
std::span<const CodeEntry<DisciplineLevel>> code_entries();
template <>
std::span<const CodeEntry<EmulationSubject>> code_entries();
template <>
std::span<const CodeEntry<CriterionKind>> code_entries();

// What a criterion of `kind` needs besides its kind, as a rule editor asks for it.
struct CriterionNeeds {
  bool number = false;   // a count, a number of months or days, or a share
  bool percent = false;  // the number is a share, 0–100
  bool rating = false;
  bool discipline = false;
  bool title = false;
  bool collective = false;  // a criterion of a collective (else of a person)
};
CriterionNeeds needs_of(CriterionKind kind);

}  // namespace dk
