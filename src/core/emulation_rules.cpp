#include "core/emulation_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace dk {

template <>
std::span<const CodeEntry<TaskRating>> code_entries() {
  static constexpr CodeEntry<TaskRating> kEntries[] = {
      {TaskRating::excellent, "excellent", "Hoàn thành xuất sắc nhiệm vụ",
       "Completed tasks with distinction", "hoan thanh xuat sac|xuat sac|htxsnv"},
      {TaskRating::good, "good", "Hoàn thành tốt nhiệm vụ", "Completed tasks well",
       "hoan thanh tot|tot|httnv"},
      {TaskRating::completed, "completed", "Hoàn thành nhiệm vụ", "Completed tasks",
       "hoan thanh|htnv"},
      {TaskRating::not_completed, "not-completed", "Không hoàn thành nhiệm vụ",
       "Did not complete tasks", "khong hoan thanh|khtnv"},
  };
  return kEntries;
}

template <>
std::span<const CodeEntry<DisciplineLevel>> code_entries() {
  static constexpr CodeEntry<DisciplineLevel> kEntries[] = {
      {DisciplineLevel::none, "none", "Không bị kỷ luật", "Not disciplined", "khong"},
      {DisciplineLevel::reprimand, "reprimand", "Khiển trách", "Reprimand", "khien trach"},
      {DisciplineLevel::warning, "warning", "Cảnh cáo", "Warning", "canh cao"},
      {DisciplineLevel::heavier, "heavier", "Nặng hơn cảnh cáo", "Heavier than a warning",
       "ha bac luong|giang chuc|cach chuc|buoc thoi viec"},
  };
  return kEntries;
}

template <>
std::span<const CodeEntry<EmulationSubject>> code_entries() {
  static constexpr CodeEntry<EmulationSubject> kEntries[] = {
      {EmulationSubject::person, "person", "Cá nhân", "Person", "ca nhan"},
      {EmulationSubject::collective, "collective", "Tập thể", "Collective", "tap the"},
  };
  return kEntries;
}

template <>
std::span<const CodeEntry<CriterionKind>> code_entries() {
  using K = CriterionKind;
  static constexpr CodeEntry<CriterionKind> kEntries[] = {
      {K::rating_at_least, "rating-at-least", "Xếp loại từ mức", "Rated at least", ""},
      {K::months_in_service, "months-in-service", "Số tháng công tác tối thiểu",
       "Months in service", ""},
      {K::absence_days_below, "absence-days-below", "Số ngày nghỉ dưới", "Days absent below", ""},
      {K::discipline_below, "discipline-below", "Không bị kỷ luật từ mức", "No discipline from",
       ""},
      {K::initiative, "initiative", "Có sáng kiến", "A recognised initiative", ""},
      {K::rating_or_initiative, "rating-or-initiative", "Xếp loại từ mức hoặc có sáng kiến",
       "Rated at least, or an initiative", ""},
      {K::title_this_year, "title-this-year", "Đạt danh hiệu khác trong năm",
       "Another title this year", ""},
      {K::title_consecutive, "title-consecutive", "Đạt danh hiệu nhiều năm liên tục",
       "A title in consecutive years", ""},
      {K::participation_at_least, "participation-at-least", "Tỷ lệ tham gia hoạt động",
       "Share of activities attended", ""},
      {K::council_votes_at_least, "council-votes-at-least", "Tỷ lệ phiếu đồng ý của Hội đồng",
       "Share of the council's yes votes", ""},
      {K::collective_rating_at_least, "collective-rating-at-least", "Tập thể xếp loại từ mức",
       "The collective rated at least", ""},
      {K::members_rating_at_least, "members-rating-at-least", "Tỷ lệ thành viên xếp loại từ mức",
       "Share of members rated at least", ""},
      {K::members_title_share_above, "members-title-share-above",
       "Trên tỷ lệ thành viên đạt danh hiệu", "More than a share of members with a title", ""},
      {K::members_title_share_at_least, "members-title-share-at-least",
       "Tỷ lệ thành viên đạt danh hiệu", "At least a share of members with a title", ""},
      {K::members_title_count, "members-title-count", "Số thành viên đạt danh hiệu",
       "Members with a title", ""},
      {K::members_discipline_below, "members-discipline-below",
       "Không có thành viên bị kỷ luật từ mức", "No member disciplined from", ""},
  };
  return kEntries;
}

