#include "store/contest_attempt_store.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

// "12:2,0,1;40:;7:1,0": each drawn question with the order of its options.
std::string draw_text(std::span<const DrawnQuestion> draw) {
  std::string text;
  for (const DrawnQuestion& question : draw) {
    if (!text.empty()) text += ';';
    text += std::to_string(question.question_id) + ':';
    for (std::size_t i = 0; i < question.option_order.size(); ++i)
      text += (i ? "," : "") + std::to_string(question.option_order[i]);
  }
  return text;
}

std::vector<DrawnQuestion> draw_of(std::string_view text) {
  std::vector<DrawnQuestion> draw;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(';'), text.size());
    const std::string_view item = text.substr(0, end);
    const std::size_t colon = std::min(item.find(':'), item.size());
    DrawnQuestion question;
    const auto id = numbers_in(item.substr(0, colon));
    question.question_id = id.empty() ? 0 : id.front();
    if (colon < item.size())
      for (const std::int64_t place : numbers_in(item.substr(colon + 1)))
        question.option_order.push_back(static_cast<int>(place));
    draw.push_back(std::move(question));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return draw;
}

std::string places_text(std::span<const int> places) {
  std::string text;
  for (const int place : places) text += (text.empty() ? "" : ",") + std::to_string(place);
  return text;
}

constexpr std::string_view kColumns =
    "SELECT id, tenant_id, contest_id, round_id, person_id, number, started_at, deadline, draw, "
    "prediction, finished_at, submitted, score, answered, taken_seconds FROM contest_attempts ";

ContestAttempt attempt_at(const SqlRow& row) {
  ContestAttempt attempt;
  attempt.id = row.integer(0);
  attempt.tenant_id = row.integer(1);
  attempt.contest_id = row.integer(2);
  attempt.round_id = row.integer(3);
  attempt.person_id = row.integer(4);
  attempt.number = static_cast<int>(row.integer(5));
  attempt.started_at = instant_of(row.integer(6));
  attempt.deadline = instant_of(row.integer(7));
  attempt.draw = draw_of(row.text(8));
  attempt.prediction = optional_integer(row, 9);
  attempt.finished_at = optional_instant(row, 10);
  attempt.submitted = row.integer(11) != 0;
  attempt.marking.score = static_cast<int>(row.integer(12));
  attempt.marking.answered = static_cast<int>(row.integer(13));
  attempt.marking.taken = std::chrono::seconds(row.integer(14));
  return attempt;
}

// The leaderboard's order among equal scores, lower first (core/contest_ranking.hpp): compared as
// a row value, or listed in an ORDER BY after the score (descending). No prediction is farther
// than any ($2 is the real count, a prediction at most a billion). Over the entries `e`.
constexpr std::string_view kTieKey =
    "COALESCE(abs(e.prediction - $2), 4000000000), e.taken_seconds, e.finished_at";

// The round's entries as `e`, followed by a condition for more "AND …": its own entrants' counted
// attempts, and, when organizations below reported theirs, those too (ids below zero). `round` is
// the round's parameter ("$2"); $1 is the tenant. The round without reports keeps its plain scan
// of contest_entries' index.
std::string entries_of(bool reported, std::string_view round) {
  if (!reported)
    return fmt::format("contest_entries e WHERE e.tenant_id = $1 AND e.round_id = {}", round);
  return fmt::format(
      "(SELECT person_id, score, prediction, taken_seconds, finished_at FROM contest_entries "
      "WHERE tenant_id = $1 AND round_id = {0} UNION ALL SELECT id, score, prediction, "
      "taken_seconds, finished_at FROM contest_report_entries WHERE tenant_id = $1 AND round_id = "
      "{0}) e WHERE 1 = 1",
      round);
}

ContestEntry entry_at(const SqlRow& row, int first) {
  return ContestEntry{row.integer(first), static_cast<int>(row.integer(first + 1)),
                      optional_integer(row, first + 2),
                      std::chrono::seconds(row.integer(first + 3)),
                      instant_of(row.integer(first + 4))};
}

}  // namespace

