#pragma once
// The schema's history: numbered SQL files per engine (store/migrations/<engine>/NNNN_name.sql),
// compiled into the binary, applied in order, each recorded in schema_version.

#include <span>
#include <string_view>

#include "store/sql.hpp"

namespace dk::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// All migrations of an engine, in order (generated from the .sql files at build time).
std::span<const Migration> migrations_for(Engine engine);

// Applies the migrations the database has not seen, each in its own transaction. Refuses a
// database whose schema is newer than this binary knows.
Status migrate(SqlConnection& connection);

// The version the database is at (0 for an empty one).
Result<int> schema_version(SqlConnection& connection);

}  // namespace dk::store
