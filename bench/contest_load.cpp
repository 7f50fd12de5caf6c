// Contest benchmark (issue 17): ENTRANTS members of the trade union each start an attempt at one
// round (20 questions drawn from a bank of 200 by four topic quotas), then submit it with its 20
// answers and a prediction, all within the same minutes, from THREADS threads each with its own
// connection, through the use cases the web service calls (service/contest_attempts.hpp); the
// submissions through the service's Database as the web service's go, so that on SQLite they
// share group commits. Then EXTRA more finished attempts are loaded in bulk for the other imported
// members, so that the leaderboard is read over ENTRANTS + EXTRA entries. Prints starts/s,
// submissions/s with p50 and p99, the leaderboard's first page and a page at the middle (each
// counts the entries ahead of it, as an entrant's rank does; median and slowest of 5), and what
// the database holds afterwards: every submission a finished attempt, an entry and its 20
// answers, none twice.
//   contest_load TARGET ENTRANTS THREADS EXTRA
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#include "service/contest_attempts.hpp"
#include "service/contest_results.hpp"
#include "service/contests.hpp"
#include "store/sql.hpp"

namespace {

using namespace dk;
using Steady = std::chrono::steady_clock;

[[noreturn]] void die(const Error& error) {
  fmt::print(stderr, "{}: {}\n", error.code, error.message.en);
  std::exit(1);
}

template <class T>
T must(Result<T> result) {
  if (!result) die(result.error());
  return std::move(*result);
}

std::unique_ptr<store::SqlConnection> open(const std::string& target) {
  return must(store::open_database(target));
}

service::Actor actor_for(Id person, bool administrator) {
  service::Actor actor;
  actor.principal.tenant = 1;
  actor.principal.account_id = 1;
  actor.principal.person_id = person;
  actor.principal.administrator = administrator;
  actor.address = "127.0.0.1";
  return actor;
}

// 200 questions on four topics, every kind.
std::string bank_csv() {
  std::string csv = "STT,Câu hỏi,A,B,C,D,Đáp án,Chủ đề,Độ khó\n";
  const char* topics[] = {"Hợp đồng", "Tiền lương", "Thời giờ làm việc", "An toàn lao động"};
  for (int i = 1; i <= 200; ++i) {
    const char* topic = topics[i % 4];
    switch (i % 4) {
      case 0:
        csv += fmt::format("{},Câu hỏi số {} về {}?,Một,Hai,Ba,Bốn,B,{},1\n", i, i, topic, topic);
        break;
      case 1:
        csv +=
            fmt::format("{},Câu hỏi số {} về {}?,Một,Hai,Ba,,\"A, C\",{},2\n", i, i, topic, topic);
        break;
      case 2:
        csv += fmt::format("{},Khẳng định số {} về {}.,,,,,Đúng,{},1\n", i, i, topic, topic);
        break;
      default:
        csv += fmt::format("{},Con số số {} về {}?,,,,,{},{},3\n", i, i, topic, i * 7, topic);
    }
  }
  return csv;
}

// An answer to every question: the first option shown, or a number.
std::vector<service::AnswerAt> answers_for(const service::AttemptView& view) {
  std::vector<service::AnswerAt> answers;
  for (const auto& question : view.questions) {
    service::AnswerAt answer{question.position, {}};
    if (question.kind == ContestQuestionKind::numeric)
      answer.answer.number = "7";
    else
      answer.answer.choices = {question.options.front().place};
    answers.push_back(std::move(answer));
  }
  return answers;
}

double percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::ranges::sort(values);
  const auto index = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1));
  return values[index];
}

double seconds_since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

// Runs `work(i)` for i in [0, n) on `threads` threads, each with its own connection; returns the
// latency of each call in milliseconds.
template <class Work>
std::vector<double> spread(const std::string& target, std::size_t n, int threads, Work work) {
  std::vector<double> latencies(n);
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      auto connection = open(target);
      for (std::size_t i = next++; i < n; i = next++) {
        const auto start = Steady::now();
        work(*connection, i);
        latencies[i] = seconds_since(start) * 1000;
      }
    });
  }
  for (auto& thread : pool) thread.join();
  return latencies;
}

