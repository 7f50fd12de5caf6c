#include "http/emulation_json.hpp"

#include <fmt/format.h>

namespace dk::http {

boost::json::object text_json(const Text& text) {
  return {{"vi", text.vi}, {"en", text.en}};
}

boost::json::object title_rule_json(const TitleRule& rule, std::span<const TitleRule> rules,
                                    CivilDate day) {
  boost::json::array criteria;
  for (const Criterion& criterion : rule.criteria) {
    const CriterionNeeds needs = needs_of(criterion.kind);
    criteria.push_back(
        {{"kind", code_of(criterion.kind)},
         {"number", needs.number ? boost::json::value(criterion.number) : nullptr},
         {"rating", needs.rating ? boost::json::value(code_of(criterion.rating)) : nullptr},
         {"discipline",
          needs.discipline ? boost::json::value(code_of(criterion.discipline)) : nullptr},
         {"title", needs.title ? boost::json::value(criterion.title) : nullptr},
         {"text", text_json(describe(criterion, rules, day))},
         {"own_choice", criterion.own_choice}});
  }
  boost::json::value quota = nullptr;
  if (rule.quota) {
    const Text of =
        rule.quota->of_title.empty()
            ? (rule.subject == EmulationSubject::collective
                   ? Text{"số tập thể được đánh giá", "the collectives evaluated"}
                   : Text{"số người được đánh giá", "the people evaluated"})
            : [&] {
                const TitleRule* other = rule_in_force(rules, rule.quota->of_title, day);
                return other ? other->name : Text{rule.quota->of_title, rule.quota->of_title};
              }();
    quota = boost::json::object{
        {"of_title", rule.quota->of_title},
        {"percent", rule.quota->percent},
        {"text", text_json({fmt::format("Không quá {} % {}", rule.quota->percent, of.vi),
                            fmt::format("At most {} % of {}", rule.quota->percent, of.en)})},
        {"own_choice", rule.quota->own_choice}};
  }
  return {{"code", rule.title},
          {"name", text_json(rule.name)},
          {"subject", code_of(rule.subject)},
          {"organization_kind",
           rule.organization_kind ? boost::json::value(code_of(*rule.organization_kind)) : nullptr},
          {"effective_from", format_iso(rule.effective_from)},
          {"citation", text_json(rule.citation)},
          {"criteria", std::move(criteria)},
          {"quota", std::move(quota)}};
}

}  // namespace dk::http
