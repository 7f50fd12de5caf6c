#include "io/table_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <string_view>
#include <system_error>

#include "io/xlsx_reader.hpp"

namespace dk::io {
namespace {

// A reader whose rows must all be read before a deadline. Each row is bounded in size
// (max_row_bytes) and each XLSX part in its expansion, so a check between rows bounds the time.
class DeadlineReader final : public TableReader {
 public:
  DeadlineReader(std::unique_ptr<TableReader> inner, std::chrono::steady_clock::time_point deadline)
      : inner_(std::move(inner)), deadline_(deadline) {}

  Result<bool> next(TableRow& row) override {
    if (std::chrono::steady_clock::now() > deadline_) {
      return fail(ErrorKind::invalid_input, "import.too_slow",
                  fmt::format("Đọc tệp quá lâu (dừng ở dòng {}); hãy chia tệp thành nhiều tệp "
                              "nhỏ hơn hoặc nhập bằng dòng lệnh “doanket import”.",
                              row.line),
                  fmt::format("Reading the file took too long (stopped at line {}); split it "
                              "into smaller files or import it with “doanket import”.",
                              row.line),
                  Location{row.line, ""});
    }
    return inner_->next(row);
  }
  std::string sheet_name() const override { return inner_->sheet_name(); }

 private:
  std::unique_ptr<TableReader> inner_;
  std::chrono::steady_clock::time_point deadline_;
};

Result<std::unique_ptr<TableReader>> with_deadline(Result<std::unique_ptr<TableReader>> reader,
                                                   const ReadOptions& options) {
  if (!reader || !options.deadline) return reader;
  return std::make_unique<DeadlineReader>(std::move(*reader), *options.deadline);
}

}  // namespace

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
    return with_deadline(open_xlsx(path, options), options);
  }
  in->clear();
  in->seekg(0);
  return with_deadline(open_csv(std::move(in), options), options);
}

}  // namespace dk::io
