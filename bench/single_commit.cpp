// The engine's single-row-commit rate, the baseline of the check-in benchmark: one thread, a tight
// loop of BEGIN, one-row INSERT, COMMIT into a scratch table, through the same adapter and so with
// the same durability settings as the server (SQLite: WAL, synchronous=FULL; PostgreSQL:
// synchronous_commit as the server has it). Prints commits per second.
//   single_commit TARGET [SECONDS]      TARGET: an SQLite file or a postgresql:// URI
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "store/sql.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: single_commit TARGET [SECONDS]\n");
    return 2;
  }
  const double seconds = argc > 2 ? std::atof(argv[2]) : 5.0;
  auto connection = dk::store::open_database(argv[1]);
  if (!connection) {
    fmt::print(stderr, "{}\n", connection.error().message.en);
    return 1;
  }
  dk::store::SqlConnection& db = **connection;
  if (auto made = db.execute_script(
          "DROP TABLE IF EXISTS bench_single_commit; "
          "CREATE TABLE bench_single_commit (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
      !made) {
    fmt::print(stderr, "{}\n", made.error().message.en);
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(seconds);
  std::int64_t commits = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    const dk::store::SqlValue params[] = {commits, std::string("a check-in sized row")};
    auto done = dk::store::in_transaction(db, [&]() -> dk::Status {
      auto inserted =
          db.execute("INSERT INTO bench_single_commit (id, payload) VALUES ($1, $2)", params);
      if (!inserted) return std::unexpected(inserted.error());
      return {};
    });
    if (!done) {
      fmt::print(stderr, "{}\n", done.error().message.en);
      return 1;
    }
    ++commits;
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  (void)db.execute_script("DROP TABLE bench_single_commit");
  fmt::print("{:.0f}\n", static_cast<double>(commits) / elapsed);
  return 0;
}
