#include "store/postgres/postgres_connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/postgres/connection_secrets.hpp"
#include "store/postgres/libpq_handles.hpp"
#include "store/postgres/postgres_values.hpp"

namespace dk::store {
namespace {

using pg::append_copy_row;
using pg::bind;
using pg::BoundParameters;
using pg::ConnectionHandle;
using pg::ConninfoDeleter;
using pg::decode_bytea;
using pg::invalid_value;
using pg::kTextFormat;
using pg::LibpqMemoryDeleter;
using pg::parse_integer;
using pg::passwords_in;
using pg::ResultHandle;
using pg::without_passwords;

// COPY data is sent in chunks of about this size: large enough that the per-message cost
// vanishes, small enough that a million-row load does not sit in memory.
constexpr std::size_t kCopyChunkSize = std::size_t{256} * 1024;

// libpq's messages end in a newline and continue on tab-indented lines; users see one line.
std::string one_line(std::string_view message) {
  std::string out;
  bool space = false;
  for (const char c : message) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

Error cannot_connect(std::string_view reason) {
  return Error{ErrorKind::unavailable,
               "store.unavailable",
               Text{fmt::format("Không kết nối được tới cơ sở dữ liệu PostgreSQL: {}", reason),
                    fmt::format("Cannot connect to the PostgreSQL database: {}", reason)},
               {}};
}

Error lost_connection(std::string_view reason) {
  return Error{ErrorKind::unavailable,
               "store.unavailable",
               Text{fmt::format("Mất kết nối tới cơ sở dữ liệu PostgreSQL: {}", reason),
                    fmt::format("The connection to the PostgreSQL database failed: {}", reason)},
               {}};
}

Error failed(std::string_view detail) {
  return Error{ErrorKind::internal,
               "store.failed",
               Text{"Lỗi cơ sở dữ liệu.", fmt::format("Database error: {}", detail)},
               {}};
}

// Constraint names and SQL never leave the adapter: the user gets what went wrong in their
// terms, the code tells the repository which case it is. The SQLSTATE decides, not the message
// text, because the server translates its messages into the language of its own locale.
Error translate(PGconn* connection, const PGresult* result) {
  const char* field = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view state = field ? field : "";
  if (state == "23505" || state == "23P01") {  // unique, exclusion (an overlapping booking)
    return Error{ErrorKind::conflict,
                 "store.duplicate",
                 Text{"Bản ghi này đã có.", "This record already exists."},
                 {}};
  }
  if (state == "23503") {
    return Error{
        ErrorKind::invalid_input,
        "store.reference_missing",
        Text{"Bản ghi được tham chiếu không tồn tại.", "A referenced record does not exist."},
        {}};
  }
  if (state == "22003") return out_of_range();  // numeric value out of range: a sum past int8
  // Check, not-null, and any other integrity or data exception (a bad date, a number out of
  // range, invalid UTF-8): the messages of all of these may name a constraint or echo SQL.
  if (state.starts_with("23") || state.starts_with("22")) return invalid_value();
  if (state == "40001" || state == "40P01") {
    return Error{ErrorKind::conflict,
                 "store.retry",
                 Text{"Dữ liệu vừa bị thay đổi đồng thời; hãy thử lại.",
                      "The data was changed at the same time by someone else; try again."},
                 {}};
  }
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string detail = one_line(primary ? primary : PQerrorMessage(connection));
  // Connection exceptions, the server shutting down or out of resources (disk full, too many
  // connections), or a socket that libpq found dead: none of them is a bug of ours.
  if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57P") ||
      PQstatus(connection) == CONNECTION_BAD) {
    return lost_connection(detail);
  }
  return failed(detail);
}

class PostgresRow final : public SqlRow {
 public:
  PostgresRow(const PGresult* result, int row) : result_(result), row_(row) {}
  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) == 1; }
  std::int64_t integer(int column) const override { return parse_integer(view(column)); }
  std::string text(int column) const override { return std::string(view(column)); }
  std::string bytes(int column) const override {
    const std::string_view value = view(column);
    return decode_bytea(value.data(), value.size());
  }

 private:
  // A NULL reads as "" (libpq gives an empty string for it); a column out of range too.
  std::string_view view(int column) const {
    const char* value = PQgetvalue(result_, row_, column);
    if (value == nullptr) return {};
    return std::string_view(value, static_cast<std::size_t>(PQgetlength(result_, row_, column)));
  }

  const PGresult* result_;
  int row_;
};

std::int64_t affected_rows(PGresult* result) {
  return parse_integer(PQcmdTuples(result));
}

// Lookups by string_view into a map keyed by std::string, without building a string per call.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

class PostgresConnection final : public SqlConnection {
 public:
  explicit PostgresConnection(ConnectionHandle connection) : connection_(std::move(connection)) {}

