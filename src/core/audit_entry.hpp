#pragma once
// One line of the append-only audit log, and what a reader of the log filters it by.

#include <cstdint>
#include <optional>
#include <string>

#include "core/registry.hpp"

namespace dk {

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

}  // namespace dk
