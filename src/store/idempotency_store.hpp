#pragma once
// The first answer to a request that carried an Idempotency-Key, kept per account, so that a
// phone retrying a check-in or a donation over a flaky network gets that answer again instead of
// acting twice.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

struct IdempotentAnswer {
  std::string request_hash;  // what the key was first used for
  int status = 0;
  std::string body;
};

class IdempotencyStore {
 public:
  explicit IdempotencyStore(SqlConnection& connection) : connection_(connection) {}

  Result<std::optional<IdempotentAnswer>> find(Id tenant, Id account, const std::string& key);
  // A second first answer for the same key (two requests at once) is a conflict.
  Status save(Id tenant, Id account, const std::string& key, const IdempotentAnswer& answer,
              Instant now);

 private:
  SqlConnection& connection_;
};

}  // namespace dk::store
