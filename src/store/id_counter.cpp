#include "store/id_counter.hpp"

namespace dk::store {

Result<Id> reserve_ids(SqlConnection& connection, Id tenant, std::string_view table,
                       std::int64_t count) {
  const SqlValue params[] = {tenant, std::string(table), count};
  auto first = TRY(query_integer(
      connection,
      "INSERT INTO id_counters (tenant_id, name, next_id) VALUES ($1, $2, 1 + CAST($3 AS BIGINT)) "
      "ON CONFLICT (tenant_id, name) DO UPDATE SET next_id = id_counters.next_id + CAST($3 AS "
      "BIGINT) "
      "RETURNING next_id - CAST($3 AS BIGINT)",
      params));
  return first.value_or(1);
}

}  // namespace dk::store
