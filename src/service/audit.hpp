#pragma once
// Writing to and reading the audit log from the use cases.

#include <optional>
#include <string>
#include <vector>

#include "service/actor.hpp"
#include "store/audit_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

// Appends who (the actor), when (the actor's clock), what and from where. `detail` is JSON.
Status record_audit(store::SqlConnection& connection, const Actor& actor, std::string_view action,
                    std::string_view entity, std::optional<Id> entity_id, std::string detail);

struct AuditPage {
  std::vector<store::AuditEntry> entries;
  std::int64_t total = 0;
};

// Administrators only.
Result<AuditPage> read_audit_log(store::SqlConnection& connection, const Actor& actor,
                                 const store::AuditQuery& query);

}  // namespace dk::service
