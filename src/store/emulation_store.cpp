#include "store/emulation_store.hpp"

#include <fmt/format.h>

#include <set>

#include "store/row_values.hpp"

namespace dk::store {
namespace {

std::optional<CivilDate> day_at(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_civil_date(row.text(column));
}

template <class Enum>
std::optional<Enum> code_at(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_code<Enum>(row.text(column));
}

std::string subject_code(EmulationSubject subject) {
  return std::string(code_of(subject));
}

// Reasons kept one per line; a reason never holds a line break (core writes them).
std::string lines_of(const std::vector<Text>& reasons, bool english) {
  std::string lines;
  for (const Text& reason : reasons) {
    if (!lines.empty()) lines += '\n';
    lines += english ? reason.en : reason.vi;
  }
  return lines;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

EmulationAward award_at(const SqlRow& row) {
  EmulationAward award;
  award.organization = row.integer(0);
  award.year = static_cast<int>(row.integer(1));
  award.subject = parse_code<EmulationSubject>(row.text(2)).value_or(EmulationSubject::person);
  award.subject_id = row.integer(3);
  award.title = row.text(4);
  award.rule_from = parse_civil_date(row.text(5)).value_or(CivilDate{});
  award.decision_number = row.text(6);
  award.decided_on = parse_civil_date(row.text(7)).value_or(CivilDate{});
  award.bonus = optional_integer(row, 8);
  return award;
}

// Loads `items` into `table`, one row each, `row_of` giving the values after the year's key.
template <class Item, class RowOf>
Status insert_each(SqlConnection& connection, std::string_view table,
                   std::span<const std::string_view> columns, Id tenant, Id organization, int year,
                   const std::vector<Item>& items, RowOf&& row_of) {
  std::size_t next = 0;
  TRY(connection.bulk_insert(table, columns, [&](std::vector<SqlValue>& values) -> Result<bool> {
    if (next == items.size()) return false;
    values = {tenant, organization, std::int64_t{year}};
    for (SqlValue& value : row_of(items[next++])) values.push_back(std::move(value));
    return true;
  }));
  return {};
}

constexpr std::string_view kAwardColumns =
    "organization_id, year, subject, subject_id, title, rule_from, decision_number, decided_on, "
    "bonus";

}  // namespace

Result<std::optional<EmulationYearRecord>> EmulationStore::year(Id tenant, Id organization,
                                                                int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  std::optional<EmulationYearRecord> found;
  TRY(connection_.query(
      "SELECT stage, council_members, rules_day, proposed_at, reopened_reason, decision_number, "
      "decision_signed_on, decision_signer FROM emulation_years WHERE tenant_id = $1 AND "
      "organization_id = $2 AND year = $3",
      key, [&](const SqlRow& row) -> Status {
        EmulationYearRecord record;
        record.organization = organization;
        record.year = year;
        record.stage = parse_code<EmulationStage>(row.text(0)).value_or(EmulationStage::open);
        record.council_members = row.integer(1);
        record.rules_day = day_at(row, 2);
        record.proposed_at = optional_instant(row, 3);
        record.reopened_reason = row.text(4);
        if (const auto signed_on = day_at(row, 6)) {
          record.decision = EmulationDecision{row.text(5), *signed_on, row.text(7)};
        }
        found = std::move(record);
        return {};
      }));
  return found;
}

Status EmulationStore::ensure_year(Id tenant, Id organization, int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  TRY(connection_.execute(
      "INSERT INTO emulation_years (tenant_id, organization_id, year, stage) VALUES ($1, $2, $3, "
      "'open') ON CONFLICT (tenant_id, organization_id, year) DO NOTHING",
      key));
  return {};
}

Result<bool> EmulationStore::hold(Id tenant, Id organization, int year, EmulationStage stage) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}, std::string(code_of(stage))};
  // An update that changes nothing still takes the row's lock on PostgreSQL, and one waiting for
  // it sees the stage the other left.
  const auto held = TRY(connection_.execute(
      "UPDATE emulation_years SET stage = stage WHERE tenant_id = $1 AND organization_id = $2 AND "
      "year = $3 AND stage = $4",
      key));
  return held == 1;
}

