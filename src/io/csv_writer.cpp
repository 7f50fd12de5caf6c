#include <string>

#include "io/table_writer.hpp"

namespace dk::io {
namespace {

Error write_failed() {
  return Error{ErrorKind::unavailable,
               "export.write_failed",
               Text{"Không ghi được tệp CSV (ổ đĩa đầy, hoặc không có quyền ghi?).",
                    "The CSV file could not be written (is the disk full, or is writing not "
                    "allowed?)."},
               {}};
}

bool needs_quotes(std::string_view cell) {
  return cell.find_first_of(",\"\r\n") != std::string_view::npos;
}

// What the cell holds in the file (table_writer.hpp says why). Only text is neutralised: a number
// we write, "-150000" among them, is a number to Excel and never a formula.
std::string csv_text(const Cell& cell) {
  switch (cell.kind()) {
    case Cell::Kind::text:
      return neutralize_formula(cell.text());
    case Cell::Kind::integer:
    case Cell::Kind::money:
      return std::to_string(cell.number());
    case Cell::Kind::date:
      return shown_text(cell);
  }
  return shown_text(cell);
}

class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  Status write_row(const std::vector<Cell>& cells) override {
    line_.clear();
    if (!started_) {
      // Without the byte order mark Excel reads the file in the machine's code page and shows
      // “Nguyá»…n” for “Nguyễn”.
      line_ = "\xEF\xBB\xBF";
      started_ = true;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line_ += ',';
      const std::string cell = csv_text(cells[i]);
      if (!needs_quotes(cell)) {
        line_ += cell;
        continue;
      }
      line_ += '"';
      for (const char c : cell) {
        if (c == '"') line_ += '"';
        line_ += c;
      }
      line_ += '"';
    }
    line_ += "\r\n";
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    if (!out_) return std::unexpected(write_failed());
    return {};
  }

  Status finish() override {
    if (!started_) {
      out_.write("\xEF\xBB\xBF", 3);
      started_ = true;
    }
    out_.flush();
    if (!out_) return std::unexpected(write_failed());
    return {};
  }

 private:
  std::ostream& out_;
  bool started_ = false;
  std::string line_;  // reused, so that a million rows do not allocate a million times
};

}  // namespace

std::unique_ptr<TableWriter> make_csv_writer(std::ostream& out) {
  return std::make_unique<CsvWriter>(out);
}

std::string neutralize_formula(std::string_view cell) {
  if (!cell.empty()) {
    switch (cell.front()) {
      case '=':
      case '+':
      case '-':
      case '@':
      case '\t':
      case '\r':
        return "'" + std::string(cell);
      default:
        break;
    }
  }
  return std::string(cell);
}

}  // namespace dk::io