  Engine engine() const override { return Engine::postgres; }

  Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) override {
    auto bound = TRY(bind(params));
    ResultHandle result;
    if (params.empty()) {
      result.reset(PQexecParams(raw(), std::string(sql).c_str(), 0, nullptr, nullptr, nullptr,
                                nullptr, kTextFormat));
    } else {
      auto name = TRY(prepare(sql, bound));
      result.reset(PQexecPrepared(raw(), name, bound.count(), bound.values.data(),
                                  bound.lengths.data(), bound.formats.data(), kTextFormat));
    }
    TRY(check(result.get()));
    return affected_rows(result.get());
  }

  // Rows come one at a time (single-row mode), so that a million-row export holds one row in
  // memory, not a million.
  Status query(std::string_view sql, std::span<const SqlValue> params,
               const RowCallback& callback) override {
    auto bound = TRY(bind(params));
    int sent = 0;
    if (params.empty()) {
      sent = PQsendQueryParams(raw(), std::string(sql).c_str(), 0, nullptr, nullptr, nullptr,
                               nullptr, kTextFormat);
    } else {
      auto name = TRY(prepare(sql, bound));
      sent = PQsendQueryPrepared(raw(), name, bound.count(), bound.values.data(),
                                 bound.lengths.data(), bound.formats.data(), kTextFormat);
    }
    if (sent != 1) return std::unexpected(translate(raw(), nullptr));
    if (PQsetSingleRowMode(raw()) != 1) {
      drain();
      return std::unexpected(failed("single-row mode could not be set"));
    }
    // The first failure wins, whether the callback's or the server's. After a callback error
    // the remaining rows are read and dropped rather than the query cancelled: a cancel would
    // abort the caller's transaction, and undo a data-changing statement with RETURNING that
    // already did its work (SQLite keeps such changes when stepping stops early).
    Status status;
    while (ResultHandle result{PQgetResult(raw())}) {
      switch (PQresultStatus(result.get())) {
        case PGRES_SINGLE_TUPLE:
          if (status) status = callback(PostgresRow(result.get(), 0));
          break;
        case PGRES_TUPLES_OK:
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
          break;
        default: {
          // An error, or a COPY that has to be ended before the connection can go on.
          const Status checked = check(result.get());
          if (status) status = checked;
          break;
        }
      }
    }
    return status;
  }

  Status execute_script(std::string_view sql) override {
    const ResultHandle result(PQexec(raw(), std::string(sql).c_str()));
    return check(result.get());
  }

  // COPY … FROM STDIN in text format: the fastest way into PostgreSQL, and it joins the
  // caller's transaction like any other statement.
  Result<std::int64_t> bulk_insert(std::string_view table,
                                   std::span<const std::string_view> columns,
                                   const RowProducer& producer) override {
    const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, fmt::join(columns, ", "));
    {
      const ResultHandle started(PQexec(raw(), sql.c_str()));
      if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
        const Error error = translate(raw(), started.get());
        abandon_copy(started.get());
        drain();
        return std::unexpected(error);
      }
    }
    std::string chunk;
    chunk.reserve(kCopyChunkSize + kCopyChunkSize / 4);
    std::vector<SqlValue> row;
    std::optional<Error> failure;
    while (true) {
      row.clear();
      auto more = producer(row);
      if (!more) {
        failure = more.error();
        break;
      }
      if (!*more) break;
      if (row.size() != columns.size()) {
        failure = failed(fmt::format("bulk load of {} produced a row of {} values for {} columns",
                                     table, row.size(), columns.size()));
        break;
      }
      append_copy_row(chunk, row);
      if (chunk.size() >= kCopyChunkSize) {
        if (!put_copy_data(chunk)) {
          failure = translate(raw(), nullptr);
          break;
        }
        chunk.clear();
      }
    }
    if (!failure && !chunk.empty() && !put_copy_data(chunk)) failure = translate(raw(), nullptr);
    if (failure) {
      // Ending the COPY with an error message makes the server fail it, so no row of this load
      // stays (and the caller's transaction, like after any failed statement, must be rolled
      // back); the caller's own error (a bad line of their file) is what the user needs to see.
      PQputCopyEnd(raw(), "bulk load aborted");
      drain();
      return std::unexpected(*failure);
    }
    if (PQputCopyEnd(raw(), nullptr) != 1) {
      const Error error = translate(raw(), nullptr);
      drain();
      return std::unexpected(error);
    }
    const ResultHandle result(PQgetResult(raw()));
    const Status checked = check(result.get());
    const std::int64_t loaded = checked ? affected_rows(result.get()) : 0;
    drain();
    if (!checked) return std::unexpected(checked.error());
    return loaded;
  }

  bool in_transaction() const override { return PQtransactionStatus(raw()) != PQTRANS_IDLE; }
  bool broken() const override { return PQstatus(raw()) == CONNECTION_BAD; }

  Status begin() override { return execute_script("BEGIN"); }

  Status commit() override {
    const ResultHandle result(PQexec(raw(), "COMMIT"));
    if (auto checked = check(result.get()); !checked) return checked;
    // COMMIT of a transaction in which a statement failed succeeds on the wire but rolls back;
    // a caller that went on after an error must not believe its work was saved.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
      return std::unexpected(
          failed("the transaction was rolled back because a statement in it had failed"));
    }
    return {};
  }

  Status rollback() override { return execute_script("ROLLBACK"); }

 private:
  PGconn* raw() const { return connection_.get(); }

  // The name of the server-side prepared statement for `sql`, prepared on first use. Only
  // bytea parameters get a declared type; the server infers the others from where they stand,
  // as SQLite's dynamic typing lets the same SQL do. The types are fixed by the first call, so a
  // parameter should keep its kind of value (or NULL) from call to call.
  Result<const char*> prepare(std::string_view sql, const BoundParameters& bound) {
    if (const auto found = statements_.find(sql); found != statements_.end()) {
      return found->second.c_str();
    }
    std::string name = fmt::format("dk_{}", statements_.size() + 1);
    const ResultHandle result(PQprepare(raw(), name.c_str(), std::string(sql).c_str(),
                                        bound.count(), bound.types.data()));
    TRY(check(result.get()));
    const auto [inserted, is_new] = statements_.emplace(std::string(sql), std::move(name));
    return inserted->second.c_str();
  }

  Status check(PGresult* result) {
    if (result != nullptr) {
      switch (PQresultStatus(result)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
          return {};
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
          abandon_copy(result);
          drain();
          return std::unexpected(failed("COPY is not supported here; use bulk_insert"));
        default:
          break;
      }
    }
    return std::unexpected(translate(raw(), result));
  }

  // A COPY started where none was expected (COPY in a script or a query) would leave the
  // connection waiting for data forever; end it so that the connection stays usable.
  void abandon_copy(const PGresult* result) {
    if (result == nullptr) return;
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
      PQputCopyEnd(raw(), "unexpected COPY");
    }
    if (status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH) {
      char* buffer = nullptr;
      while (PQgetCopyData(raw(), &buffer, 0) > 0) {
        PQfreemem(buffer);
        buffer = nullptr;
      }
    }
  }

  // Reads whatever results are left so that the connection is ready for the next command.
  void drain() {
    while (ResultHandle result{PQgetResult(raw())}) abandon_copy(result.get());
  }

  bool put_copy_data(const std::string& chunk) {
    return PQputCopyData(raw(), chunk.data(), static_cast<int>(chunk.size())) == 1;
  }

  ConnectionHandle connection_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> statements_;
};

}  // namespace

Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& uri) {
  const std::vector<std::string> passwords = passwords_in(uri);
  // A malformed URI is reported by libpq's parser, before any attempt to connect.
  {
    char* parse_error = nullptr;
    const std::unique_ptr<PQconninfoOption, ConninfoDeleter> options(
        PQconninfoParse(uri.c_str(), &parse_error));
    const std::unique_ptr<char, LibpqMemoryDeleter> parse_message(parse_error);
    if (!options) {
      const std::string reason =
          parse_message ? one_line(parse_message.get()) : std::string("out of memory");
      return std::unexpected(cannot_connect(without_passwords(reason, passwords)));
    }
  }
  ConnectionHandle connection(PQconnectdb(uri.c_str()));
  if (!connection) return std::unexpected(cannot_connect("out of memory"));
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    return std::unexpected(
        cannot_connect(without_passwords(one_line(PQerrorMessage(connection.get())), passwords)));
  }
  // libpq prints the server's notices ("relation already exists, skipping" from a migration's
  // IF NOT EXISTS) to stderr by default, which would garble the output of the command line.
  PQsetNoticeProcessor(
      connection.get(), [](void*, const char*) {}, nullptr);
  // The repositories read dates as yyyy-mm-dd, instants in UTC, text as UTF-8 and bytea in hex,
  // whatever the server's or the role's defaults are.
  const ResultHandle configured(PQexec(connection.get(),
                                       "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; "
                                       "SET TimeZone = 'UTC'; SET bytea_output = 'hex'"));
  if (PQresultStatus(configured.get()) != PGRES_COMMAND_OK) {
    return std::unexpected(cannot_connect(one_line(PQerrorMessage(connection.get()))));
  }
  return std::make_unique<PostgresConnection>(std::move(connection));
}

}  // namespace dk::store
