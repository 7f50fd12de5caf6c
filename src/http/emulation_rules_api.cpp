// /api/v1/emulation/rules: the emulation title rules of the agency, shipped and its own, by title
// with every version, and the administrators' form to add a version (docs/emulation.md, "The
// rules"). The kinds of criterion come with what each needs, so that the editor asks for exactly
// that.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/emulation_json.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/emulation_rules.hpp"

namespace dk::http {
namespace {

constexpr std::size_t kMaxCriteria = 100;  // the service allows fewer; this bounds the reading

boost::json::object rules_json(const service::TitleRulesView& view) {
  boost::json::array titles;
  boost::json::object* current = nullptr;
  for (const service::TitleRuleVersion& version : view.versions) {
    if (!current || (*current)["code"].as_string() != version.rule.title) {
      titles.push_back({{"code", version.rule.title}, {"versions", boost::json::array()}});
      current = &titles.back().as_object();
    }
    boost::json::object json = title_rule_json(version.rule, view.all, view.today);
    json["shipped"] = version.shipped;
    json["added_at"] =
        version.added_at ? boost::json::value(format_instant(*version.added_at)) : nullptr;
    json["in_force"] = version.in_force;
    (*current)["versions"].as_array().push_back(std::move(json));
  }
  boost::json::array kinds;
  for (const auto& entry : code_entries<CriterionKind>()) {
    const CriterionNeeds needs = needs_of(entry.value);
    kinds.push_back({{"code", entry.code},
                     {"label", text_json({std::string(entry.vi), std::string(entry.en)})},
                     {"subject", needs.collective ? "collective" : "person"},
                     {"number", needs.number},
                     {"percent", needs.percent},
                     {"rating", needs.rating},
                     {"discipline", needs.discipline},
                     {"title", needs.title}});
  }
  return {{"today", format_iso(view.today)},
          {"may_edit", view.may_edit},
          {"titles", std::move(titles)},
          {"criterion_kinds", std::move(kinds)}};
}

Result<HttpResponse> get_rules(ApiCall& call) {
  return ok(200, rules_json(TRY(service::list_title_rules(call.connection, call.who()))));
}

Result<Criterion> criterion_of(const boost::json::value& value, const std::string& field) {
  const auto* object = value.if_object();
  if (!object) return JsonBody::not_an_object(field);
  JsonBody item = JsonBody::nested(*object);
  Criterion criterion;
  auto kind = item.required_code<CriterionKind>("kind");
  if (!kind) return std::unexpected(within(kind.error(), field));
  criterion.kind = *kind;
  std::optional<std::optional<std::int64_t>> number;
  std::optional<std::optional<TaskRating>> rating;
  std::optional<std::optional<DisciplineLevel>> discipline;
  std::optional<std::string> title;
  std::optional<bool> own_choice;
  for (const Status& read : {item.nullable_integer("number", number), item.code("rating", rating),
                             item.code("discipline", discipline), item.text("title", title),
                             item.boolean("own_choice", own_choice), item.finish()}) {
    if (!read) return std::unexpected(within(read.error(), field));
  }
  const CriterionNeeds needs = needs_of(criterion.kind);
  const auto need = [&](bool needed, bool given, std::string_view name) -> Status {
    if (needed && !given) return std::unexpected(within(JsonBody::missing(name).error(), field));
    return {};
  };
  TRY(need(needs.number, number && *number, "number"));
  TRY(need(needs.rating, rating && *rating, "rating"));
  TRY(need(needs.discipline, discipline && *discipline, "discipline"));
  TRY(need(needs.title, title && !title->empty(), "title"));
  if (number && *number) criterion.number = **number;
  if (rating && *rating) criterion.rating = **rating;
  if (discipline && *discipline) criterion.discipline = **discipline;
  if (title) criterion.title = std::move(*title);
  criterion.own_choice = own_choice.value_or(false);
  return criterion;
}

Result<HttpResponse> post_rule(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  TitleRule rule;
  std::optional<std::string> name_en, citation_en, quota_of;
  std::optional<std::optional<CivilDate>> effective_from;
  std::optional<std::optional<OrganizationKind>> organization_kind;
  std::optional<std::optional<std::int64_t>> quota_percent;
  std::optional<bool> quota_own_choice, new_title;
  std::optional<boost::json::array> criteria;
  rule.subject = TRY(body.required_code<EmulationSubject>("subject"));
  for (const Status& read :
       {body.required_text("title", rule.title), body.required_text("name_vi", rule.name.vi),
        body.text("name_en", name_en), body.date("effective_from", effective_from),
        body.code("organization_kind", organization_kind),
        body.required_text("citation_vi", rule.citation.vi), body.text("citation_en", citation_en),
        body.array("criteria", criteria), body.nullable_integer("quota_percent", quota_percent),
        body.text("quota_of_title", quota_of), body.boolean("quota_own_choice", quota_own_choice),
        body.boolean("new_title", new_title), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!effective_from || !*effective_from) return JsonBody::missing("effective_from");
  rule.effective_from = **effective_from;
  rule.name.en = name_en.value_or("");
  rule.citation.en = citation_en.value_or("");
  if (organization_kind) rule.organization_kind = *organization_kind;
  if (quota_percent && *quota_percent) {
    rule.quota = Quota{.of_title = quota_of.value_or(""),
                       .percent = **quota_percent,
                       .own_choice = quota_own_choice.value_or(false)};
  }
  if (criteria && criteria->size() > kMaxCriteria) criteria->resize(kMaxCriteria + 1);
  for (std::size_t i = 0; criteria && i < criteria->size(); ++i) {
    rule.criteria.push_back(TRY(criterion_of((*criteria)[i], fmt::format("criteria[{}]", i))));
  }
  auto view = TRY(service::add_title_rule(call.connection, call.who(), std::move(rule),
                                          new_title.value_or(false)));
  return ok(201, rules_json(view));
}

}  // namespace

void add_emulation_rule_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(), {
                                  {"GET", "/api/v1/emulation/rules", Guard::signed_in, get_rules},
                                  {"POST", "/api/v1/emulation/rules", Guard::signed_in, post_rule},
                              });
}

}  // namespace dk::http
