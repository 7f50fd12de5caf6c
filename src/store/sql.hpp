#pragma once
// The narrow waist between the repositories and the two engines. Repositories speak one SQL
// dialect — the common ground of SQLite 3.40 and PostgreSQL 15: `$1` parameters, ON CONFLICT,
// RETURNING, window functions, partial indexes — and each adapter (store/sqlite, store/postgres)
// brings what its engine does best: statements prepared once and cached, batched inserts in one
// transaction on SQLite, COPY on PostgreSQL. Driver errors become domain errors inside the
// adapter; constraint names never leave it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace dk::store {

enum class Engine { sqlite, postgres };

// Bytes, as opposed to text: sort keys. SQLite stores a BLOB, PostgreSQL a bytea; both compare
// them with memcmp.
struct Bytes {
  std::string data;
};

using SqlValue = std::variant<std::monostate, std::int64_t, std::string, Bytes>;

// A value that is NULL when the optional is empty.
template <class T>
SqlValue nullable(const std::optional<T>& value) {
  if (!value) return std::monostate{};
  return SqlValue(*value);
}

// One row of a result, read by column position.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual std::string text(int column) const = 0;  // "" for NULL
  virtual std::string bytes(int column) const = 0;
};

using RowCallback = std::function<Status(const SqlRow&)>;

// Rows for a bulk load, produced one at a time so that a million need not sit in memory. The
// producer fills `row` (one value per column) and returns true, or returns false at the end.
using RowProducer = std::function<Result<bool>(std::vector<SqlValue>& row)>;

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Engine engine() const = 0;

  // Runs one statement; returns the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql,
                                       std::span<const SqlValue> params = {}) = 0;
  // Runs a query and hands each row to `callback`; a callback error stops it and is returned.
  virtual Status query(std::string_view sql, std::span<const SqlValue> params,
                       const RowCallback& callback) = 0;
  // Runs several statements separated by semicolons, without parameters migrations.
  virtual Status execute_script(std::string_view sql) = 0;

  // Loads many rows into a table in the engine's fastest way, inside the current transaction.
  virtual Result<std::int64_t> bulk_insert(std::string_view table,
                                           std::span<const std::string_view> columns,
                                           const RowProducer& producer) = 0;

  virtual bool in_transaction() const = 0;
  // True once the link to the server is lost (PostgreSQL restarted, say): a pool replaces it.
  virtual bool broken() const { return false; }
  virtual Status begin() = 0;  // takes the write lock up front on SQLite (BEGIN IMMEDIATE)
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
};

// Opens `target`: a PostgreSQL URI (postgresql://… or postgres://…) or a path to an SQLite file,
// created if missing. Brings the schema up to date with the migrations.
Result<std::unique_ptr<SqlConnection>> open_database(const std::string& target);

// Runs `work` inside the current transaction, in a savepoint: if it fails, what it wrote is undone
// and the transaction goes on (on PostgreSQL, usable again after a failed statement), so that a
// caller who carries on after the failure cannot commit half of it. Savepoints of the same name
// nest: each RELEASE or ROLLBACK TO names the innermost.
template <class Work>
auto in_savepoint(SqlConnection& connection, Work&& work) -> decltype(work()) {
  if (auto set = connection.execute_script("SAVEPOINT dk_nested"); !set)
    return std::unexpected(set.error());
  auto undo = [&] {
    (void)connection.execute_script("ROLLBACK TO SAVEPOINT dk_nested; RELEASE SAVEPOINT dk_nested");
  };
  auto result = [&] {
    try {
      return work();
    } catch (...) {
      undo();
      throw;
    }
  }();
  if (!result) {
    undo();
    return result;
  }
  if (auto released = connection.execute_script("RELEASE SAVEPOINT dk_nested"); !released) {
    undo();
    return std::unexpected(released.error());
  }
  return result;
}

// Runs `work` in a transaction: commits if it succeeds, rolls back if it fails, so that nothing
// is half-written. Inside a transaction already, `work` runs in a savepoint of it: its failure
// undoes its own writes only, and the outer transaction decides whether the rest is committed.
template <class Work>
auto in_transaction(SqlConnection& connection, Work&& work) -> decltype(work()) {
  if (connection.in_transaction()) return in_savepoint(connection, work);
  TRY(connection.begin());
  // Nothing is meant to throw across a layer, but a bad_alloc may: the transaction (and SQLite's
  // writer lock) must not outlive it on a pooled connection.
  auto result = [&] {
    try {
      return work();
    } catch (...) {
      (void)connection.rollback();
      throw;
    }
  }();
  if (!result) {
    (void)connection.rollback();
    return result;
  }
  TRY(connection.commit());
  return result;
}

// Runs `work`, which must only read, against one snapshot of the database. On SQLite outside a
// transaction each statement is its own read transaction, and a read transaction that starts after
// another connection's commit drops this connection's page cache and memory map of the file: under
// a stream of commits (check-ins) a request paid that (an munmap, then page faults) once per
// statement, and pays it once here. PostgreSQL reads as before, each statement seeing the latest
// commit. No write may run inside (it would take SQLite's write lock without the process's writer
// lock, see begin()).
template <class Work>
auto in_read_snapshot(SqlConnection& connection, Work&& work) -> decltype(work()) {
  if (connection.engine() != Engine::sqlite || connection.in_transaction()) return work();
  if (auto begun = connection.execute_script("BEGIN DEFERRED"); !begun)
    return std::unexpected(begun.error());
  auto result = [&] {
    try {
      return work();
    } catch (...) {
      (void)connection.execute_script("ROLLBACK");
      throw;
    }
  }();
  // Nothing was written: ending the read transaction cannot lose anything.
  if (auto ended = connection.execute_script("COMMIT"); !ended) {
    (void)connection.execute_script("ROLLBACK");
    if (result) return std::unexpected(ended.error());
  }
  return result;
}

// The first row a query returns, read by `read`, or nothing when it returns none.
template <class Read>
auto query_one(SqlConnection& connection, std::string_view sql, std::span<const SqlValue> params,
               Read&& read)
    -> Result<std::optional<decltype(read(std::declval<const SqlRow&>()))>> {
  std::optional<decltype(read(std::declval<const SqlRow&>()))> found;
  auto status = connection.query(sql, params, [&](const SqlRow& row) -> Status {
    if (!found) found = read(row);
    return {};
  });
  if (!status) return std::unexpected(status.error());
  return found;
}

// Every row a query returns, read by `read`.
template <class Read>
auto query_all(SqlConnection& connection, std::string_view sql, std::span<const SqlValue> params,
               Read&& read) -> Result<std::vector<decltype(read(std::declval<const SqlRow&>()))>> {
  std::vector<decltype(read(std::declval<const SqlRow&>()))> rows;
  auto status = connection.query(sql, params, [&](const SqlRow& row) -> Status {
    rows.push_back(read(row));
    return {};
  });
  if (!status) return std::unexpected(status.error());
  return rows;
}

// Convenience readers for a single value or a single row.
Result<std::optional<std::int64_t>> query_integer(SqlConnection& connection, std::string_view sql,
                                                  std::span<const SqlValue> params = {});

// Ids as an SQL list for `IN`: "(1,2,3)"; "(NULL)" for none, which matches nothing. Ids are
// integers, so the list is safe to splice into a statement.
std::string id_list(std::span<const std::int64_t> ids);

// A sum or a number in a statement left the range of a 64-bit integer (SQLite's "integer
// overflow", PostgreSQL's SQLSTATE 22003): said the same way by both adapters, never a wrapped
// or zeroed value.
Error out_of_range();

}  // namespace dk::store
