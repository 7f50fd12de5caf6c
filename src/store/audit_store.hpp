#pragma once
// The append-only audit log: every change to a record and every read of personal data, with who,
// when, what and from which address. The schema's triggers refuse updates and deletes.

#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct AuditEntry {
  Id id = 0;
  std::int64_t at = 0;  // Unix seconds
  std::optional<Id> account_id;
  std::string action;  // "create", "update", "delete", "read_personal", "sign_in", …
  std::string entity;  // "person", "membership", …
  std::optional<Id> entity_id;
  std::string detail;  // JSON: the changed fields, or what a list was filtered by
  std::string address;
  std::string login;  // of the account, for display ("" when none)
};

struct AuditQuery {
  std::optional<std::string> entity;
  std::optional<Id> entity_id;
  std::optional<Id> account_id;
  std::optional<std::string> action;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

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
