#include "store/contest_store.hpp"

#include <fmt/format.h>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

std::string contests_query(std::string_view where) {
  return fmt::format(
      "SELECT c.id, c.tenant_id, c.organization_id, c.title, c.description, "
      "c.prediction_question, c.created_by, c.created_at, COALESCE(o.name, ''), (SELECT count(*) "
      "FROM contest_questions q WHERE q.tenant_id = c.tenant_id AND q.contest_id = c.id), "
      "c.audience_scope, COALESCE(c.launched_from, ''), c.launched_by, CASE WHEN c.launch_key "
      "IS NULL THEN 0 ELSE 1 END FROM "
      "contests c LEFT JOIN organizations o ON o.tenant_id = c.tenant_id AND o.id = "
      "c.organization_id WHERE c.tenant_id = $1{} ORDER BY c.id DESC",
      where);
}

ContestSummary contest_at(const SqlRow& row) {
  ContestSummary summary;
  Contest& contest = summary.contest;
  contest.id = row.integer(0);
  contest.tenant_id = row.integer(1);
  contest.organization_id = optional_integer(row, 2);
  contest.title = row.text(3);
  contest.description = row.text(4);
  contest.prediction_question = row.text(5);
  contest.created_by = row.integer(6);
  contest.created_at = instant_of(row.integer(7));
  summary.organization_name = row.text(8);
  summary.questions = row.integer(9);
  contest.audience.scope =
      parse_code<AudienceScope>(row.text(10)).value_or(AudienceScope::everyone);
  contest.launched_from = row.text(11);
  contest.launched_by = row.text(12);
  contest.sent_down = row.integer(13) != 0;
  return summary;
}

std::vector<Id> ids_of(const std::vector<ContestQuestion>& questions) {
  std::vector<Id> ids;
  for (const ContestQuestion& question : questions) ids.push_back(question.id);
  return ids;
}

std::string places_text(const std::vector<int>& places) {
  std::string text;
  for (const int place : places) text += (text.empty() ? "" : ",") + std::to_string(place);
  return text;
}

std::vector<int> places_of(std::string_view text) {
  std::vector<int> places;
  for (const std::int64_t place : numbers_in(text)) places.push_back(static_cast<int>(place));
  return places;
}

}  // namespace