Result<std::vector<EmulationMember>> EmulationStore::members(Id tenant, Id organization, int year,
                                                             std::optional<Id> person) {
  const std::string year_end = format_iso(CivilDate{year, 12, 31});
  std::vector<SqlValue> params = {tenant, organization, std::int64_t{year}, year_end};
  std::string only;
  if (person) {
    params.push_back(*person);
    only = " AND m.person_id = $5";
  }
  std::vector<EmulationMember> members;
  std::map<Id, std::size_t> at;
  TRY(connection_.query(
      fmt::format(
          "SELECT p.id, p.full_name, p.unit_id, COALESCE(u.name, ''), m.joined_on, "
          "COALESCE(e.attended, 0), COALESCE(e.expected, 0), f.self_rating, f.self_note, "
          "f.rating, f.absence_days, f.discipline, f.initiative, f.initiative_note, "
          "f.returned_reason FROM memberships m JOIN persons p ON p.tenant_id = m.tenant_id AND "
          "p.id = m.person_id LEFT JOIN units u ON u.tenant_id = p.tenant_id AND u.id = "
          "p.unit_id LEFT JOIN engagement_people e ON e.tenant_id = m.tenant_id AND e.year = $3 "
          "AND e.organization_id = m.organization_id AND e.person_id = m.person_id LEFT JOIN "
          "emulation_people f ON f.tenant_id = m.tenant_id AND f.organization_id = "
          "m.organization_id AND f.year = $3 AND f.person_id = m.person_id WHERE m.tenant_id = $1 "
          "AND m.organization_id = $2 AND (m.joined_on IS NULL OR m.joined_on <= $4) AND "
          "(m.status <> 'left' OR m.left_on > $4){} ORDER BY (u.sort_key IS NULL), u.sort_key, "
          "p.sort_key, p.id",
          only),
      params, [&](const SqlRow& row) -> Status {
        const Id id = row.integer(0);
        // A person who left and came back in the year has two memberships: one line.
        if (at.contains(id)) return {};
        at.emplace(id, members.size());
        EmulationMember member;
        member.person = id;
        member.full_name = row.text(1);
        member.unit = optional_integer(row, 2);
        member.unit_name = row.text(3);
        member.joined_on = day_at(row, 4);
        member.attended = row.integer(5);
        member.expected = row.integer(6);
        member.self_rating = code_at<TaskRating>(row, 7);
        member.self_note = row.text(8);
        if (const auto rating = code_at<TaskRating>(row, 9)) {
          member.review = EmulationReview{
              .rating = *rating,
              .absence_days = row.integer(10),
              .discipline =
                  parse_code<DisciplineLevel>(row.text(11)).value_or(DisciplineLevel::none),
              .initiative = row.integer(12) != 0,
              .initiative_note = row.text(13)};
        }
        member.returned_reason = row.text(14);
        members.push_back(std::move(member));
        return {};
      }));
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  const auto member_of = [&](const SqlRow& row) -> EmulationMember* {
    if (row.text(0) != "person") return nullptr;
    const auto found = at.find(row.integer(1));
    return found == at.end() ? nullptr : &members[found->second];
  };
  TRY(connection_.query(
      "SELECT subject, subject_id, title FROM emulation_registrations WHERE tenant_id = $1 AND "
      "organization_id = $2 AND year = $3 ORDER BY title",
      key, [&](const SqlRow& row) -> Status {
        if (auto* member = member_of(row)) member->registered.push_back(row.text(2));
        return {};
      }));
  TRY(connection_.query(
      "SELECT subject, subject_id, title, yes FROM emulation_votes WHERE tenant_id = $1 AND "
      "organization_id = $2 AND year = $3",
      key, [&](const SqlRow& row) -> Status {
        if (auto* member = member_of(row)) member->votes[row.text(2)] = row.integer(3);
        return {};
      }));
  return members;
}

