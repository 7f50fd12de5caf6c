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
      "FROM contest_questions q WHERE q.tenant_id = c.tenant_id AND q.contest_id = c.id) FROM "
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
  return summary;
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
  const SqlValue row[] = {contest.tenant_id,
                          contest.id,
                          nullable(contest.organization_id),
                          contest.title,
                          contest.description,
                          contest.prediction_question,
                          contest.created_by,
                          seconds_of(contest.created_at)};
  TRY(connection_.execute(
      "INSERT INTO contests (tenant_id, id, organization_id, title, description, "
      "prediction_question, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      row));
  return contest;
}

Result<std::optional<ContestSummary>> ContestStore::find(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_, contests_query(" AND c.id = $2"), params, contest_at);
}

Result<std::vector<ContestSummary>> ContestStore::list(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(connection_, contests_query(""), params, contest_at);
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
  const SqlValue key[] = {tenant, contest};
  auto bank = TRY(query_all(
      connection_,
      "SELECT id, topic, difficulty, kind, text, correct, numeric_answer FROM contest_questions "
      "WHERE tenant_id = $1 AND contest_id = $2 ORDER BY id",
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
      "SELECT question_id, label FROM contest_question_options WHERE tenant_id = $1 AND "
      "contest_id = $2 ORDER BY question_id, position",
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
