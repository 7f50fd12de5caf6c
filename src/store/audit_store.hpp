#pragma once
// The append-only audit log: every change to a record and every read of personal data, with who,
// when, what and from which address. The schema's triggers refuse updates and deletes.

#include <optional>
#include <string>
#include <vector>

#include "core/audit_entry.hpp"
#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

class AuditStore {
 public:
  explicit AuditStore(SqlConnection& connection) : connection_(connection) {}

  Status append(Id tenant, const AuditEntry& entry);
  // Newest first.
  Result<std::vector<AuditEntry>> list(Id tenant, const AuditQuery& query);
  Result<std::int64_t> count(Id tenant, const AuditQuery& query);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
