#include "store/audit_store.hpp"

#include <fmt/format.h>

#include "store/id_counter.hpp"

namespace dk::store {
namespace {

struct AuditFilter {
  std::string where = "tenant_id = $1";
  std::vector<SqlValue> params;
};

AuditFilter audit_filter(Id tenant, const AuditQuery& query) {
  AuditFilter filter;
  filter.params.emplace_back(tenant);
  auto add = [&](std::string_view column, SqlValue value) {
    filter.params.push_back(std::move(value));
    filter.where += fmt::format(" AND {} = ${}", column, filter.params.size());
  };
  if (query.entity) add("entity", *query.entity);
  if (query.entity_id) add("entity_id", *query.entity_id);
  if (query.account_id) add("account_id", *query.account_id);
  if (query.action) add("action", *query.action);
  return filter;
}

}  // namespace

Status AuditStore::append(Id tenant, const AuditEntry& entry) {
  auto id = TRY(reserve_ids(connection_, tenant, "audit_log", 1));
  const SqlValue params[] = {tenant,
                             id,
                             entry.at,
                             nullable(entry.account_id),
                             entry.action,
                             entry.entity,
                             nullable(entry.entity_id),
                             entry.detail,
                             entry.address};
  TRY(connection_.execute(
      "INSERT INTO audit_log (tenant_id, id, at, account_id, action, entity, entity_id, detail, "
      "address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      params));
  return {};
}

Result<std::vector<AuditEntry>> AuditStore::list(Id tenant, const AuditQuery& query) {
  AuditFilter filter = audit_filter(tenant, query);
  filter.params.emplace_back(query.limit);
  filter.params.emplace_back(query.offset);
  std::vector<AuditEntry> entries;
  auto status = connection_.query(
      fmt::format("SELECT id, at, account_id, action, entity, entity_id, detail, address, "
                  "(SELECT a.login FROM accounts a WHERE a.tenant_id = audit_log.tenant_id AND "
                  "a.id = audit_log.account_id) FROM audit_log WHERE {} ORDER BY id DESC "
                  "LIMIT ${} OFFSET ${}",
                  filter.where, filter.params.size() - 1, filter.params.size()),
      filter.params, [&](const SqlRow& row) -> Status {
        AuditEntry entry;
        entry.id = row.integer(0);
        entry.at = row.integer(1);
        if (!row.is_null(2)) entry.account_id = row.integer(2);
        entry.action = row.text(3);
        entry.entity = row.text(4);
        if (!row.is_null(5)) entry.entity_id = row.integer(5);
        entry.detail = row.text(6);
        entry.address = row.text(7);
        entry.login = row.text(8);
        entries.push_back(std::move(entry));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return entries;
}

Result<std::int64_t> AuditStore::count(Id tenant, const AuditQuery& query) {
  const AuditFilter filter = audit_filter(tenant, query);
  auto counted = TRY(query_integer(
      connection_, fmt::format("SELECT count(*) FROM audit_log WHERE {}", filter.where),
      filter.params));
  return counted.value_or(0);
}

}  // namespace dk::store
