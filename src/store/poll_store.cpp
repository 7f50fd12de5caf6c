#include "store/poll_store.hpp"

#include <fmt/format.h>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kPollColumns =
    "p.id, p.tenant_id, p.organization_id, p.title, p.description, p.anonymous, "
    "p.results_shown, p.opens_at, p.closes_at, p.created_by, p.created_at, "
    "COALESCE(o.name, ''), (SELECT count(*) FROM poll_ballots b WHERE b.tenant_id = p.tenant_id "
    "AND b.poll_id = p.id)";

PollSummary summary_at(const SqlRow& row) {
  PollSummary summary;
  Poll& poll = summary.poll;
  poll.id = row.integer(0);
  poll.tenant_id = row.integer(1);
  poll.organization_id = optional_integer(row, 2);
  poll.title = row.text(3);
  poll.description = row.text(4);
  poll.anonymous = row.integer(5) != 0;
  poll.results_shown =
      parse_code<PollResultsShown>(row.text(6)).value_or(PollResultsShown::after_close);
  poll.opens_at = instant_of(row.integer(7));
  poll.closes_at = instant_of(row.integer(8));
  poll.created_by = row.integer(9);
  poll.created_at = instant_of(row.integer(10));
  summary.organization_name = row.text(11);
  summary.ballots = row.integer(12);
  return summary;
}

std::string polls_query(std::string_view where) {
  return fmt::format(
      "SELECT {} FROM polls p LEFT JOIN organizations o ON o.tenant_id = p.tenant_id AND o.id = "
      "p.organization_id WHERE p.tenant_id = $1{} ORDER BY p.id DESC",
      kPollColumns, where);
}

}  // namespace