std::int64_t count(store::SqlConnection& db, const std::string& sql) {
  return must(store::query_integer(db, sql)).value_or(-1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    fmt::print(stderr, "usage: contest_load TARGET ENTRANTS THREADS EXTRA\n");
    return 2;
  }
  const std::string target = argv[1];
  const auto entrants = static_cast<std::size_t>(std::atoll(argv[2]));
  const int threads = std::atoi(argv[3]);
  const auto extra = static_cast<std::size_t>(std::atoll(argv[4]));
  // As the web service holds it (and with its process settings): on SQLite the submissions share
  // group commits.
  const auto database = must(service::Database::open(target, static_cast<unsigned>(threads)));
  auto db = open(target);
  const Id union_id =
      count(*db, "SELECT id FROM organizations WHERE tenant_id = 1 AND code = 'CD'");
  std::vector<Id> people = must(store::query_all(
      *db,
      fmt::format("SELECT person_id FROM memberships WHERE tenant_id = 1 AND organization_id = {} "
                  "AND status = 'active' ORDER BY person_id",
                  union_id),
      {}, [](const store::SqlRow& row) { return row.integer(0); }));
  if (people.size() < entrants + extra) {
    fmt::print(stderr, "{} members of CD, fewer than {}\n", people.size(), entrants + extra);
    return 1;
  }

  const service::Actor admin = actor_for(0, true);
  Contest contest;
  contest.organization_id = union_id;
  contest.title = "Tìm hiểu Bộ luật Lao động năm 2019";
  contest.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu hỏi?";
  contest.audience = default_audience(union_id);
  const Id contest_id = must(service::create_contest(*db, admin, contest)).contest.id;
  must(service::import_question_bank(
      *db, admin, contest_id,
      service::BankImport{bank_csv(), "bank.csv", service::BankImportMode::append}));
  ContestRound round;
  round.title = "Vòng 1";
  round.opens_at = admin.clock() - std::chrono::hours(1);
  round.closes_at = admin.clock() + std::chrono::hours(24);
  round.time_limit = std::chrono::minutes(20);
  round.results_shown = ResultsShown::at_close;  // as most contests: results when it closes
  round.quotas = {
      {"Hợp đồng", 5}, {"Tiền lương", 5}, {"Thời giờ làm việc", 5}, {"An toàn lao động", 5}};
  const Id round_id = must(service::add_round(*db, admin, contest_id, round)).rounds.back().id;

  // Starts: each entrant's draw, fixed and kept.
  std::vector<service::AttemptView> views(entrants);
  auto start = Steady::now();
  std::atomic<int> failed{0};
  spread(target, entrants, threads, [&](store::SqlConnection& connection, std::size_t i) {
    auto view =
        service::start_attempt(connection, actor_for(people[i], false), contest_id, round_id);
    if (!view) {
      ++failed;
      return;
    }
    views[i] = std::move(*view);
  });
  const double start_seconds = seconds_since(start);
  fmt::print("starts      {:>8} in {:6.1f} s: {:8.0f}/s, failed {}\n", entrants, start_seconds,
             static_cast<double>(entrants) / start_seconds, failed.load());

  // Submissions, each with its 20 answers and a prediction.
  std::vector<std::vector<service::AnswerAt>> answers(entrants);
  for (std::size_t i = 0; i < entrants; ++i) answers[i] = answers_for(views[i]);
  std::atomic<int> submit_failed{0};
  start = Steady::now();
  const auto latencies =
      spread(target, entrants, threads, [&](store::SqlConnection& connection, std::size_t i) {
        auto done = service::submit_attempt(
            connection, actor_for(people[i], false), views[i].attempt.id, answers[i],
            std::optional<std::int64_t>{static_cast<std::int64_t>(i % 50)}, database.get());
        if (!done || !done->attempt.finished_at) ++submit_failed;
      });
  const double submit_seconds = seconds_since(start);
  fmt::print("submissions {:>8} in {:6.1f} s: {:8.0f}/s p50 {:.1f} ms p99 {:.1f} ms, failed {}\n",
             entrants, submit_seconds, static_cast<double>(entrants) / submit_seconds,
             percentile(latencies, 0.5), percentile(latencies, 0.99), submit_failed.load());

  const std::string in_round = fmt::format("tenant_id = 1 AND round_id = {}", round_id);
  const auto finished = count(*db, "SELECT count(*) FROM contest_attempts WHERE " + in_round +
                                       " AND finished_at IS NOT NULL AND submitted = 1");
  const auto entries = count(*db, "SELECT count(*) FROM contest_entries WHERE " + in_round);
  const auto distinct =
      count(*db, "SELECT count(DISTINCT person_id) FROM contest_attempts WHERE " + in_round);
  const auto saved = count(
      *db, fmt::format("SELECT count(*) FROM contest_answers a JOIN contest_attempts t ON "
                       "t.tenant_id = a.tenant_id AND t.id = a.attempt_id WHERE t.tenant_id = 1 "
                       "AND t.round_id = {}",
                       round_id));
  const bool whole = finished == static_cast<std::int64_t>(entrants) && entries == finished &&
                     distinct == finished && saved == finished * 20;
  fmt::print("held: finished attempts {}, entries {}, people {}, answers {}: {}\n", finished,
             entries, distinct, saved, whole ? "ok" : "LOST OR DOUBLED");

  // More finished attempts in bulk, for the leaderboard of a large round.
  if (extra > 0) {
    const Id first_attempt = count(*db, "SELECT COALESCE(max(id), 0) FROM contest_attempts") + 1;
    const std::int64_t at = count(*db, "SELECT max(started_at) FROM contest_attempts");
    must(store::in_transaction(*db, [&]() -> Result<bool> {
      std::size_t i = 0;
      const std::string_view attempt_columns[] = {
          "tenant_id",   "id",         "contest_id", "round_id", "person_id",
          "number",      "started_at", "deadline",   "draw",     "prediction",
          "finished_at", "submitted",  "score",      "answered", "taken_seconds"};
      TRY(db->bulk_insert("contest_attempts", attempt_columns,
                          [&](std::vector<store::SqlValue>& row) -> Result<bool> {
                            if (i == extra) return false;
                            const auto k = static_cast<std::int64_t>(i);
                            row = {std::int64_t{1},
                                   first_attempt + k,
                                   contest_id,
                                   round_id,
                                   people[entrants + i],
                                   std::int64_t{1},
                                   at,
                                   at + 1200,
                                   std::string(""),
                                   k % 97,
                                   at + 60 + k % 1100,
                                   std::int64_t{1},
                                   k % 21,
                                   std::int64_t{20},
                                   60 + k % 1100};
                            ++i;
                            return true;
                          }));
      i = 0;
      const std::string_view entry_columns[] = {"tenant_id",     "round_id",   "person_id",
                                                "attempt_id",    "score",      "prediction",
                                                "taken_seconds", "finished_at"};
      TRY(db->bulk_insert(
          "contest_entries", entry_columns, [&](std::vector<store::SqlValue>& row) -> Result<bool> {
            if (i == extra) return false;
            const auto k = static_cast<std::int64_t>(i);
            row = {std::int64_t{1}, round_id, people[entrants + i], first_attempt + k,
                   k % 21,          k % 97,   60 + k % 1100,        at + 60 + k % 1100};
            ++i;
            return true;
          }));
      return true;
    }));
    (void)db->execute_script("ANALYZE");
  }
  const auto total = count(*db, "SELECT count(*) FROM contest_entries WHERE " + in_round);

  // Reads: the count the leaderboard rests on, its first page, a page deep down, one rank.
  const auto time_of = [&](auto read) {
    std::vector<double> runs;
    for (int r = 0; r < 5; ++r) {
      const auto began = Steady::now();
      read();
      runs.push_back(seconds_since(began) * 1000);
    }
    return std::pair{percentile(runs, 0.5), percentile(runs, 1.0)};
  };
  const auto [scan, scan_max] =
      time_of([&] { count(*db, "SELECT count(*) FROM contest_entries WHERE " + in_round); });
  const auto [first_page, first_max] =
      time_of([&] { must(service::round_leaderboard(*db, admin, contest_id, round_id, 50, 0)); });
  const auto [deep_page, deep_max] = time_of([&] {
    must(service::round_leaderboard(*db, admin, contest_id, round_id, 50,
                                    static_cast<std::int64_t>(total / 2)));
  });
  fmt::print(
      "leaderboard over {} entries (ms, median/slowest of 5): count(*) {:.1f}/{:.1f}; "
      "first page {:.1f}/{:.1f} ({:.1f}x count); page at the middle {:.1f}/{:.1f} "
      "({:.1f}x count)\n",
      total, scan, scan_max, first_page, first_max, first_page / scan, deep_page, deep_max,
      deep_page / scan);
  return whole && failed == 0 && submit_failed == 0 ? 0 : 1;
}