Result<ContestAttempt> ContestAttemptStore::start(ContestAttempt attempt) {
  attempt.id = TRY(reserve_ids(connection_, attempt.tenant_id, "contest_attempts", 1));
  const SqlValue row[] = {attempt.tenant_id,
                          attempt.id,
                          attempt.contest_id,
                          attempt.round_id,
                          attempt.person_id,
                          std::int64_t{attempt.number},
                          seconds_of(attempt.started_at),
                          seconds_of(attempt.deadline),
                          draw_text(attempt.draw),
                          nullable(attempt.prediction)};
  TRY(connection_.execute(
      "INSERT INTO contest_attempts (tenant_id, id, contest_id, round_id, person_id, number, "
      "started_at, deadline, draw, prediction) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      row));
  return attempt;
}

Result<std::optional<ContestAttempt>> ContestAttemptStore::find(Id tenant, Id id) {
  const SqlValue key[] = {tenant, id};
  return query_one(connection_, std::string(kColumns) + "WHERE tenant_id = $1 AND id = $2", key,
                   attempt_at);
}

Result<std::vector<ContestAttempt>> ContestAttemptStore::of_person(Id tenant, Id round, Id person) {
  const SqlValue key[] = {tenant, round, person};
  return query_all(connection_,
                   std::string(kColumns) +
                       "WHERE tenant_id = $1 AND round_id = $2 AND person_id = $3 ORDER BY number",
                   key, attempt_at);
}

Result<std::vector<ContestAttempt>> ContestAttemptStore::expired(Id tenant, Id round, Instant now) {
  const SqlValue key[] = {tenant, round, seconds_of(now)};
  return query_all(connection_,
                   std::string(kColumns) +
                       "WHERE tenant_id = $1 AND round_id = $2 AND finished_at IS NULL AND "
                       "deadline < $3 ORDER BY id",
                   key, attempt_at);
}

Status ContestAttemptStore::save_answers(Id tenant, Id attempt,
                                         std::span<const SavedAnswer> answers) {
  for (const SavedAnswer& saved : answers) {
    const SqlValue row[] = {tenant,
                            attempt,
                            std::int64_t{saved.position},
                            places_text(saved.answer.choices),
                            saved.answer.number,
                            seconds_of(saved.saved_at)};
    TRY(connection_.execute(
        "INSERT INTO contest_answers (tenant_id, attempt_id, position, choices, number, saved_at) "
        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tenant_id, attempt_id, position) DO UPDATE "
        "SET choices = excluded.choices, number = excluded.number, saved_at = excluded.saved_at",
        row));
  }
  return {};
}

Result<std::vector<SavedAnswer>> ContestAttemptStore::answers(Id tenant, Id attempt) {
  const SqlValue key[] = {tenant, attempt};
  return query_all(
      connection_,
      "SELECT position, choices, number, saved_at FROM contest_answers WHERE tenant_id = $1 AND "
      "attempt_id = $2 ORDER BY position",
      key, [](const SqlRow& row) {
        SavedAnswer saved;
        saved.position = static_cast<int>(row.integer(0));
        for (const std::int64_t place : numbers_in(row.text(1)))
          saved.answer.choices.push_back(static_cast<int>(place));
        saved.answer.number = row.text(2);
        saved.saved_at = instant_of(row.integer(3));
        return saved;
      });
}

Status ContestAttemptStore::set_prediction(Id tenant, Id attempt,
                                           std::optional<std::int64_t> prediction) {
  const SqlValue row[] = {tenant, attempt, nullable(prediction)};
  TRY(connection_.execute(
      "UPDATE contest_attempts SET prediction = $3 WHERE tenant_id = $1 AND id = $2 AND "
      "finished_at IS NULL",
      row));
  return {};
}

Result<bool> ContestAttemptStore::finish(const ContestAttempt& attempt, CountedAttempt rule) {
  const Instant finished = attempt.finished_at.value_or(attempt.deadline);
  const SqlValue row[] = {attempt.tenant_id,
                          attempt.id,
                          seconds_of(finished),
                          std::int64_t{attempt.submitted ? 1 : 0},
                          std::int64_t{attempt.marking.score},
                          std::int64_t{attempt.marking.answered},
                          static_cast<std::int64_t>(attempt.marking.taken.count()),
                          nullable(attempt.prediction)};
  // The condition on finished_at makes a second submit (a retry, a double click, the server's
  // sweep at the deadline) change nothing: PostgreSQL re-reads it after the first one's commit.
  const auto changed = TRY(connection_.execute(
      "UPDATE contest_attempts SET finished_at = $3, submitted = $4, score = $5, answered = $6, "
      "taken_seconds = $7, prediction = $8 WHERE tenant_id = $1 AND id = $2 AND finished_at IS "
      "NULL",
      row));
  if (changed == 0) return false;
  const SqlValue entry[] = {attempt.tenant_id,
                            attempt.round_id,
                            attempt.person_id,
                            attempt.id,
                            std::int64_t{attempt.marking.score},
                            nullable(attempt.prediction),
                            static_cast<std::int64_t>(attempt.marking.taken.count()),
                            seconds_of(finished)};
  // The best attempt: a higher score, or as high in less time (an earlier one wins a tie, as in
  // core::counted_attempt); the last: always the one finishing now.
  const std::string_view better =
      rule == CountedAttempt::last
          ? ""
          : " WHERE excluded.score > contest_entries.score OR (excluded.score = "
            "contest_entries.score AND excluded.taken_seconds < contest_entries.taken_seconds)";
  TRY(connection_.execute(
      fmt::format("INSERT INTO contest_entries (tenant_id, round_id, person_id, attempt_id, score, "
                  "prediction, taken_seconds, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                  "$8) ON CONFLICT (tenant_id, round_id, person_id) DO UPDATE SET attempt_id = "
                  "excluded.attempt_id, score = excluded.score, prediction = excluded.prediction, "
                  "taken_seconds = excluded.taken_seconds, finished_at = excluded.finished_at{}",
                  better),
      entry));
  return true;
}

