#pragma once
// Ids are handed out per tenant and per table in blocks, so that a bulk import reserves a million
// ids in one statement on either engine, and a tenant's ids never depend on another's.

#include <string_view>

#include "core/registry.hpp"
#include "store/sql.hpp"

namespace dk::store {

// Hands out `count` consecutive ids for `table` in `tenant`; returns the first.
Result<Id> reserve_ids(SqlConnection& connection, Id tenant, std::string_view table,
                       std::int64_t count);

}  // namespace dk::store
