#pragma once
// Writing to and reading the audit log from the use cases.

#include <optional>
#include <string>
#include <vector>

#include "core/audit_entry.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

// Appends who (the actor), when (the actor's clock), what and from where. `detail` is JSON.
Status record_audit(Connection& connection, const Actor& actor, std::string_view action,
                    std::string_view entity, std::optional<Id> entity_id, std::string detail);

struct AuditPage {
  std::vector<AuditEntry> entries;
  std::int64_t total = 0;
};

// Administrators only.
Result<AuditPage> read_audit_log(Connection& connection, const Actor& actor,
                                 const AuditQuery& query);

}  // namespace dk::service