Result<bool> ContestAttemptStore::has_reports(Id tenant, Id round) {
  const SqlValue key[] = {tenant, round};
  const auto found = TRY(query_integer(
      connection_,
      "SELECT 1 FROM contest_report_entries WHERE tenant_id = $1 AND round_id = $2 LIMIT 1", key));
  return found.has_value();
}

Result<std::int64_t> ContestAttemptStore::entrant_count(Id tenant, Id round) {
  const SqlValue key[] = {tenant, round};
  const bool reported = TRY(has_reports(tenant, round));
  const auto count = TRY(query_integer(
      connection_, fmt::format("SELECT count(*) FROM {}", entries_of(reported, "$2")), key));
  return count.value_or(0);
}

Result<std::int64_t> ContestAttemptStore::perfect_count(Id tenant, Id round, int questions) {
  const SqlValue key[] = {tenant, round, std::int64_t{questions}};
  const bool reported = TRY(has_reports(tenant, round));
  const auto count = TRY(query_integer(
      connection_,
      fmt::format("SELECT count(*) FROM {} AND e.score = $3", entries_of(reported, "$2")), key));
  return count.value_or(0);
}

Result<std::vector<LeaderboardLine>> ContestAttemptStore::leaderboard(Id tenant, Id round,
                                                                      std::int64_t real_count,
                                                                      std::int64_t limit,
                                                                      std::int64_t offset) {
  const bool reported = TRY(has_reports(tenant, round));
  // The order's later keys (the prediction's distance to a count known only now, the time) have
  // no index, so sorting the whole round for a page cost seconds at a million entries. The score
  // comes first and has one: the sizes of the score groups (a scan of that index) say which
  // scores the page holds, and only their entries are sorted.
  const SqlValue key[] = {tenant, round};
  const auto groups = TRY(query_all(
      connection_,
      fmt::format("SELECT e.score, count(*) FROM {} GROUP BY e.score ORDER BY e.score DESC",
                  entries_of(reported, "$2")),
      key, [](const SqlRow& row) {
        return std::pair{row.integer(0), row.integer(1)};
      }));
  std::int64_t above = 0;    // entries of the groups above the page's first
  std::int64_t through = 0;  // entries down to this group, this one included
  std::optional<std::int64_t> highest, lowest;
  for (const auto& [score, count] : groups) {
    through += count;
    if (!highest) {
      if (through <= offset) {
        above = through;
        continue;
      }
      highest = score;
    }
    lowest = score;
    if (through >= offset + limit) break;
  }
  if (!highest) return std::vector<LeaderboardLine>{};
  // $2 is the real count in the order key; the round is $4. A reported entrant is named by the
  // report, with the organization it came through.
  const SqlValue params[] = {tenant, real_count, limit, round, offset - above, *lowest, *highest};
  return query_all(
      connection_,
      fmt::format(
          "SELECT e.person_id, e.score, e.prediction, e.taken_seconds, e.finished_at, "
          "COALESCE(p.full_name, r.full_name, ''), COALESCE(u.name, r.unit_name, ''), "
          "COALESCE(r.organization, '') FROM (SELECT e.person_id, e.score, e.prediction, "
          "e.taken_seconds, e.finished_at FROM {1} AND e.score BETWEEN $6 AND $7 ORDER BY e.score "
          "DESC, {0}, e.person_id LIMIT $3 OFFSET $5) e "
          "LEFT JOIN persons p ON p.tenant_id = $1 AND p.id = e.person_id LEFT JOIN units u ON "
          "u.tenant_id = $1 AND u.id = p.unit_id LEFT JOIN contest_report_entries r ON "
          "r.tenant_id = $1 AND r.round_id = $4 AND r.id = e.person_id ORDER BY e.score DESC, {0}, "
          "e.person_id",
          kTieKey, entries_of(reported, "$4")),
      params, [](const SqlRow& row) {
        return LeaderboardLine{entry_at(row, 0), row.text(5), row.text(6), row.text(7)};
      });
}