namespace {

// A label inside a sentence: "Cảnh cáo" → "cảnh cáo" (every label begins with a Latin capital).
std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

bool about_title(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::title_this_year:
    case CriterionKind::title_consecutive:
    case CriterionKind::members_title_share_above:
    case CriterionKind::members_title_share_at_least:
    case CriterionKind::members_title_count:
      return true;
    default:
      return false;
  }
}

bool is_percent(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::participation_at_least:
    case CriterionKind::council_votes_at_least:
    case CriterionKind::members_rating_at_least:
    case CriterionKind::members_title_share_above:
    case CriterionKind::members_title_share_at_least:
      return true;
    default:
      return false;
  }
}

bool of_collective(CriterionKind kind) {
  return kind >= CriterionKind::collective_rating_at_least;
}

std::unexpected<Error> rule_problem(const TitleRule& rule, std::string field, std::string vi,
                                    std::string en) {
  return fail(ErrorKind::invalid_input, "emulation.rule_invalid",
              fmt::format("Quy định danh hiệu “{}” từ {}: {}", rule.name.vi,
                          format_vietnamese(rule.effective_from), vi),
              fmt::format("The rule of “{}” from {}: {}", rule.name.en,
                          format_vietnamese(rule.effective_from), en),
              Location{0, std::move(field)});
}

// The titles a rule names: those its criteria and its quota depend on.
std::vector<std::string> named_titles(const TitleRule& rule) {
  std::vector<std::string> named;
  for (const Criterion& criterion : rule.criteria)
    if (about_title(criterion.kind) && criterion.title != rule.title)
      named.push_back(criterion.title);
  if (rule.quota && !rule.quota->of_title.empty() && rule.quota->of_title != rule.title)
    named.push_back(rule.quota->of_title);
  return named;
}

}  // namespace

Criterion criterion_of(CriterionKind kind) {
  Criterion made;
  made.kind = kind;
  return made;
}

Criterion rating_criterion(CriterionKind kind, TaskRating rating, std::int64_t share) {
  Criterion made = criterion_of(kind);
  made.rating = rating;
  made.number = share;
  return made;
}

Criterion number_criterion(CriterionKind kind, std::int64_t number, std::string_view title) {
  Criterion made = criterion_of(kind);
  made.number = number;
  made.title = std::string(title);
  return made;
}

Criterion discipline_criterion(CriterionKind kind, DisciplineLevel level, bool own_choice) {
  Criterion made = criterion_of(kind);
  made.discipline = level;
  made.own_choice = own_choice;
  return made;
}

CriterionNeeds needs_of(CriterionKind kind) {
  CriterionNeeds needs;
  needs.percent = is_percent(kind);
  needs.title = about_title(kind);
  needs.collective = of_collective(kind);
  needs.number = needs.percent || kind == CriterionKind::months_in_service ||
                 kind == CriterionKind::absence_days_below ||
                 kind == CriterionKind::title_consecutive ||
                 kind == CriterionKind::members_title_count;
  needs.rating = kind == CriterionKind::rating_at_least ||
                 kind == CriterionKind::rating_or_initiative ||
                 kind == CriterionKind::collective_rating_at_least ||
                 kind == CriterionKind::members_rating_at_least;
  needs.discipline =
      kind == CriterionKind::discipline_below || kind == CriterionKind::members_discipline_below;
  return needs;
}

std::vector<TitleRule> rules_for(std::span<const TitleRule> rules, OrganizationKind kind) {
  std::vector<TitleRule> kept;
  for (const TitleRule& rule : rules)
    if (!rule.organization_kind || *rule.organization_kind == kind) kept.push_back(rule);
  return kept;
}