Result<Poll> PollStore::create(Poll poll) {
  poll.id = TRY(reserve_ids(connection_, poll.tenant_id, "polls", 1));
  const Id tenant = poll.tenant_id;
  const SqlValue row[] = {tenant,
                          poll.id,
                          nullable(poll.organization_id),
                          poll.title,
                          poll.description,
                          std::int64_t{poll.anonymous ? 1 : 0},
                          std::string(code_of(poll.results_shown)),
                          seconds_of(poll.opens_at),
                          seconds_of(poll.closes_at),
                          poll.created_by,
                          seconds_of(poll.created_at)};
  TRY(connection_.execute(
      "INSERT INTO polls (tenant_id, id, organization_id, title, description, anonymous, "
      "results_shown, opens_at, closes_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, "
      "$6, $7, $8, $9, $10, $11)",
      row));
  for (std::size_t q = 0; q < poll.questions.size(); ++q) {
    const PollQuestion& question = poll.questions[q];
    const SqlValue values[] = {tenant,
                               poll.id,
                               static_cast<std::int64_t>(q),
                               question.text,
                               std::string(code_of(question.kind)),
                               std::int64_t{question.max_choices},
                               std::int64_t{question.required ? 1 : 0}};
    TRY(connection_.execute(
        "INSERT INTO poll_questions (tenant_id, poll_id, position, text, kind, max_choices, "
        "required) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        values));
    for (std::size_t o = 0; o < question.options.size(); ++o) {
      const SqlValue option[] = {tenant, poll.id, static_cast<std::int64_t>(q),
                                 static_cast<std::int64_t>(o), question.options[o]};
      TRY(connection_.execute(
          "INSERT INTO poll_options (tenant_id, poll_id, question, position, label) VALUES ($1, "
          "$2, $3, $4, $5)",
          option));
    }
  }
  return poll;
}

Status PollStore::read_questions(Poll& poll) {
  const SqlValue params[] = {poll.tenant_id, poll.id};
  poll.questions.clear();
  TRY(connection_.query(
      "SELECT text, kind, max_choices, required FROM poll_questions WHERE tenant_id = $1 AND "
      "poll_id = $2 ORDER BY position",
      params, [&](const SqlRow& row) -> Status {
        PollQuestion question;
        question.text = row.text(0);
        question.kind = parse_code<PollQuestionKind>(row.text(1)).value_or(PollQuestionKind::text);
        question.max_choices = static_cast<int>(row.integer(2));
        question.required = row.integer(3) != 0;
        poll.questions.push_back(std::move(question));
        return {};
      }));
  return connection_.query(
      "SELECT question, label FROM poll_options WHERE tenant_id = $1 AND poll_id = $2 ORDER BY "
      "question, position",
      params, [&](const SqlRow& row) -> Status {
        const auto question = static_cast<std::size_t>(row.integer(0));
        if (question < poll.questions.size())
          poll.questions[question].options.push_back(row.text(1));
        return {};
      });
}

Result<std::optional<PollSummary>> PollStore::find(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<PollSummary> found;
  TRY(connection_.query(polls_query(" AND p.id = $2"), params, [&](const SqlRow& row) -> Status {
    found = summary_at(row);
    return {};
  }));
  if (found) TRY(read_questions(found->poll));
  return found;
}

Result<std::vector<PollSummary>> PollStore::list(Id tenant) {
  const SqlValue params[] = {tenant};
  std::vector<PollSummary> polls;
  TRY(connection_.query(polls_query(""), params, [&](const SqlRow& row) -> Status {
    polls.push_back(summary_at(row));
    return {};
  }));
  for (PollSummary& summary : polls) TRY(read_questions(summary.poll));
  return polls;
}

Result<std::set<Id>> PollStore::voted_in(Id tenant, Id person) {
  const SqlValue params[] = {tenant, person};
  std::set<Id> polls;
  TRY(connection_.query("SELECT poll_id FROM poll_voters WHERE tenant_id = $1 AND person_id = $2",
                        params, [&](const SqlRow& row) -> Status {
                          polls.insert(row.integer(0));
                          return {};
                        }));
  return polls;
}

Result<bool> PollStore::has_voted(Id tenant, Id poll, Id person) {
  const SqlValue params[] = {tenant, poll, person};
  bool voted = false;
  TRY(connection_.query(
      "SELECT 1 FROM poll_voters WHERE tenant_id = $1 AND poll_id = $2 AND person_id = $3", params,
      [&](const SqlRow&) -> Status {
        voted = true;
        return {};
      }));
  return voted;
}

Result<bool> PollStore::cast(const Poll& poll, Id person, Id ballot, Instant at,
                             const std::vector<PollAnswer>& answers) {
  const Id tenant = poll.tenant_id;
  const SqlValue voter[] = {tenant, poll.id, person};
  const auto added = TRY(connection_.execute(
      "INSERT INTO poll_voters (tenant_id, poll_id, person_id) VALUES ($1, $2, $3) ON CONFLICT "
      "DO NOTHING",
      voter));
  if (added == 0) return false;
  const SqlValue row[] = {tenant, poll.id, ballot, poll.anonymous ? SqlValue{} : SqlValue{person},
                          poll.anonymous ? SqlValue{} : SqlValue{seconds_of(at)}};
  TRY(connection_.execute(
      "INSERT INTO poll_ballots (tenant_id, poll_id, id, person_id, cast_at) VALUES ($1, $2, $3, "
      "$4, $5)",
      row));
  for (std::size_t q = 0; q < answers.size(); ++q) {
    auto answer_row = [&](std::int64_t choice, SqlValue text) -> Status {
      const SqlValue values[] = {tenant, poll.id,        ballot, static_cast<std::int64_t>(q),
                                 choice, std::move(text)};
      TRY(connection_.execute(
          "INSERT INTO poll_answers (tenant_id, poll_id, ballot_id, question, choice, text) "
          "VALUES ($1, $2, $3, $4, $5, $6)",
          values));
      return {};
    };
    for (int choice : answers[q].choices) TRY(answer_row(choice, SqlValue{}));
    if (!answers[q].text.empty()) TRY(answer_row(-1, answers[q].text));
  }
  return true;
}

Result<PollResults> PollStore::results(const Poll& poll) {
  PollResults results;
  results.questions.resize(poll.questions.size());
  for (std::size_t q = 0; q < poll.questions.size(); ++q)
    results.questions[q].votes.assign(poll.questions[q].options.size(), 0);
  const SqlValue params[] = {poll.tenant_id, poll.id};
  TRY(connection_.query("SELECT count(*) FROM poll_ballots WHERE tenant_id = $1 AND poll_id = $2",
                        params, [&](const SqlRow& row) -> Status {
                          results.ballots = row.integer(0);
                          return {};
                        }));
  TRY(connection_.query(
      "SELECT question, choice, count(*) FROM poll_answers WHERE tenant_id = $1 AND poll_id = $2 "
      "AND choice >= 0 GROUP BY question, choice",
      params, [&](const SqlRow& row) -> Status {
        const auto q = static_cast<std::size_t>(row.integer(0));
        const auto choice = static_cast<std::size_t>(row.integer(1));
        if (q < results.questions.size() && choice < results.questions[q].votes.size())
          results.questions[q].votes[choice] = row.integer(2);
        return {};
      }));
  TRY(connection_.query(
      "SELECT question, count(DISTINCT ballot_id) FROM poll_answers WHERE tenant_id = $1 AND "
      "poll_id = $2 GROUP BY question",
      params, [&](const SqlRow& row) -> Status {
        const auto q = static_cast<std::size_t>(row.integer(0));
        if (q < results.questions.size()) results.questions[q].answered = row.integer(1);
        return {};
      }));
  // Free answers in the ballots' order: random ids for every poll, so no order of voting shows.
  TRY(connection_.query(
      "SELECT question, text FROM poll_answers WHERE tenant_id = $1 AND poll_id = $2 AND choice "
      "= -1 ORDER BY question, ballot_id",
      params, [&](const SqlRow& row) -> Status {
        const auto q = static_cast<std::size_t>(row.integer(0));
        if (q < results.questions.size()) results.questions[q].texts.push_back(row.text(1));
        return {};
      }));
  return results;
}

}  // namespace dk::store