Result<std::optional<ContestEntry>> ContestAttemptStore::entry(Id tenant, Id round, Id person) {
  const SqlValue key[] = {tenant, round, person};
  return query_one(connection_,
                   "SELECT person_id, score, prediction, taken_seconds, finished_at FROM "
                   "contest_entries WHERE tenant_id = $1 AND round_id = $2 AND person_id = $3",
                   key, [](const SqlRow& row) { return entry_at(row, 0); });
}

Result<std::int64_t> ContestAttemptStore::ahead_of(Id tenant, Id round, const ContestEntry& entry,
                                                   std::int64_t real_count) {
  std::int64_t distance = 4'000'000'000;
  if (entry.prediction) distance = std::llabs(*entry.prediction - real_count);
  const SqlValue params[] = {tenant,
                             real_count,
                             round,
                             std::int64_t{entry.score},
                             distance,
                             static_cast<std::int64_t>(entry.taken.count()),
                             seconds_of(entry.submitted_at)};
  const bool reported = TRY(has_reports(tenant, round));
  // Those with a higher score through the score's index, then those of the same score ahead by
  // the later keys: only the entrant's own score group is read row by row.
  const std::string entries = entries_of(reported, "$3");
  const auto count = TRY(query_integer(
      connection_,
      fmt::format("SELECT (SELECT count(*) FROM {0} AND e.score > $4) + (SELECT count(*) FROM {0} "
                  "AND e.score = $4 AND ({1}) < ($5, $6, $7))",
                  entries, kTieKey),
      params));
  return count.value_or(0);
}

Result<bool> ContestAttemptStore::any_in_contest(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  const auto found = TRY(query_integer(
      connection_,
      "SELECT 1 FROM contest_attempts WHERE tenant_id = $1 AND contest_id = $2 LIMIT 1", key));
  return found.has_value();
}

Result<std::vector<Id>> ContestAttemptStore::participants(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  return query_all(connection_,
                   "SELECT DISTINCT e.person_id FROM contest_entries e JOIN contest_rounds r ON "
                   "r.tenant_id = e.tenant_id AND r.id = e.round_id WHERE e.tenant_id = $1 AND "
                   "r.contest_id = $2 ORDER BY e.person_id",
                   key, [](const SqlRow& row) { return row.integer(0); });
}

}  // namespace dk::store
