#pragma once
// The SQLite adapter: one file, WAL journal, foreign keys on, a busy timeout so that a second
// process waits for the writer instead of failing, statements prepared once and cached.

#include <filesystem>
#include <memory>

#include "store/sql.hpp"

namespace dk::store {

Result<std::unique_ptr<SqlConnection>> open_sqlite(const std::filesystem::path& path);

}  // namespace dk::store
