#include "service/emulation_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/emulation_law.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/emulation_rule_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxCitation = 1000;
constexpr std::size_t kMaxCriteria = 20;
constexpr std::size_t kMaxCode = 60;

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

// A title's code as URLs and decisions' annexes carry it: "doan-vien-cong-doan-xuat-sac".
bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > kMaxCode || code.front() == '-' || code.back() == '-')
    return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '-' && code[i - 1] == '-') return false;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Status check_text(const std::string& text, std::size_t longest, std::string field, Text label) {
  if (text.empty())
    return invalid(field, "emulation.rule_text_missing", fmt::format("Hãy ghi {}.", label.vi),
                   fmt::format("Give {}.", label.en));
  if (text.size() > longest)
    return invalid(field, "emulation.rule_text_long",
                   fmt::format("{} dài quá {} ký tự.", label.vi, longest),
                   fmt::format("{} is longer than {} characters.", label.en, longest));
  return {};
}

// What a criterion does not need is cleared, so that the version is kept as it reads.
Criterion tidy(Criterion criterion) {
  const CriterionNeeds needs = needs_of(criterion.kind);
  if (!needs.number) criterion.number = 0;
  if (!needs.title) criterion.title.clear();
  if (!needs.rating) criterion.rating = TaskRating::good;
  if (!needs.discipline) criterion.discipline = DisciplineLevel::reprimand;
  return criterion;
}

Status check_shape(TitleRule& rule) {
  if (!valid_code(rule.title))
    return invalid("title", "emulation.rule_code",
                   fmt::format("Mã danh hiệu chỉ gồm chữ thường không dấu, số và dấu gạch ngang, "
                               "tối đa {} ký tự (ví dụ: doan-vien-xuat-sac).",
                               kMaxCode),
                   fmt::format("A title's code is lower-case letters without accents, digits and "
                               "single dashes, at most {} characters (e.g. doan-vien-xuat-sac).",
                               kMaxCode));
  if (rule.name.en.empty()) rule.name.en = rule.name.vi;
  if (rule.citation.en.empty()) rule.citation.en = rule.citation.vi;
  TRY(check_text(rule.name.vi, kMaxName, "name_vi", {"tên danh hiệu", "the title's name"}));
  TRY(check_text(rule.name.en, kMaxName, "name_en", {"tên tiếng Anh", "the English name"}));
  TRY(check_text(rule.citation.vi, kMaxCitation, "citation_vi",
                 {"căn cứ (văn bản quy định)", "the rule's source"}));
  TRY(check_text(rule.citation.en, kMaxCitation, "citation_en",
                 {"căn cứ bằng tiếng Anh", "the source in English"}));
  if (rule.effective_from.year < 2000 || rule.effective_from.year > 2200)
    return invalid("effective_from", "emulation.rule_day", "Ngày hiệu lực không hợp lệ.",
                   "The day it takes effect is not valid.");
  if (rule.criteria.empty())
    return invalid("criteria", "emulation.rule_no_criteria", "Danh hiệu cần ít nhất một tiêu chí.",
                   "A title needs at least one criterion.");
  if (rule.criteria.size() > kMaxCriteria)
    return invalid("criteria", "emulation.rule_many_criteria",
                   fmt::format("Tối đa {} tiêu chí.", kMaxCriteria),
                   fmt::format("At most {} criteria.", kMaxCriteria));
  for (Criterion& criterion : rule.criteria) criterion = tidy(std::move(criterion));
  return {};
}

}  // namespace

Result<std::vector<TitleRule>> agency_title_rules(Connection& connection, Id tenant) {
  static const std::vector<TitleRule> shipped = shipped_title_rules();
  std::vector<TitleRule> rules = shipped;
  for (store::StoredTitleRule& stored : TRY(store::EmulationRuleStore(connection).versions(tenant)))
    rules.push_back(std::move(stored.rule));
  return rules;
}

Result<TitleRulesView> list_title_rules(Connection& connection, const Actor& actor) {
  const std::vector<TitleRule> shipped = shipped_title_rules();
  auto stored = TRY(store::EmulationRuleStore(connection).versions(actor.principal.tenant));
  TitleRulesView view;
  view.today = vietnam_date(actor.clock());
  view.may_edit = actor.principal.administrator;
  std::map<std::string, std::size_t> order;
  for (const TitleRule& rule : shipped) {
    order.emplace(rule.title, order.size());
    view.versions.push_back({rule, true, std::nullopt, false});
  }
  for (store::StoredTitleRule& version : stored) {
    order.emplace(version.rule.title, order.size());
    view.versions.push_back({std::move(version.rule), false, version.added_at, false});
  }
  std::ranges::stable_sort(view.versions,
                           [&](const TitleRuleVersion& a, const TitleRuleVersion& b) {
                             return std::pair(order[a.rule.title], a.rule.effective_from) <
                                    std::pair(order[b.rule.title], b.rule.effective_from);
                           });
  for (const TitleRuleVersion& version : view.versions) view.all.push_back(version.rule);
  for (std::size_t i = 0; i < view.versions.size(); ++i)
    view.versions[i].in_force =
        rule_in_force(view.all, view.all[i].title, view.today) == &view.all[i];
  return view;
}

Result<TitleRulesView> add_title_rule(Connection& connection, const Actor& actor, TitleRule rule,
                                      bool new_title) {
  if (!actor.principal.administrator) return refuse();
  TRY(check_shape(rule));
  return store::in_transaction(connection, [&]() -> Result<TitleRulesView> {
    std::vector<TitleRule> rules = TRY(agency_title_rules(connection, actor.principal.tenant));
    const bool known = std::ranges::any_of(
        rules, [&](const TitleRule& other) { return other.title == rule.title; });
    if (new_title && known) {
      return fail(ErrorKind::conflict, "emulation.rule_code_taken",
                  fmt::format("Đã có danh hiệu mã “{}”: hãy thêm phiên bản cho danh hiệu đó, hoặc "
                              "chọn mã khác.",
                              rule.title),
                  fmt::format("A title with the code “{}” exists: add a version of it, or choose "
                              "another code.",
                              rule.title),
                  Location{0, "title"});
    }
    if (!new_title && !known) {
      return fail(ErrorKind::not_found, "emulation.rule_unknown_title",
                  fmt::format("Không có danh hiệu mã “{}”.", rule.title),
                  fmt::format("There is no title with the code “{}”.", rule.title),
                  Location{0, "title"});
    }
    if (std::ranges::any_of(rules, [&](const TitleRule& other) {
          return other.title == rule.title && other.effective_from == rule.effective_from;
        })) {
      return fail(ErrorKind::conflict, "emulation.rule_version_exists",
                  fmt::format("“{}” đã có phiên bản hiệu lực từ {}.", rule.name.vi,
                              format_vietnamese(rule.effective_from)),
                  fmt::format("“{}” already has a version from {}.", rule.name.en,
                              format_vietnamese(rule.effective_from)),
                  Location{0, "effective_from"});
    }
    rules.push_back(rule);
    TRY(check_title_rules(rules));
    TRY(store::EmulationRuleStore(connection)
            .add(actor.principal.tenant, {rule, actor.principal.account_id, actor.clock()}));
    TRY(record_audit(connection, actor, "add_rule", "emulation_rule", std::nullopt,
                     fmt::format(R"({{"title":"{}","effective_from":"{}"}})", rule.title,
                                 format_iso(rule.effective_from))));
    return list_title_rules(connection, actor);
  });
}

}  // namespace dk::service
