#include "store/migrations.hpp"

#include <fmt/format.h>

namespace dk::store {

Result<int> schema_version(SqlConnection& connection) {
  if (auto created = connection.execute_script("CREATE TABLE IF NOT EXISTS schema_version (version "
                                               "BIGINT PRIMARY KEY, name TEXT NOT NULL)");
      !created) {
    return std::unexpected(created.error());
  }
  auto version = TRY(query_integer(connection, "SELECT max(version) FROM schema_version"));
  return static_cast<int>(version.value_or(0));
}

Status migrate(SqlConnection& connection) {
  auto current = TRY(schema_version(connection));
  const auto all = migrations_for(connection.engine());
  const int newest = all.empty() ? 0 : all.back().version;
  if (current > newest) {
    return fail(
        ErrorKind::unavailable, "store.schema_too_new",
        fmt::format("Cơ sở dữ liệu ở phiên bản lược đồ {}, mới hơn chương trình này ({}). Hãy cập "
                    "nhật doanket.",
                    current, newest),
        fmt::format("The database is at schema version {}, newer than this program knows ({}). "
                    "Update doanket.",
                    current, newest));
  }
  for (const Migration& migration : all) {
    if (migration.version <= current) continue;
    auto applied = in_transaction(connection, [&]() -> Status {
      if (auto done = connection.execute_script(migration.sql); !done) return done;
      const SqlValue params[] = {std::int64_t{migration.version}, std::string(migration.name)};
      if (auto recorded = connection.execute(
              "INSERT INTO schema_version (version, name) VALUES ($1, $2)", params);
          !recorded) {
        return std::unexpected(recorded.error());
      }
      return {};
    });
    if (!applied) return applied;
  }
  return {};
}

}  // namespace dk::store
