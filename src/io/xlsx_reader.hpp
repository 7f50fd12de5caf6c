#pragma once
// Reading a worksheet of an XLSX workbook row by row (open_table picks it for a ZIP): the first,
// or the first that holds the table (ReadOptions::is_header).

#include <filesystem>
#include <memory>

#include "io/table_reader.hpp"

namespace dk::io {

Result<std::unique_ptr<TableReader>> open_xlsx(const std::filesystem::path& path,
                                               const ReadOptions& options);

}  // namespace dk::io