Result<std::map<Id, EmulationUnit>> EmulationStore::units(Id tenant, Id organization, int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  std::map<Id, EmulationUnit> units;
  const auto unit_of = [&](Id id) -> EmulationUnit& {
    EmulationUnit& unit = units[id];
    unit.unit = id;
    return unit;
  };
  TRY(connection_.query(
      "SELECT unit_id, rating FROM emulation_units WHERE tenant_id = $1 AND organization_id = $2 "
      "AND year = $3",
      key, [&](const SqlRow& row) -> Status {
        unit_of(row.integer(0)).rating = code_at<TaskRating>(row, 1);
        return {};
      }));
  TRY(connection_.query(
      "SELECT subject_id, title FROM emulation_registrations WHERE tenant_id = $1 AND "
      "organization_id = $2 AND year = $3 AND subject = 'collective' ORDER BY title",
      key, [&](const SqlRow& row) -> Status {
        unit_of(row.integer(0)).registered.push_back(row.text(1));
        return {};
      }));
  TRY(connection_.query(
      "SELECT subject_id, title, yes FROM emulation_votes WHERE tenant_id = $1 AND "
      "organization_id = $2 AND year = $3 AND subject = 'collective'",
      key, [&](const SqlRow& row) -> Status {
        unit_of(row.integer(0)).votes[row.text(1)] = row.integer(2);
        return {};
      }));
  return units;
}

Result<std::map<Id, std::map<int, std::vector<std::string>>>> EmulationStore::earlier_titles(
    Id tenant, Id organization, int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  std::map<Id, std::map<int, std::vector<std::string>>> titles;
  // Awards from any organization of the agency count: a title is the person's, not the union's.
  TRY(connection_.query(
      "SELECT a.subject_id, a.year, a.title FROM emulation_awards a WHERE a.tenant_id = $1 AND "
      "a.subject = 'person' AND a.year < $3 AND a.subject_id IN (SELECT m.person_id FROM "
      "memberships m WHERE m.tenant_id = $1 AND m.organization_id = $2) ORDER BY a.title",
      key, [&](const SqlRow& row) -> Status {
        titles[row.integer(0)][static_cast<int>(row.integer(1))].push_back(row.text(2));
        return {};
      }));
  return titles;
}

Status EmulationStore::save_self_rating(Id tenant, Id organization, int year, Id person,
                                        TaskRating rating, const std::string& note, Instant at) {
  const SqlValue row[] = {
      tenant, organization,  std::int64_t{year}, person, std::string(code_of(rating)),
      note,   seconds_of(at)};
  TRY(connection_.execute(
      "INSERT INTO emulation_people (tenant_id, organization_id, year, person_id, self_rating, "
      "self_note, self_rated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, "
      "organization_id, year, person_id) DO UPDATE SET self_rating = excluded.self_rating, "
      "self_note = excluded.self_note, self_rated_at = excluded.self_rated_at, returned_reason = "
      "''",
      row));
  return {};
}

Status EmulationStore::save_review(Id tenant, Id organization, int year, Id person,
                                   const EmulationReview& review, Id by, Instant at) {
  const SqlValue row[] = {tenant,
                          organization,
                          std::int64_t{year},
                          person,
                          std::string(code_of(review.rating)),
                          review.absence_days,
                          std::string(code_of(review.discipline)),
                          std::int64_t{review.initiative ? 1 : 0},
                          review.initiative_note,
                          by,
                          seconds_of(at)};
  TRY(connection_.execute(
      "INSERT INTO emulation_people (tenant_id, organization_id, year, person_id, rating, "
      "absence_days, discipline, initiative, initiative_note, reviewed_by, reviewed_at) VALUES "
      "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (tenant_id, organization_id, "
      "year, person_id) DO UPDATE SET rating = excluded.rating, absence_days = "
      "excluded.absence_days, discipline = excluded.discipline, initiative = excluded.initiative, "
      "initiative_note = excluded.initiative_note, reviewed_by = excluded.reviewed_by, "
      "reviewed_at = excluded.reviewed_at, returned_reason = ''",
      row));
  return {};
}

