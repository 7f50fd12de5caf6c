#include "io/table_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <string_view>
#include <system_error>

#include "io/xlsx_reader.hpp"

namespace dk::io {

Result<std::unique_ptr<TableReader>> open_table(const std::filesystem::path& path,
                                                const ReadOptions& options) {
  const std::string shown = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return fail(ErrorKind::unavailable, "import.file_not_found",
                fmt::format("Không tìm thấy tệp “{}”.", shown),
                fmt::format("The file “{}” does not exist.", shown));
  }
  if (std::filesystem::is_directory(path, error)) {
    return fail(ErrorKind::unavailable, "import.file_unreadable",
                fmt::format("“{}” là một thư mục, không phải tệp.", shown),
                fmt::format("“{}” is a folder, not a file.", shown));
  }
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) {
    return fail(ErrorKind::unavailable, "import.file_unreadable",
                fmt::format("Không mở được tệp “{}” để đọc (không có quyền đọc?).", shown),
                fmt::format("The file “{}” cannot be opened for reading (no permission?).", shown));
  }
  // The name may say .csv for a workbook or the other way round; the first bytes do not lie.
  // Every XLSX is a ZIP, which starts with a local file header (or, empty, with its directory).
  std::array<char, 4> head{};
  in->read(head.data(), head.size());
  const std::string_view magic(head.data(), static_cast<std::size_t>(in->gcount()));
  if (in->bad()) {
    return fail(ErrorKind::unavailable, "import.read_failed",
                fmt::format("Không đọc được tệp “{}”.", shown),
                fmt::format("The file “{}” cannot be read.", shown));
  }
  if (magic == std::string_view("PK\x03\x04", 4) || magic == std::string_view("PK\x05\x06", 4)) {
    in.reset();
    return open_xlsx(path, options);
  }
  in->clear();
  in->seekg(0);
  return open_csv(std::move(in), options);
}

}  // namespace dk::io
