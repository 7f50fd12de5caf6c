#include "store/idempotency_store.hpp"

namespace dk::store {

Result<std::optional<IdempotentAnswer>> IdempotencyStore::find(Id tenant, Id account,
                                                               const std::string& key) {
  const SqlValue params[] = {tenant, account, key};
  return query_one(
      connection_,
      "SELECT request_hash, status, body FROM idempotency_keys WHERE tenant_id = $1 "
      "AND account_id = $2 AND idempotency_key = $3",
      params, [](const SqlRow& row) {
        return IdempotentAnswer{row.text(0), static_cast<int>(row.integer(1)), row.text(2)};
      });
}

Status IdempotencyStore::save(Id tenant, Id account, const std::string& key,
                              const IdempotentAnswer& answer, Instant now) {
  const SqlValue params[] = {
      tenant,
      account,
      key,
      answer.request_hash,
      std::int64_t{answer.status},
      answer.body,
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count()};
  TRY(connection_.execute(
      "INSERT INTO idempotency_keys (tenant_id, account_id, idempotency_key, request_hash, status, "
      "body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      params));
  return {};
}

}  // namespace dk::store