Status EmulationStore::return_file(Id tenant, Id organization, int year, Id person,
                                   const std::string& reason) {
  const SqlValue row[] = {tenant, organization, std::int64_t{year}, person, reason};
  TRY(connection_.execute(
      "INSERT INTO emulation_people (tenant_id, organization_id, year, person_id, "
      "returned_reason) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant_id, organization_id, "
      "year, person_id) DO UPDATE SET rating = NULL, reviewed_by = NULL, reviewed_at = NULL, "
      "returned_reason = excluded.returned_reason",
      row));
  return {};
}

Status EmulationStore::save_unit_rating(Id tenant, Id organization, int year, Id unit,
                                        TaskRating rating, Id by, Instant at) {
  const SqlValue row[] = {
      tenant, organization,  std::int64_t{year}, unit, std::string(code_of(rating)),
      by,     seconds_of(at)};
  TRY(connection_.execute(
      "INSERT INTO emulation_units (tenant_id, organization_id, year, unit_id, rating, "
      "reviewed_by, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, "
      "organization_id, year, unit_id) DO UPDATE SET rating = excluded.rating, reviewed_by = "
      "excluded.reviewed_by, reviewed_at = excluded.reviewed_at",
      row));
  return {};
}

Status EmulationStore::save_registration(Id tenant, Id organization, int year,
                                         EmulationSubject subject, Id subject_id,
                                         const std::vector<std::string>& titles, Id by,
                                         Instant at) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}, subject_code(subject),
                          subject_id};
  TRY(connection_.execute(
      "DELETE FROM emulation_registrations WHERE tenant_id = $1 AND organization_id = $2 AND "
      "year = $3 AND subject = $4 AND subject_id = $5",
      key));
  for (const std::string& title : titles) {
    const SqlValue row[] = {
        tenant, organization, std::int64_t{year}, subject_code(subject), subject_id,
        title,  by,           seconds_of(at)};
    TRY(connection_.execute(
        "INSERT INTO emulation_registrations (tenant_id, organization_id, year, subject, "
        "subject_id, title, registered_by, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
        "$8)",
        row));
  }
  return {};
}

Status EmulationStore::save_votes(Id tenant, Id organization, int year,
                                  std::int64_t council_members,
                                  const std::vector<EmulationVote>& votes) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}, council_members};
  TRY(connection_.execute(
      "UPDATE emulation_years SET council_members = $4 WHERE tenant_id = $1 AND organization_id "
      "= $2 AND year = $3",
      key));
  TRY(connection_.execute(
      "DELETE FROM emulation_votes WHERE tenant_id = $1 AND organization_id = $2 AND year = $3",
      std::span(key).first(3)));
  static constexpr std::string_view kColumns[] = {
      "tenant_id", "organization_id", "year", "subject", "subject_id", "title", "yes"};
  return insert_each(connection_, "emulation_votes", kColumns, tenant, organization, year, votes,
                     [](const EmulationVote& vote) -> std::vector<SqlValue> {
                       return {subject_code(vote.subject), vote.subject_id, vote.title, vote.yes};
                     });
}

Status EmulationStore::save_proposal(Id tenant, Id organization, int year,
                                     const Evaluation& evaluation, CivilDate rules_day,
                                     Instant at) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  TRY(connection_.execute(
      "DELETE FROM emulation_outcomes WHERE tenant_id = $1 AND organization_id = $2 AND year = "
      "$3",
      key));
  static constexpr std::string_view kColumns[] = {
      "tenant_id",  "organization_id", "year",      "title",      "subject",
      "subject_id", "verdict",         "rule_from", "reasons_vi", "reasons_en"};
  TRY(insert_each(connection_, "emulation_outcomes", kColumns, tenant, organization, year,
                  evaluation.outcomes, [](const TitleOutcome& outcome) -> std::vector<SqlValue> {
                    return {outcome.title,
                            subject_code(outcome.subject),
                            outcome.subject_id,
                            std::string(code_of(outcome.verdict)),
                            format_iso(outcome.rule_from),
                            lines_of(outcome.reasons, false),
                            lines_of(outcome.reasons, true)};
                  }));
  const SqlValue row[] = {tenant, organization, std::int64_t{year}, format_iso(rules_day),
                          seconds_of(at)};
  TRY(connection_.execute(
      "UPDATE emulation_years SET stage = 'proposed', rules_day = $4, proposed_at = $5, "
      "reopened_reason = '' WHERE tenant_id = $1 AND organization_id = $2 AND year = $3",
      row));
  return {};
}

