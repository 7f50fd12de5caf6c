#include "store/contest_round_store.hpp"

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, tenant_id, contest_id, title, opens_at, closes_at, time_limit_seconds, "
    "attempts_allowed, counted, shuffle_options, results_shown FROM contest_rounds ";

ContestRound round_at(const SqlRow& row) {
  ContestRound round;
  round.id = row.integer(0);
  round.tenant_id = row.integer(1);
  round.contest_id = row.integer(2);
  round.title = row.text(3);
  round.opens_at = instant_of(row.integer(4));
  round.closes_at = instant_of(row.integer(5));
  round.time_limit = std::chrono::seconds(row.integer(6));
  round.attempts_allowed = static_cast<int>(row.integer(7));
  round.counted = parse_code<CountedAttempt>(row.text(8)).value_or(CountedAttempt::best);
  round.shuffle_options = row.integer(9) != 0;
  round.results_shown = parse_code<ResultsShown>(row.text(10)).value_or(ResultsShown::at_close);
  return round;
}

}  // namespace

Result<ContestRound> ContestRoundStore::create(ContestRound round) {
  round.id = TRY(reserve_ids(connection_, round.tenant_id, "contest_rounds", 1));
  const SqlValue row[] = {round.tenant_id,
                          round.id,
                          round.contest_id,
                          round.title,
                          seconds_of(round.opens_at),
                          seconds_of(round.closes_at),
                          static_cast<std::int64_t>(round.time_limit.count()),
                          std::int64_t{round.attempts_allowed},
                          std::string(code_of(round.counted)),
                          std::int64_t{round.shuffle_options ? 1 : 0},
                          std::string(code_of(round.results_shown))};
  TRY(connection_.execute(
      "INSERT INTO contest_rounds (tenant_id, id, contest_id, title, opens_at, closes_at, "
      "time_limit_seconds, attempts_allowed, counted, shuffle_options, results_shown) VALUES ($1, "
      "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
      row));
  for (std::size_t i = 0; i < round.quotas.size(); ++i) {
    const SqlValue quota[] = {round.tenant_id, round.id, static_cast<std::int64_t>(i),
                              round.quotas[i].topic, std::int64_t{round.quotas[i].count}};
    TRY(connection_.execute(
        "INSERT INTO contest_round_quotas (tenant_id, round_id, position, topic, count) VALUES "
        "($1, $2, $3, $4, $5)",
        quota));
  }
  return round;
}

Result<std::optional<ContestRound>> ContestRoundStore::find(Id tenant, Id id) {
  const SqlValue key[] = {tenant, id};
  auto found = TRY(query_one(
      connection_, std::string(kColumns) + "WHERE tenant_id = $1 AND id = $2", key, round_at));
  if (found) TRY(read_quotas(*found));
  return found;
}

Result<std::vector<ContestRound>> ContestRoundStore::of_contest(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  auto rounds = TRY(query_all(
      connection_,
      std::string(kColumns) + "WHERE tenant_id = $1 AND contest_id = $2 ORDER BY opens_at, id", key,
      round_at));
  for (ContestRound& round : rounds) TRY(read_quotas(round));
  return rounds;
}

Status ContestRoundStore::read_quotas(ContestRound& round) {
  const SqlValue key[] = {round.tenant_id, round.id};
  round.quotas = TRY(query_all(
      connection_,
      "SELECT topic, count FROM contest_round_quotas WHERE tenant_id = $1 AND round_id = $2 ORDER "
      "BY position",
      key, [](const SqlRow& row) {
        return TopicQuota{row.text(0), static_cast<int>(row.integer(1))};
      }));
  return {};
}

}  // namespace dk::store
