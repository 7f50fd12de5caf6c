// The XLSX writer, on libxlsxwriter in its constant-memory mode: each row goes to a temporary
// file as soon as the next one starts, so an export of a million members stays small in memory.

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <system_error>
#include <vector>

#include "io/table_writer.hpp"
#include "io/xlsx_cell_text.hpp"

namespace dk::io {
namespace {

constexpr lxw_row_t kMaxRows = 1048576;
constexpr lxw_col_t kMaxColumns = 16384;
constexpr double kMinColumnWidth = 8;
constexpr double kMaxColumnWidth = 50;

Error library_error(lxw_error error, const std::string& path) {
  const char* reason = lxw_strerror(error);
  return Error{ErrorKind::unavailable,
               "export.xlsx_failed",
               Text{fmt::format("Không ghi được tệp XLSX “{}” ({}).", path, reason),
                    fmt::format("The XLSX file “{}” could not be written ({}).", path, reason)},
               {}};
}

// Characters, not bytes: “Ngày sinh” is as wide as “Ngay sinh”.
std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Excel reads "_xHHHH_" in a cell's text as the character HHHH (it is how control characters are
// stored, and libxlsxwriter writes them so), but libxlsxwriter leaves such text typed by a user
// as it is: the underscore is escaped here ("_x005F_"), as Excel does, so that it reads back.
std::string protect_escape_lookalikes(const std::string& text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool lookalike = text.size() - i >= 7 && text[i] == '_' && text[i + 1] == 'x' &&
                           is_hex_digit(text[i + 2]) && is_hex_digit(text[i + 3]) &&
                           is_hex_digit(text[i + 4]) && is_hex_digit(text[i + 5]) &&
                           text[i + 6] == '_';
    out += lookalike ? "_x005F_" : std::string(1, text[i]);
  }
  return out;
}

// Below 10^15 every integer is exact in a double and Excel shows all its digits; from there on it
// would show a rounded amount, so such a number is written as text.
bool fits_a_cell(std::int64_t number) {
  constexpr std::int64_t kLimit = 1'000'000'000'000'000;
  return number > -kLimit && number < kLimit;
}

// The characters of the widest line: a cell with line breaks is as wide as its longest line.
std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    widest = std::max(widest, character_count(text.substr(start, end - start)));
    if (end == std::string_view::npos) return widest;
    start = end + 1;
  }
}

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(lxw_workbook* workbook, lxw_worksheet* sheet, std::string path)
      : workbook_(workbook), sheet_(sheet), path_(std::move(path)) {
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    // "#,##0" is grouped by the reader's locale: 8.000.000 in Vietnamese, 8,000,000 in English.
    money_format_ = workbook_add_format(workbook_);
    format_set_num_format(money_format_, "#,##0");
    date_format_ = workbook_add_format(workbook_);
    format_set_num_format(date_format_, "dd/mm/yyyy");
  }

  ~XlsxWriter() override {
    // Without finish() the export was abandoned: free everything (and the temporary files)
    // without writing a half-made file. lxw_workbook_free is what workbook_close ends with.
    if (workbook_) lxw_workbook_free(workbook_);
  }

  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  Status write_row(const std::vector<Cell>& cells) override {
    if (!workbook_) return finished_error();
    if (row_ >= kMaxRows) {
      return fail(ErrorKind::invalid_input, "export.too_many_rows",
                  "Một trang tính Excel chứa tối đa 1.048.576 hàng; hãy xuất ít hàng hơn.",
                  "An Excel sheet holds at most 1,048,576 rows; export fewer rows.");
    }
    if (cells.size() > kMaxColumns) {
      return fail(ErrorKind::invalid_input, "export.too_many_columns",
                  "Một trang tính Excel chứa tối đa 16.384 cột.",
                  "An Excel sheet holds at most 16,384 columns.");
    }
    const bool header = row_ == 0;
    if (widths_.size() < cells.size()) widths_.resize(cells.size(), 0);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto column = static_cast<lxw_col_t>(i);
      const lxw_error error = write_cell(column, cells[i], header ? header_format_ : nullptr);
      if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        return fail(ErrorKind::invalid_input, "export.cell_too_long",
                    "Một ô Excel chứa tối đa 32.767 ký tự.",
                    "An Excel cell holds at most 32,767 characters.",
                    Location{static_cast<std::uint64_t>(row_) + 1, {}});
      }
      if (error != LXW_NO_ERROR) return std::unexpected(library_error(error, path_));
      widths_[i] = std::max(widths_[i], widest_line(shown_text(cells[i])));
    }
    if (header) worksheet_freeze_panes(sheet_, 1, 0);
    ++row_;
    return {};
  }

  Status finish() override {
    if (!workbook_) return finished_error();
    // The widths go in when the workbook is put together, so they can wait for the last row.
    for (std::size_t i = 0; i < widths_.size(); ++i) {
      const auto column = static_cast<lxw_col_t>(i);
      const double width =
          std::clamp(static_cast<double>(widths_[i] + 2), kMinColumnWidth, kMaxColumnWidth);
      worksheet_set_column(sheet_, column, column, width, nullptr);
    }
    const lxw_error error = workbook_close(workbook_);  // frees the workbook, written or not
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) return std::unexpected(library_error(error, path_));
    return {};
  }

 private:
  static Status finished_error() {
    return fail(ErrorKind::internal, "internal.writer_finished",
                "Tệp XLSX đã được đóng, không ghi thêm được.",
                "The XLSX file is already closed; nothing more can be written.");
  }

  // A header's cells keep `header_format` (bold) whatever their kind.
  lxw_error write_cell(lxw_col_t column, const Cell& cell, lxw_format* header_format) {
    switch (cell.kind()) {
      case Cell::Kind::text:
        break;
      case Cell::Kind::integer:
        if (!fits_a_cell(cell.number())) break;
        return worksheet_write_number(sheet_, row_, column, static_cast<double>(cell.number()),
                                      header_format);
      case Cell::Kind::money:
        if (!fits_a_cell(cell.number())) break;
        return worksheet_write_number(sheet_, row_, column, static_cast<double>(cell.number()),
                                      header_format ? header_format : money_format_);
      case Cell::Kind::date:
        if (const auto serial = date_to_serial(cell.day())) {
          return worksheet_write_number(sheet_, row_, column, static_cast<double>(*serial),
                                        header_format ? header_format : date_format_);
        }
        break;
    }
    // Always a string cell: a string is never evaluated, so "=1+1" stays that text and needs
    // no apostrophe (unlike CSV, where Excel guesses each cell's type).
    const std::string text = protect_escape_lookalikes(shown_text(cell));
    return worksheet_write_string(sheet_, row_, column, text.c_str(), header_format);
  }

  lxw_workbook* workbook_;
  lxw_worksheet* sheet_;
  lxw_format* header_format_ = nullptr;
  lxw_format* money_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  std::string path_;
  lxw_row_t row_ = 0;
  // Per column, the characters of its widest cell so far.
  std::vector<std::size_t> widths_;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> make_xlsx_writer(const std::filesystem::path& path,
                                                      std::string_view sheet_name) {
  const std::string shown = path.string();
  // libxlsxwriter only opens the file when it closes the workbook; trying now tells the user
  // that the folder is wrong before a long export, not after it.
  std::error_code ignored;
  const bool existed = std::filesystem::exists(path, ignored);
  if (std::FILE* probe = std::fopen(shown.c_str(), "ab")) {
    std::fclose(probe);
    if (!existed) std::filesystem::remove(path, ignored);
  } else {
    return fail(ErrorKind::unavailable, "export.xlsx_failed",
                fmt::format("Không tạo được tệp “{}” (thư mục không tồn tại, hoặc không có quyền "
                            "ghi?).",
                            shown),
                fmt::format("The file “{}” cannot be created (does the folder exist, and is "
                            "writing allowed?).",
                            shown));
  }

  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = nullptr;  // the system's temporary folder
  lxw_workbook* workbook = workbook_new_opt(shown.c_str(), &options);
  if (!workbook) {
    return fail(ErrorKind::unavailable, "export.xlsx_failed",
                "Không khởi tạo được bảng tính (thiếu bộ nhớ?).",
                "The workbook could not be created (out of memory?).");
  }
  const std::string name(sheet_name);
  // An empty name leaves libxlsxwriter's default, “Sheet1”.
  const char* name_or_default = name.empty() ? nullptr : name.c_str();
  if (const lxw_error error =
          name.empty() ? LXW_NO_ERROR : workbook_validate_sheet_name(workbook, name.c_str());
      error != LXW_NO_ERROR) {
    lxw_workbook_free(workbook);
    return fail(ErrorKind::invalid_input, "export.sheet_name_invalid",
                fmt::format("Tên trang tính “{}” không hợp lệ: tối đa 31 ký tự, không có "
                            "[ ] : * ? / \\ và không bắt đầu hay kết thúc bằng dấu nháy đơn ({}).",
                            name, lxw_strerror(error)),
                fmt::format("The sheet name “{}” is invalid: at most 31 characters, none of "
                            "[ ] : * ? / \\, and no apostrophe at either end ({}).",
                            name, lxw_strerror(error)));
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name_or_default);
  if (!sheet) {
    lxw_workbook_free(workbook);
    return fail(ErrorKind::unavailable, "export.xlsx_failed",
                "Không tạo được trang tính (thiếu bộ nhớ hoặc không tạo được tệp tạm?).",
                "The worksheet could not be created (out of memory, or no temporary file?).");
  }
  return std::make_unique<XlsxWriter>(workbook, sheet, shown);
}

}  // namespace dk::io