Status EmulationStore::reopen(Id tenant, Id organization, int year, const std::string& reason) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}, reason};
  TRY(connection_.execute(
      "DELETE FROM emulation_outcomes WHERE tenant_id = $1 AND organization_id = $2 AND year = "
      "$3",
      std::span(key).first(3)));
  TRY(connection_.execute(
      "UPDATE emulation_years SET stage = 'open', rules_day = NULL, proposed_at = NULL, "
      "reopened_reason = $4 WHERE tenant_id = $1 AND organization_id = $2 AND year = $3",
      key));
  return {};
}

Result<std::vector<TitleOutcome>> EmulationStore::outcomes(Id tenant, Id organization, int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  std::vector<TitleOutcome> outcomes;
  TRY(connection_.query(
      "SELECT title, subject, subject_id, verdict, rule_from, reasons_vi, reasons_en FROM "
      "emulation_outcomes WHERE tenant_id = $1 AND organization_id = $2 AND year = $3",
      key, [&](const SqlRow& row) -> Status {
        TitleOutcome outcome;
        outcome.title = row.text(0);
        outcome.subject =
            parse_code<EmulationSubject>(row.text(1)).value_or(EmulationSubject::person);
        outcome.subject_id = row.integer(2);
        outcome.verdict = parse_code<Verdict>(row.text(3)).value_or(Verdict::not_eligible);
        outcome.rule_from = parse_civil_date(row.text(4)).value_or(CivilDate{});
        const auto vi = split_lines(row.text(5));
        const auto en = split_lines(row.text(6));
        for (std::size_t i = 0; i < vi.size(); ++i)
          outcome.reasons.push_back(Text{vi[i], i < en.size() ? en[i] : vi[i]});
        outcomes.push_back(std::move(outcome));
        return {};
      }));
  return outcomes;
}

Status EmulationStore::decide(Id tenant, Id organization, int year,
                              const EmulationDecision& decision,
                              const std::vector<EmulationAward>& awards, Instant at) {
  static constexpr std::string_view kColumns[] = {
      "tenant_id", "organization_id", "year",       "subject", "subject_id", "title",
      "rule_from", "decision_number", "decided_on", "bonus"};
  TRY(insert_each(
      connection_, "emulation_awards", kColumns, tenant, organization, year, awards,
      [&](const EmulationAward& award) -> std::vector<SqlValue> {
        return {subject_code(award.subject), award.subject_id, award.title,
                format_iso(award.rule_from), decision.number,  format_iso(decision.signed_on),
                nullable(award.bonus)};
      }));
  const SqlValue row[] = {tenant,
                          organization,
                          std::int64_t{year},
                          decision.number,
                          format_iso(decision.signed_on),
                          decision.signer,
                          seconds_of(at)};
  TRY(connection_.execute(
      "UPDATE emulation_years SET stage = 'decided', decision_number = $4, decision_signed_on = "
      "$5, decision_signer = $6, decided_at = $7 WHERE tenant_id = $1 AND organization_id = $2 "
      "AND year = $3",
      row));
  return {};
}

Result<std::vector<EmulationAward>> EmulationStore::awards(Id tenant, Id organization, int year) {
  const SqlValue key[] = {tenant, organization, std::int64_t{year}};
  return query_all(connection_,
                   fmt::format("SELECT {} FROM emulation_awards WHERE tenant_id = $1 AND "
                               "organization_id = $2 AND year = $3",
                               kAwardColumns),
                   key, award_at);
}

Result<std::vector<EmulationAward>> EmulationStore::awards_of_person(Id tenant, Id person) {
  const SqlValue key[] = {tenant, person};
  return query_all(connection_,
                   fmt::format("SELECT {} FROM emulation_awards WHERE tenant_id = $1 AND subject "
                               "= 'person' AND subject_id = $2 ORDER BY year DESC, title",
                               kAwardColumns),
                   key, award_at);
}

}  // namespace dk::store