Status check_title_rules(std::span<const TitleRule> rules) {
  std::set<std::string> titles;
  for (const TitleRule& rule : rules) titles.insert(rule.title);
  std::set<std::pair<std::string, CivilDate>> versions;
  std::map<std::string, const TitleRule*> first_version;
  for (const TitleRule& rule : rules) {
    if (!versions.insert({rule.title, rule.effective_from}).second)
      return rule_problem(rule, "effective_from", "có hai phiên bản cùng ngày hiệu lực.",
                          "two versions take effect on the same day.");
    const TitleRule* first = first_version.emplace(rule.title, &rule).first->second;
    if (first->subject != rule.subject || first->organization_kind != rule.organization_kind)
      return rule_problem(rule, "subject",
                          "mọi phiên bản của một danh hiệu phải cùng đối tượng và tổ chức.",
                          "every version of a title keeps its subject and its organization.");
    for (std::size_t i = 0; i < rule.criteria.size(); ++i) {
      const Criterion& criterion = rule.criteria[i];
      if (of_collective(criterion.kind) != (rule.subject == EmulationSubject::collective))
        return rule_problem(rule, fmt::format("criteria[{}]", i),
                            "tiêu chí không dành cho loại đối tượng này.",
                            "the criterion is not for this kind of subject.");
      if (is_percent(criterion.kind) && (criterion.number < 0 || criterion.number > 100))
        return rule_problem(rule, fmt::format("criteria[{}]", i), "tỷ lệ phải từ 0 đến 100 %.",
                            "a share must be from 0 to 100 %.");
      if ((criterion.kind == CriterionKind::title_consecutive ||
           criterion.kind == CriterionKind::members_title_count ||
           criterion.kind == CriterionKind::months_in_service ||
           criterion.kind == CriterionKind::absence_days_below) &&
          criterion.number < 1)
        return rule_problem(rule, fmt::format("criteria[{}]", i), "số phải lớn hơn 0.",
                            "the number must be above 0.");
      if ((criterion.kind == CriterionKind::discipline_below ||
           criterion.kind == CriterionKind::members_discipline_below) &&
          criterion.discipline == DisciplineLevel::none)
        return rule_problem(rule, fmt::format("criteria[{}]", i), "cần một hình thức kỷ luật.",
                            "a measure is needed.");
      if (about_title(criterion.kind) && !titles.contains(criterion.title))
        return rule_problem(rule, fmt::format("criteria[{}]", i),
                            fmt::format("không có danh hiệu “{}”.", criterion.title),
                            fmt::format("there is no title “{}”.", criterion.title));
      if (criterion.kind == CriterionKind::title_this_year && criterion.title == rule.title)
        return rule_problem(rule, fmt::format("criteria[{}]", i),
                            "danh hiệu không thể là điều kiện của chính nó.",
                            "a title cannot be a condition of itself.");
    }
    if (rule.quota) {
      if (rule.quota->percent < 0 || rule.quota->percent > 100)
        return rule_problem(rule, "quota", "hạn mức phải từ 0 đến 100 %.",
                            "a quota must be from 0 to 100 %.");
      if (!rule.quota->of_title.empty() && !titles.contains(rule.quota->of_title))
        return rule_problem(rule, "quota",
                            fmt::format("không có danh hiệu “{}”.", rule.quota->of_title),
                            fmt::format("there is no title “{}”.", rule.quota->of_title));
    }
  }
  // A title that depends on itself through others could never be decided. Checked over every
  // version, which is stricter than per day and as simple.
  std::map<std::string, std::set<std::string>> depends;
  for (const TitleRule& rule : rules)
    for (std::string& named : named_titles(rule)) depends[rule.title].insert(std::move(named));
  for (const auto& [title, _] : depends) {
    std::set<std::string> seen;
    std::vector<std::string> stack{title};
    while (!stack.empty()) {
      const std::string next = stack.back();
      stack.pop_back();
      for (const std::string& named : depends[next]) {
        if (named == title) {
          const auto rule = std::ranges::find(rules, title, &TitleRule::title);
          return rule_problem(*rule, "criteria", "các danh hiệu phụ thuộc vòng quanh nhau.",
                              "titles depend on each other in a circle.");
        }
        if (seen.insert(named).second) stack.push_back(named);
      }
    }
  }
  return {};
}

const TitleRule* rule_in_force(std::span<const TitleRule> rules, std::string_view title,
                               CivilDate day) {
  const TitleRule* in_force = nullptr;
  for (const TitleRule& rule : rules) {
    if (rule.title != title || rule.effective_from > day) continue;
    if (!in_force || rule.effective_from > in_force->effective_from) in_force = &rule;
  }
  return in_force;
}

std::vector<const TitleRule*> rules_in_order(std::span<const TitleRule> rules,
                                             EmulationSubject subject, CivilDate day) {
  std::vector<const TitleRule*> pending;
  std::set<std::string> seen;
  for (const TitleRule& rule : rules) {
    if (rule.subject != subject || !seen.insert(rule.title).second) continue;
    if (const TitleRule* version = rule_in_force(rules, rule.title, day))
      pending.push_back(version);
  }
  // Titles of the other subject (the persons' ones, for a collective) are decided before.
  std::set<std::string> decided;
  for (const TitleRule& rule : rules)
    if (rule.subject != subject) decided.insert(rule.title);
  std::vector<const TitleRule*> ordered;
  while (!pending.empty()) {
    const auto ready = std::ranges::find_if(pending, [&](const TitleRule* rule) {
      return std::ranges::all_of(named_titles(*rule),
                                 [&](const std::string& named) { return decided.contains(named); });
    });
    // check_title_rules refuses circles; a title whose dependency has no version in force yet is
    // decided last rather than never.
    const auto next = ready == pending.end() ? pending.begin() : ready;
    decided.insert((*next)->title);
    ordered.push_back(*next);
    pending.erase(next);
  }
  return ordered;
}

