#include "service/audit.hpp"

#include <optional>

#include "service/refusal.hpp"
#include "store/audit_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

Status record_audit(store::SqlConnection& connection, const Actor& actor, std::string_view action,
                    std::string_view entity, std::optional<Id> entity_id, std::string detail) {
  store::AuditStore audit(connection);
  AuditEntry entry;
  entry.at = unix_seconds(actor.clock());
  // No account: a change from the command line (its address says so).
  if (actor.principal.account_id != 0) entry.account_id = actor.principal.account_id;
  entry.action = std::string(action);
  entry.entity = std::string(entity);
  entry.entity_id = entity_id;
  entry.detail = std::move(detail);
  entry.address = actor.address;
  // Its own transaction when it is not part of a change: one commit (and one sync) per entry.
  return store::in_transaction(connection,
                               [&] { return audit.append(actor.principal.tenant, entry); });
}

Result<AuditPage> read_audit_log(store::SqlConnection& connection, const Actor& actor,
                                 const AuditQuery& query) {
  if (!may_read_audit_log(actor.principal)) return refuse();
  store::AuditStore audit(connection);
  AuditPage page;
  auto entries = audit.list(actor.principal.tenant, query);
  if (!entries) return std::unexpected(entries.error());
  page.entries = std::move(*entries);
  auto total = audit.count(actor.principal.tenant, query);
  if (!total) return std::unexpected(total.error());
  page.total = *total;
  return page;
}

}  // namespace dk::service