Result<Contest> ContestStore::create(Contest contest) {
  contest.id = TRY(reserve_ids(connection_, contest.tenant_id, "contests", 1));
  const SqlValue row[] = {
      contest.tenant_id,
      contest.id,
      nullable(contest.organization_id),
      contest.title,
      contest.description,
      contest.prediction_question,
      contest.created_by,
      seconds_of(contest.created_at),
      std::string(code_of(contest.audience.scope)),
      contest.launched_from.empty() ? SqlValue{} : SqlValue{contest.launched_from},
      contest.launched_by};
  TRY(connection_.execute(
      "INSERT INTO contests (tenant_id, id, organization_id, title, description, "
      "prediction_question, created_by, created_at, audience_scope, launched_from, launched_by) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      row));
  for (const Id target : contest.audience.ids) {
    const SqlValue member[] = {contest.tenant_id, contest.id, target};
    TRY(connection_.execute(
        "INSERT INTO contest_audience (tenant_id, contest_id, target_id) VALUES ($1, $2, $3) ON "
        "CONFLICT DO NOTHING",
        member));
  }
  return contest;
}

Result<std::optional<ContestSummary>> ContestStore::find(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  auto found = TRY(query_one(connection_, contests_query(" AND c.id = $2"), params, contest_at));
  if (found) TRY(read_audience(found->contest));
  return found;
}

Result<std::vector<ContestSummary>> ContestStore::list(Id tenant) {
  const SqlValue params[] = {tenant};
  auto contests = TRY(query_all(connection_, contests_query(""), params, contest_at));
  for (ContestSummary& summary : contests) TRY(read_audience(summary.contest));
  return contests;
}

Result<std::string> ContestStore::launch_key(Id tenant, Id id, const std::string& drawn) {
  const SqlValue set[] = {tenant, id, drawn};
  TRY(connection_.execute(
      "UPDATE contests SET launch_key = $3 WHERE tenant_id = $1 AND id = $2 AND launch_key IS NULL",
      set));
  const SqlValue key[] = {tenant, id};
  auto found =
      TRY(query_one(connection_, "SELECT launch_key FROM contests WHERE tenant_id = $1 AND id = $2",
                    key, [](const SqlRow& row) { return row.text(0); }));
  return found.value_or(drawn);
}

Result<std::optional<std::string>> ContestStore::find_launch_key(Id tenant, Id id) {
  const SqlValue key[] = {tenant, id};
  auto found = TRY(query_one(
      connection_, "SELECT COALESCE(launch_key, '') FROM contests WHERE tenant_id = $1 AND id = $2",
      key, [](const SqlRow& row) { return row.text(0); }));
  if (!found || found->empty()) return std::nullopt;
  return found;
}

Result<std::vector<std::pair<Id, Id>>> ContestStore::copies_elsewhere(Id tenant,
                                                                      const std::string& key) {
  const SqlValue params[] = {tenant, key};
  return query_all(
      connection_,
      "SELECT tenant_id, id FROM contests WHERE launched_from = $2 AND tenant_id <> $1 "
      "ORDER BY tenant_id, id",
      params, [](const SqlRow& row) {
        return std::pair{row.integer(0), row.integer(1)};
      });
}

Result<std::optional<Id>> ContestStore::copy_of(Id tenant, const std::string& key) {
  const SqlValue params[] = {tenant, key};
  return query_one(connection_,
                   "SELECT id FROM contests WHERE tenant_id = $1 AND launched_from = $2", params,
                   [](const SqlRow& row) { return row.integer(0); });
}

Status ContestStore::read_audience(Contest& contest) {
  const SqlValue key[] = {contest.tenant_id, contest.id};
  contest.audience.ids = TRY(query_all(
      connection_,
      "SELECT target_id FROM contest_audience WHERE tenant_id = $1 AND contest_id = $2 ORDER BY "
      "target_id",
      key, [](const SqlRow& row) { return row.integer(0); }));
  return {};
}

namespace {

// The current members the contest's audience means, selecting m.person_id; an organization brings
// those below it in the agency's tree.
std::string audience_sql(const Contest& contest) {
  const std::string members =
      "SELECT DISTINCT m.person_id FROM memberships m WHERE m.tenant_id = $1 AND m.status <> "
      "'left'";
  switch (contest.audience.scope) {
    case AudienceScope::everyone:
      return members;
    case AudienceScope::organizations:
      return "WITH RECURSIVE tree (id) AS (SELECT id FROM organizations WHERE tenant_id = $1 AND "
             "id IN " +
             id_list(contest.audience.ids) +
             " UNION SELECT o.id FROM organizations o JOIN tree t ON o.superior_tenant_id = $1 "
             "AND o.superior_id = t.id WHERE o.tenant_id = $1) " +
             members + " AND m.organization_id IN (SELECT id FROM tree)";
    case AudienceScope::units:
      return members +
             " AND EXISTS (SELECT 1 FROM persons p WHERE p.tenant_id = m.tenant_id AND p.id = "
             "m.person_id AND p.unit_id IN " +
             id_list(contest.audience.ids) + ")";
  }
  return members;
}

}  // namespace

Result<std::vector<Id>> ContestStore::audience_people(const Contest& contest) {
  const SqlValue params[] = {contest.tenant_id};
  return query_all(connection_, audience_sql(contest) + " ORDER BY m.person_id", params,
                   [](const SqlRow& row) { return row.integer(0); });
}

Result<std::vector<ParticipantRow>> ContestStore::participant_rows(const Contest& contest) {
  const SqlValue params[] = {contest.tenant_id, contest.id};
  return query_all(
      connection_,
      "WITH audience AS (" + audience_sql(contest) +
          ") SELECT p.id, p.full_name, p.unit_id, COALESCE(u.name, ''), EXISTS (SELECT 1 FROM "
          "contest_entries e JOIN contest_rounds r ON r.tenant_id = e.tenant_id AND r.id = "
          "e.round_id WHERE e.tenant_id = $1 AND r.contest_id = $2 AND e.person_id = p.id) FROM "
          "persons p LEFT JOIN units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id WHERE "
          "p.tenant_id = $1 AND p.id IN (SELECT person_id FROM audience) ORDER BY u.sort_key, "
          "p.sort_key, p.id",
      params, [](const SqlRow& row) {
        return ParticipantRow{row.integer(0), row.text(1), optional_integer(row, 2), row.text(3),
                              row.integer(4) != 0};
      });
}

Result<std::vector<ParticipationGroup>> ContestStore::organization_rows(const Contest& contest) {
  const SqlValue params[] = {contest.tenant_id, contest.id};
  return query_all(
      connection_,
      "WITH audience AS (" + audience_sql(contest) +
          "), entered AS (SELECT DISTINCT e.person_id FROM contest_entries e JOIN contest_rounds r "
          "ON r.tenant_id = e.tenant_id AND r.id = e.round_id WHERE e.tenant_id = $1 AND "
          "r.contest_id = $2) SELECT o.id, o.name, count(DISTINCT m.person_id), count(DISTINCT "
          "x.person_id) FROM memberships m JOIN organizations o ON o.tenant_id = m.tenant_id AND "
          "o.id = m.organization_id LEFT JOIN entered x ON x.person_id = m.person_id WHERE "
          "m.tenant_id = $1 AND m.status <> 'left' AND m.person_id IN (SELECT person_id FROM "
          "audience) GROUP BY o.id, o.name, o.sort_key ORDER BY o.sort_key, o.id",
      params, [](const SqlRow& row) {
        ParticipationGroup group;
        group.id = row.integer(0);
        group.name = row.text(1);
        group.people = row.integer(2);
        group.entrants = row.integer(3);
        return group;
      });
}

Status ContestStore::note_reminders(const Contest& contest, std::span<const Id> people,
                                    Instant at) {
  for (const Id person : people) {
    const SqlValue row[] = {contest.tenant_id, contest.id, person, seconds_of(at)};
    TRY(connection_.execute(
        "INSERT INTO contest_reminders (tenant_id, contest_id, person_id, reminded_at) VALUES ($1, "
        "$2, $3, $4) ON CONFLICT (tenant_id, contest_id, person_id) DO UPDATE SET reminded_at = "
        "excluded.reminded_at, reminders = contest_reminders.reminders + 1",
        row));
  }
  return {};
}

Result<std::vector<Id>> ContestStore::reminded_since(const Contest& contest, Instant since) {
  const SqlValue params[] = {contest.tenant_id, contest.id, seconds_of(since)};
  return query_all(connection_,
                   "SELECT person_id FROM contest_reminders WHERE tenant_id = $1 AND contest_id = "
                   "$2 AND reminded_at >= $3 ORDER BY person_id",
                   params, [](const SqlRow& row) { return row.integer(0); });
}

Result<bool> ContestStore::in_audience(const Contest& contest, Id person) {
  const SqlValue params[] = {contest.tenant_id, person};
  auto found = TRY(query_one(connection_, audience_sql(contest) + " AND m.person_id = $2", params,
                             [](const SqlRow&) { return true; }));
  return found.has_value();
}

Result<std::vector<ContestQuestion>> ContestStore::add_questions(
    Id tenant, Id contest, std::vector<ContestQuestion> questions) {
  const SqlValue key[] = {tenant, contest};
  // A no-op write locks the contest's row on both engines: two imports into one bank queue.
  TRY(connection_.execute(
      "UPDATE contests SET created_at = created_at WHERE tenant_id = $1 AND id = $2", key));
  const auto last = TRY(query_integer(
      connection_, "SELECT max(id) FROM contest_questions WHERE tenant_id = $1 AND contest_id = $2",
      key));
  Id next = last.value_or(0);
  for (ContestQuestion& question : questions) {
    question.id = ++next;
    const SqlValue row[] = {tenant,
                            contest,
                            question.id,
                            question.topic,
                            std::int64_t{question.difficulty},
                            std::string(code_of(question.kind)),
                            question.text,
                            places_text(question.correct),
                            question.numeric_answer};
    TRY(connection_.execute(
        "INSERT INTO contest_questions (tenant_id, contest_id, id, topic, difficulty, kind, text, "
        "correct, numeric_answer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        row));
    for (std::size_t i = 0; i < question.options.size(); ++i) {
      const SqlValue option[] = {tenant, contest, question.id, static_cast<std::int64_t>(i),
                                 question.options[i]};
      TRY(connection_.execute(
          "INSERT INTO contest_question_options (tenant_id, contest_id, question_id, position, "
          "label) VALUES ($1, $2, $3, $4, $5)",
          option));
    }
  }
  return questions;
}

Status ContestStore::clear_questions(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  TRY(connection_.execute(
      "DELETE FROM contest_question_options WHERE tenant_id = $1 AND contest_id = $2", key));
  TRY(connection_.execute("DELETE FROM contest_questions WHERE tenant_id = $1 AND contest_id = $2",
                          key));
  return {};
}

Result<std::vector<ContestQuestion>> ContestStore::questions(Id tenant, Id contest) {
  return read_questions(tenant, contest, "");
}

Result<std::vector<ContestQuestion>> ContestStore::questions(Id tenant, Id contest,
                                                             std::span<const Id> ids) {
  return read_questions(tenant, contest, " AND q.id IN " + id_list(ids));
}

Result<std::vector<ContestQuestion>> ContestStore::read_questions(Id tenant, Id contest,
                                                                  std::string_view where) {
  const SqlValue key[] = {tenant, contest};
  auto bank = TRY(query_all(
      connection_,
      fmt::format("SELECT q.id, q.topic, q.difficulty, q.kind, q.text, q.correct, "
                  "q.numeric_answer FROM contest_questions q WHERE q.tenant_id = $1 AND "
                  "q.contest_id = $2{} ORDER BY q.id",
                  where),
      key, [](const SqlRow& row) {
        ContestQuestion question;
        question.id = row.integer(0);
        question.topic = row.text(1);
        question.difficulty = static_cast<int>(row.integer(2));
        question.kind =
            parse_code<ContestQuestionKind>(row.text(3)).value_or(ContestQuestionKind::single);
        question.text = row.text(4);
        question.correct = places_of(row.text(5));
        question.numeric_answer = row.text(6);
        return question;
      }));
  std::map<Id, ContestQuestion*> by_id;
  for (ContestQuestion& question : bank) by_id[question.id] = &question;
  TRY(connection_.query(
      fmt::format("SELECT q.question_id, q.label FROM contest_question_options q WHERE "
                  "q.tenant_id = $1 AND q.contest_id = $2{} ORDER BY q.question_id, q.position",
                  where.empty() ? std::string() : " AND q.question_id IN " + id_list(ids_of(bank))),
      key, [&](const SqlRow& row) -> Status {
        if (auto found = by_id.find(row.integer(0)); found != by_id.end())
          found->second->options.push_back(row.text(1));
        return {};
      }));
  return bank;
}

Result<std::map<std::string, std::int64_t>> ContestStore::topics(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  std::map<std::string, std::int64_t> counts;
  TRY(connection_.query(
      "SELECT topic, count(*) FROM contest_questions WHERE tenant_id = $1 AND contest_id = $2 "
      "GROUP BY topic",
      key, [&](const SqlRow& row) -> Status {
        counts[row.text(0)] = row.integer(1);
        return {};
      }));
  return counts;
}

}  // namespace dk::store