Text describe(const Criterion& criterion, std::span<const TitleRule> rules, CivilDate day) {
  Text title_name{criterion.title, criterion.title};
  if (const TitleRule* named = rule_in_force(rules, criterion.title, day)) title_name = named->name;
  const Text rating = label_of(criterion.rating);
  const Text discipline = label_of(criterion.discipline);
  const std::int64_t n = criterion.number;
  switch (criterion.kind) {
    case CriterionKind::rating_at_least:
      return {fmt::format("Xếp loại “{}” trở lên", rating.vi),
              fmt::format("Rated “{}” or better", rating.en)};
    case CriterionKind::months_in_service:
      return {fmt::format("Công tác từ {} tháng trở lên trong năm", n),
              fmt::format("At least {} months in service", n)};
    case CriterionKind::absence_days_below:
      return {fmt::format("Nghỉ dưới {} ngày làm việc", n),
              fmt::format("Fewer than {} working days absent", n)};
    case CriterionKind::discipline_below:
      return {fmt::format("Không bị kỷ luật từ hình thức {} trở lên", lower_first(discipline.vi)),
              fmt::format("No disciplinary measure of {} or heavier", lower_first(discipline.en))};
    case CriterionKind::initiative:
      return {"Có sáng kiến được công nhận hoặc tương đương",
              "A recognised initiative or its equivalent"};
    case CriterionKind::rating_or_initiative:
      return {fmt::format("Xếp loại “{}” hoặc có sáng kiến được công nhận", rating.vi),
              fmt::format("Rated “{}”, or a recognised initiative", rating.en)};
    case CriterionKind::title_this_year:
      return {fmt::format("Đạt danh hiệu “{}” trong năm", title_name.vi),
              fmt::format("Proposed for “{}” this year", title_name.en)};
    case CriterionKind::title_consecutive:
      return {fmt::format("Đạt danh hiệu “{}” {} năm liên tục", title_name.vi, n),
              fmt::format("“{}” in each of {} consecutive years", title_name.en, n)};
    case CriterionKind::participation_at_least:
      return {fmt::format("Tham gia từ {} % hoạt động trở lên", n),
              fmt::format("Took part in at least {} % of activities", n)};
    case CriterionKind::council_votes_at_least:
      return {fmt::format("Được từ {} % thành viên Hội đồng bỏ phiếu đồng ý", n),
              fmt::format("At least {} % of the council's members voted yes", n)};
    case CriterionKind::collective_rating_at_least:
      return {fmt::format("Tập thể xếp loại “{}” trở lên", rating.vi),
              fmt::format("The collective rated “{}” or better", rating.en)};
    case CriterionKind::members_rating_at_least:
      return {fmt::format("Từ {} % thành viên xếp loại “{}” trở lên", n, rating.vi),
              fmt::format("At least {} % of members rated “{}” or better", n, rating.en)};
    case CriterionKind::members_title_share_above:
      return {fmt::format("Trên {} % thành viên đạt danh hiệu “{}”", n, title_name.vi),
              fmt::format("More than {} % of members proposed for “{}”", n, title_name.en)};
    case CriterionKind::members_title_share_at_least:
      return {fmt::format("Từ {} % thành viên đạt danh hiệu “{}”", n, title_name.vi),
              fmt::format("At least {} % of members proposed for “{}”", n, title_name.en)};
    case CriterionKind::members_title_count:
      return {fmt::format("Có ít nhất {} thành viên đạt danh hiệu “{}”", n, title_name.vi),
              fmt::format("At least {} {} proposed for “{}”", n, n == 1 ? "member" : "members",
                          title_name.en)};
    case CriterionKind::members_discipline_below:
      return {fmt::format("Không có thành viên bị kỷ luật từ hình thức {} trở lên",
                          lower_first(discipline.vi)),
              fmt::format("No member disciplined with {} or heavier", lower_first(discipline.en))};
  }
  return {};
}

}  // namespace dk
