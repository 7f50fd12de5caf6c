#pragma once
// The PostgreSQL adapter, on libpq alone: statements with parameters prepared once per connection
// and cached, results streamed a row at a time so that a large export does not sit in memory,
// and COPY for bulk loads.

#include <memory>
#include <string>

#include "store/sql.hpp"

namespace dk::store {

// Connects to `uri` (postgresql://… or postgres://…) and sets the session up as the repositories
// expect it: UTF-8, ISO dates, UTC. The error, should it fail, never contains the password.
Result<std::unique_ptr<SqlConnection>> open_postgres(const std::string& uri);

}  // namespace dk::store
