#include "store/sql.hpp"

#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace dk::store {

Result<std::unique_ptr<SqlConnection>> open_database(const std::string& target) {
  const bool postgres = target.starts_with("postgresql://") || target.starts_with("postgres://");
  auto connection = postgres ? open_postgres(target) : open_sqlite(target);
  if (!connection) return connection;
  TRY(migrate(**connection));
  return connection;
}

Result<std::optional<std::int64_t>> query_integer(SqlConnection& connection, std::string_view sql,
                                                  std::span<const SqlValue> params) {
  std::optional<std::int64_t> value;
  auto status = connection.query(sql, params, [&](const SqlRow& row) -> Status {
    if (!row.is_null(0)) value = row.integer(0);
    return {};
  });
  if (!status) return std::unexpected(status.error());
  return value;
}

std::string id_list(std::span<const std::int64_t> ids) {
  if (ids.empty()) return "(NULL)";
  std::string list = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) list += ',';
    list += std::to_string(ids[i]);
  }
  return list + ")";
}

Error out_of_range() {
  return Error{ErrorKind::conflict,
               "store.out_of_range",
               Text{"Một tổng số vượt quá giới hạn tính toán của cơ sở dữ liệu.",
                    "A total passes the range the database can compute."},
               {}};
}

}  // namespace dk::store
