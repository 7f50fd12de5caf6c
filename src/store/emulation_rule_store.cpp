#include "store/emulation_rule_store.hpp"

#include <map>

#include "store/row_values.hpp"

namespace dk::store {
namespace {

template <class Enum>
Enum code_or(const std::string& code, Enum otherwise) {
  return parse_code<Enum>(code).value_or(otherwise);
}

}  // namespace

Result<std::vector<StoredTitleRule>> EmulationRuleStore::versions(Id tenant) {
  const SqlValue key[] = {tenant};
  auto versions = TRY(query_all(
      connection_,
      "SELECT title, effective_from, name_vi, name_en, subject, organization_kind, citation_vi, "
      "citation_en, quota_of_title, quota_percent, quota_own_choice, added_by, added_at FROM "
      "emulation_rule_versions WHERE tenant_id = $1 ORDER BY title, effective_from",
      key, [](const SqlRow& row) {
        StoredTitleRule stored;
        TitleRule& rule = stored.rule;
        rule.title = row.text(0);
        rule.effective_from = parse_civil_date(row.text(1)).value_or(CivilDate{});
        rule.name = {row.text(2), row.text(3)};
        rule.subject = code_or(row.text(4), EmulationSubject::person);
        if (!row.is_null(5)) rule.organization_kind = parse_code<OrganizationKind>(row.text(5));
        rule.citation = {row.text(6), row.text(7)};
        if (!row.is_null(9)) {
          rule.quota = Quota{.of_title = row.text(8),
                             .percent = row.integer(9),
                             .own_choice = row.integer(10) != 0};
        }
        stored.added_by = row.integer(11);
        stored.added_at = instant_of(row.integer(12));
        return stored;
      }));
  std::map<std::pair<std::string, std::string>, TitleRule*> by_key;
  for (StoredTitleRule& stored : versions)
    by_key[{stored.rule.title, format_iso(stored.rule.effective_from)}] = &stored.rule;
  TRY(connection_.query(
      "SELECT title, effective_from, kind, number, rating, discipline, named_title, own_choice "
      "FROM emulation_rule_criteria WHERE tenant_id = $1 ORDER BY title, effective_from, position",
      key, [&](const SqlRow& row) -> Status {
        const auto found = by_key.find({row.text(0), row.text(1)});
        if (found == by_key.end()) return {};
        Criterion criterion;
        criterion.kind = code_or(row.text(2), CriterionKind::rating_at_least);
        criterion.number = row.integer(3);
        criterion.rating = code_or(row.text(4), TaskRating::good);
        criterion.discipline = code_or(row.text(5), DisciplineLevel::reprimand);
        criterion.title = row.text(6);
        criterion.own_choice = row.integer(7) != 0;
        found->second->criteria.push_back(std::move(criterion));
        return {};
      }));
  return versions;
}

Status EmulationRuleStore::add(Id tenant, const StoredTitleRule& version) {
  const TitleRule& rule = version.rule;
  const std::string day = format_iso(rule.effective_from);
  const SqlValue row[] = {tenant,
                          rule.title,
                          day,
                          rule.name.vi,
                          rule.name.en,
                          std::string(code_of(rule.subject)),
                          rule.organization_kind
                              ? SqlValue(std::string(code_of(*rule.organization_kind)))
                              : SqlValue(std::monostate{}),
                          rule.citation.vi,
                          rule.citation.en,
                          rule.quota ? SqlValue(rule.quota->of_title) : SqlValue(std::monostate{}),
                          rule.quota ? SqlValue(rule.quota->percent) : SqlValue(std::monostate{}),
                          std::int64_t{rule.quota && rule.quota->own_choice},
                          version.added_by,
                          seconds_of(version.added_at)};
  TRY(connection_.execute(
      "INSERT INTO emulation_rule_versions (tenant_id, title, effective_from, name_vi, name_en, "
      "subject, organization_kind, citation_vi, citation_en, quota_of_title, quota_percent, "
      "quota_own_choice, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
      "$11, $12, $13, $14)",
      row));
  for (std::size_t i = 0; i < rule.criteria.size(); ++i) {
    const Criterion& criterion = rule.criteria[i];
    const SqlValue values[] = {tenant,
                               rule.title,
                               day,
                               static_cast<std::int64_t>(i),
                               std::string(code_of(criterion.kind)),
                               criterion.number,
                               std::string(code_of(criterion.rating)),
                               std::string(code_of(criterion.discipline)),
                               criterion.title,
                               std::int64_t{criterion.own_choice}};
    TRY(connection_.execute(
        "INSERT INTO emulation_rule_criteria (tenant_id, title, effective_from, position, kind, "
        "number, rating, discipline, named_title, own_choice) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8, $9, $10)",
        values));
  }
  return {};
}

}  // namespace dk::store
