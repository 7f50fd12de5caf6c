#pragma once
// Reading the first worksheet of an XLSX workbook row by row (open_table picks it for a ZIP).

#include <filesystem>
#include <memory>

#include "io/table_reader.hpp"

namespace dk::io {

Result<std::unique_ptr<TableReader>> open_xlsx(const std::filesystem::path& path,
                                               const ReadOptions& options);

}  // namespace dk::io
