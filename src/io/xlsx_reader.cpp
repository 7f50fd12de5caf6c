#include "io/xlsx_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <map>
#include <vector>

#include "core/civil_date.hpp"
#include "io/xlsx_cell_text.hpp"
#include "io/xlsx_package.hpp"
#include "io/xml_parser.hpp"

namespace dk::io {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
// Limits on the expanded size of each part, against ZIP bombs. A sheet is streamed, so its limit
// only bounds the time spent; the shared strings are held in memory, so theirs bounds memory.
constexpr std::uint64_t kMaxSheetBytes = std::uint64_t{4} << 30;
constexpr std::uint64_t kMaxSharedStringsBytes = std::uint64_t{256} << 20;
constexpr std::uint64_t kMaxSmallPartBytes = std::uint64_t{64} << 20;
constexpr std::uint32_t kMaxColumns = 16384;

template <class Integer>
std::optional<Integer> parse_integer(std::string_view text) {
  Integer value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool ends_with_type(std::string_view type, std::string_view name) {
  return type.size() > name.size() && type.ends_with(name) &&
         type[type.size() - name.size() - 1] == '/';
}

// xl/workbook.xml: the sheets in tab order and the date system.
class WorkbookHandler final : public XmlHandler {
 public:
  void on_start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "sheet") {
      if (auto id = attributes.get("id")) {
        sheet_ids.emplace_back(*id);
        sheet_names.emplace_back(attributes.get("name").value_or(""));
      }
    } else if (name == "workbookPr") {
      const auto date1904 = attributes.get("date1904");
      if (date1904 && (*date1904 == "1" || *date1904 == "true"))
        date_system = DateSystem::from_1904;
    }
  }
  void on_end(std::string_view) override {}

  std::vector<std::string> sheet_ids;
  std::vector<std::string> sheet_names;
  DateSystem date_system = DateSystem::from_1900;
};

// xl/_rels/workbook.xml.rels: where each sheet, the shared strings and the styles are.
class RelationshipsHandler final : public XmlHandler {
 public:
  struct Relationship {
    std::string type;
    std::string target;
  };
  void on_start(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Relationship") return;
    const auto id = attributes.get("Id");
    const auto target = attributes.get("Target");
    const auto mode = attributes.get("TargetMode");
    if (!id || !target || (mode && *mode == "External")) return;
    by_id[std::string(*id)] = {std::string(attributes.get("Type").value_or("")),
                               std::string(*target)};
  }
  void on_end(std::string_view) override {}

  std::optional<std::string> target_of_type(std::string_view type) const {
    for (const auto& [id, relationship] : by_id) {
      if (ends_with_type(relationship.type, type))
        return resolve_part_name("xl", relationship.target);
    }
    return std::nullopt;
  }

  std::map<std::string, Relationship, std::less<>> by_id;
};

// xl/styles.xml: which cell styles show numbers as dates. A cell names its style by its index in
// <cellXfs>, the style names a number format, and the format is built in or in <numFmts>.
class StylesHandler final : public XmlHandler {
 public:
  void on_start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "numFmts") {
      in_number_formats_ = true;
    } else if (name == "cellXfs") {
      in_cell_formats_ = true;
    } else if (name == "numFmt" && in_number_formats_) {
      const auto id = parse_integer<int>(attributes.get("numFmtId").value_or(""));
      if (id) custom_formats_[*id] = std::string(attributes.get("formatCode").value_or(""));
    } else if (name == "xf" && in_cell_formats_) {
      style_formats_.push_back(
          parse_integer<int>(attributes.get("numFmtId").value_or("0")).value_or(0));
    }
  }
  void on_end(std::string_view name) override {
    if (name == "numFmts") in_number_formats_ = false;
    if (name == "cellXfs") in_cell_formats_ = false;
  }

  // The kind of each style, by index.
  std::vector<NumberFormatKind> style_kinds() const {
    std::vector<NumberFormatKind> kinds;
    kinds.reserve(style_formats_.size());
    for (const int id : style_formats_) {
      const auto custom = custom_formats_.find(id);
      kinds.push_back(custom != custom_formats_.end() ? number_format_code_kind(custom->second)
                                                      : builtin_number_format_kind(id));
    }
    return kinds;
  }

 private:
  bool in_number_formats_ = false;
  bool in_cell_formats_ = false;
  std::map<int, std::string> custom_formats_;
  std::vector<int> style_formats_;
};

// xl/sharedStrings.xml. Cells name these strings by index, in any order, so the table has to be
// in memory; it is kept as one block of text and the end of each string, which costs a few bytes
// per string instead of a std::string each, and the part's size limit bounds it.
class SharedStrings final : public XmlHandler {
 public:
  void on_start(std::string_view name, const XmlAttributes&) override {
    if (name == "si") {
      in_item_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++phonetic_depth_;  // Japanese reading hints, not part of the text
    } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
      in_text_ = true;
    }
  }
  void on_end(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "si") {
      in_item_ = false;
      text_ += decode_xml_string_escapes(current_);
      ends_.push_back(static_cast<std::uint32_t>(text_.size()));
    }
  }
  void on_text(std::string_view text) override {
    if (in_text_) current_ += text;
  }

  std::optional<std::string_view> get(std::uint64_t index) const {
    if (index >= ends_.size()) return std::nullopt;
    const std::uint32_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;  // fits: the part is at most 256 MiB
  std::string current_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_depth_ = 0;
};

struct Sheet {
  std::string name;
  std::string part;
};

struct Workbook {
  std::string sheet_part;
  std::vector<Sheet> sheets;  // the worksheets in tab order
  std::optional<std::string> shared_strings_part;
  std::optional<std::string> styles_part;
  DateSystem date_system = DateSystem::from_1900;
};

// Finds the first worksheet in tab order through the workbook and its relationships, and falls
// back on the names Excel uses when a tool left those out.
Result<Workbook> locate_parts(const XlsxPackage& package) {
  Workbook workbook{
      "xl/worksheets/sheet1.xml", {}, std::nullopt, std::nullopt, DateSystem::from_1900};
  WorkbookHandler sheets;
  RelationshipsHandler relationships;
  if (package.has("xl/workbook.xml")) {
    if (auto parsed = package.parse_part("xl/workbook.xml", kMaxSmallPartBytes, sheets); !parsed) {
      return std::unexpected(parsed.error());
    }
    workbook.date_system = sheets.date_system;
  }
  if (package.has("xl/_rels/workbook.xml.rels")) {
    if (auto parsed =
            package.parse_part("xl/_rels/workbook.xml.rels", kMaxSmallPartBytes, relationships);
        !parsed) {
      return std::unexpected(parsed.error());
    }
  }
  for (std::size_t i = 0; i < sheets.sheet_ids.size(); ++i) {
    const auto relationship = relationships.by_id.find(sheets.sheet_ids[i]);
    // A chart sheet has no cells; the first sheet with cells is the table.
    if (relationship != relationships.by_id.end() &&
        ends_with_type(relationship->second.type, "worksheet")) {
      workbook.sheets.push_back(
          {sheets.sheet_names[i], resolve_part_name("xl", relationship->second.target)});
    }
  }
  if (!workbook.sheets.empty()) workbook.sheet_part = workbook.sheets.front().part;
  workbook.shared_strings_part = relationships.target_of_type("sharedStrings");
  if (!workbook.shared_strings_part && package.has("xl/sharedStrings.xml")) {
    workbook.shared_strings_part = "xl/sharedStrings.xml";
  }
  workbook.styles_part = relationships.target_of_type("styles");
  if (!workbook.styles_part && package.has("xl/styles.xml")) workbook.styles_part = "xl/styles.xml";
  if (!package.has(workbook.sheet_part)) {
    return std::unexpected(
        xlsx_invalid(fmt::format("không tìm thấy trang tính (“{}”)", workbook.sheet_part),
                     fmt::format("no worksheet was found (“{}”)", workbook.sheet_part)));
  }
  return workbook;
}

// Streams the sheet's XML: expat is paused after each row, so memory holds one chunk of the
// part and one row, however many rows the sheet has.
class XlsxReader final : public TableReader, private XmlHandler {
 public:
  XlsxReader(XlsxPackage package, XlsxPart sheet, std::string sheet_name,
             std::unique_ptr<SharedStrings> shared_strings,
             std::vector<NumberFormatKind> style_kinds, DateSystem date_system,
             std::size_t max_row_bytes)
      : package_(std::move(package)),
        sheet_(std::move(sheet)),
        sheet_name_(std::move(sheet_name)),
        shared_strings_(std::move(shared_strings)),
        style_kinds_(std::move(style_kinds)),
        date_system_(date_system),
        max_row_bytes_(max_row_bytes),
        parser_(*this),
        chunk_(kChunkBytes) {}

  std::string sheet_name() const override { return sheet_name_; }

  Result<bool> next(TableRow& row) override {
    if (failure_) return std::unexpected(*failure_);
    while (ready_.empty()) {
      XmlStatus status = XmlStatus::ok;
      if (suspended_) {
        suspended_ = false;
        status = parser_.resume();
      } else if (finished_) {
        return false;
      } else {
        auto got = sheet_.read(chunk_.data(), chunk_.size());
        if (!got) return remember(got.error());
        finished_ = *got == 0;
        status = parser_.feed(std::string_view(chunk_.data(), *got), finished_);
      }
      if (status == XmlStatus::suspended) suspended_ = true;
      if (status == XmlStatus::failed) {
        if (problem_) return remember(*problem_);
        const std::string reason = parser_.error_text();
        return remember(xlsx_invalid(
            fmt::format("trang tính không phải XML hợp lệ ({})", reason),
            fmt::format("the worksheet is not well-formed XML ({})", reason), row_number_));
      }
    }
    row = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

 private:
  std::unexpected<Error> remember(Error error) {
    failure_ = error;
    return std::unexpected(std::move(error));
  }

  void stop_with(Error error) {
    if (!problem_) problem_ = std::move(error);
    parser_.abort();
  }

  void on_start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "row") {
      start_row(attributes);
    } else if (name == "c" && in_row_) {
      start_cell(attributes);
    } else if (!in_cell_) {
      return;
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && in_inline_ && phonetic_depth_ == 0) {
      in_inline_text_ = true;
    }
  }

  void on_end(std::string_view name) override {
    if (name == "v") {
      in_value_ = false;
    } else if (name == "t") {
      in_inline_text_ = false;
    } else if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "c" && in_cell_) {
      end_cell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      // A row whose cells are all empty (formatted, say) looks blank in Excel, and is no row.
      if (!cells_.empty()) {
        ready_.push_back(TableRow{std::move(cells_), row_number_});
        cells_.clear();
        parser_.suspend();
      }
    }
  }

  void on_text(std::string_view text) override {
    if (!in_value_ && !in_inline_text_) return;
    if (!count_bytes(text.size())) return;
    (in_value_ ? value_ : inline_text_) += text;
  }

  void start_row(const XmlAttributes& attributes) {
    in_row_ = true;
    cells_.clear();
    row_bytes_ = 0;
    next_column_ = 0;
    // Rows without a number follow the one before.
    if (const auto number = attributes.get("r")) {
      const auto parsed = parse_integer<std::uint64_t>(*number);
      if (!parsed || *parsed == 0) {
        return stop_with(xlsx_invalid(fmt::format("số hàng “{}” không hợp lệ", *number),
                                      fmt::format("the row number “{}” is invalid", *number),
                                      row_number_));
      }
      row_number_ = *parsed;
    } else {
      ++row_number_;
    }
  }

  void start_cell(const XmlAttributes& attributes) {
    in_cell_ = true;
    value_.clear();
    inline_text_.clear();
    // A cell's reference places it, so that the empty cells Excel leaves out keep their place;
    // cells without one follow the one before.
    column_ = next_column_;
    if (const auto reference = attributes.get("r")) {
      const auto column = column_of_reference(*reference);
      if (!column) {
        return stop_with(xlsx_invalid(fmt::format("địa chỉ ô “{}” không hợp lệ", *reference),
                                      fmt::format("the cell reference “{}” is invalid", *reference),
                                      row_number_));
      }
      column_ = *column;
    }
    if (column_ >= kMaxColumns) {
      return stop_with(
          xlsx_invalid("hàng có hơn 16384 cột", "a row has more than 16384 columns", row_number_));
    }
    type_ = std::string(attributes.get("t").value_or("n"));
    style_ = parse_integer<std::size_t>(attributes.get("s").value_or("0")).value_or(0);
  }

  void end_cell() {
    in_cell_ = false;
    in_value_ = in_inline_ = in_inline_text_ = false;
    phonetic_depth_ = 0;
    next_column_ = column_ + 1;
    std::optional<std::string> text = cell_text();
    if (!text || text->empty()) return;
    if (cells_.size() <= column_) cells_.resize(column_ + 1);
    cells_[column_] = std::move(*text);
  }

  // The text of the cell just closed; nothing if reading it failed (the parse is stopping then).
  std::optional<std::string> cell_text() {
    if (type_ == "s") {
      const auto index = parse_integer<std::uint64_t>(value_);
      const auto shared = index && shared_strings_ ? shared_strings_->get(*index)
                                                   : std::optional<std::string_view>();
      if (!shared) {
        stop_with(xlsx_invalid(fmt::format("ô trỏ tới chuỗi dùng chung “{}” không tồn tại", value_),
                               fmt::format("a cell points to the shared string “{}”, which does "
                                           "not exist",
                                           value_),
                               row_number_));
        return std::nullopt;
      }
      if (!count_bytes(shared->size())) return std::nullopt;
      return std::string(*shared);
    }
    if (type_ == "inlineStr") return decode_xml_string_escapes(inline_text_);
    if (type_ == "str" || type_ == "e") return std::move(value_);
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ == "d") {
      // An ISO 8601 date (the strict format writes dates so).
      const auto date = parse_civil_date(std::string_view(value_).substr(0, 10));
      return date ? format_vietnamese(*date) : std::move(value_);
    }
    if (value_.empty()) return decode_xml_string_escapes(inline_text_);
    return number_text();
  }

  std::string number_text() {
    double value = 0;
    const auto [end, error] = std::from_chars(value_.data(), value_.data() + value_.size(), value);
    if (error != std::errc() || end != value_.data() + value_.size()) return std::move(value_);
    const NumberFormatKind kind =
        style_ < style_kinds_.size() ? style_kinds_[style_] : NumberFormatKind::number;
    std::optional<std::string> shown;
    if (kind == NumberFormatKind::date) shown = serial_to_date_text(value, date_system_);
    if (kind == NumberFormatKind::time) shown = serial_to_time_text(value);
    return shown ? std::move(*shown) : format_number(value);
  }

  // Counts a row's bytes against the limit; false (and the parse stopping) past it.
  bool count_bytes(std::size_t bytes) {
    row_bytes_ += bytes;
    if (row_bytes_ <= max_row_bytes_) return true;
    stop_with(Error{ErrorKind::invalid_input, "import.row_too_long",
                    Text{fmt::format("Hàng dài hơn {} byte.", max_row_bytes_),
                         fmt::format("The row is longer than {} bytes.", max_row_bytes_)},
                    Location{row_number_, {}}});
    return false;
  }

  // The package owns the archive that the sheet part reads from, so it is declared first and
  // destroyed last.
  XlsxPackage package_;
  XlsxPart sheet_;
  std::string sheet_name_;
  std::unique_ptr<SharedStrings> shared_strings_;
  std::vector<NumberFormatKind> style_kinds_;
  DateSystem date_system_;
  std::size_t max_row_bytes_;
  XmlParser parser_;
  std::vector<char> chunk_;  // expat may still point into it while paused
  bool suspended_ = false;
  bool finished_ = false;
  std::deque<TableRow> ready_;
  std::optional<Error> problem_;  // found by a handler, reported when the parser stops
  std::optional<Error> failure_;  // once reading failed, every later call says so again

  bool in_row_ = false;
  std::uint64_t row_number_ = 0;
  std::vector<std::string> cells_;
  std::size_t row_bytes_ = 0;
  std::uint32_t next_column_ = 0;

  bool in_cell_ = false;
  std::uint32_t column_ = 0;
  std::string type_;
  std::size_t style_ = 0;
  std::string value_;
  std::string inline_text_;
  bool in_value_ = false;
  bool in_inline_ = false;
  bool in_inline_text_ = false;
  int phonetic_depth_ = 0;
};

// The reader of one worksheet of the package.
Result<std::unique_ptr<TableReader>> read_sheet(XlsxPackage package, const Workbook& workbook,
                                                const Sheet& sheet, const ReadOptions& options) {
  std::vector<NumberFormatKind> style_kinds;
  if (workbook.styles_part) {
    StylesHandler styles;
    if (auto parsed = package.parse_part(*workbook.styles_part, kMaxSmallPartBytes, styles);
        !parsed) {
      return std::unexpected(parsed.error());
    }
    style_kinds = styles.style_kinds();
  }

  std::unique_ptr<SharedStrings> shared_strings;
  if (workbook.shared_strings_part) {
    shared_strings = std::make_unique<SharedStrings>();
    if (auto parsed = package.parse_part(*workbook.shared_strings_part, kMaxSharedStringsBytes,
                                         *shared_strings);
        !parsed) {
      return std::unexpected(parsed.error());
    }
  }

  auto part = TRY(package.open_part(sheet.part, kMaxSheetBytes));
  return std::make_unique<XlsxReader>(std::move(package), std::move(part), sheet.name,
                                      std::move(shared_strings), std::move(style_kinds),
                                      workbook.date_system, options.max_row_bytes);
}

// Whether one of the sheet's first rows that are not blank is the header.
Result<bool> has_header(TableReader& reader, const ReadOptions& options) {
  TableRow row;
  for (int looked = 0; looked < kHeaderSearchRows;) {
    if (!TRY(reader.next(row))) return false;
    if (std::ranges::all_of(row.cells, [](const std::string& cell) {
          return cell.find_first_not_of(" \t\r\n") == std::string::npos;
        })) {
      continue;
    }
    ++looked;
    if (options.is_header(row.cells)) return true;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<TableReader>> open_xlsx(const std::filesystem::path& path,
                                               const ReadOptions& options) {
  auto package = TRY(XlsxPackage::open(path));
  auto workbook = TRY(locate_parts(package));
  // The sheet's name tells which was read when there was a choice; one sheet needs no name.
  if (workbook.sheets.size() < 2) {
    for (Sheet& sheet : workbook.sheets) sheet.name.clear();
  }
  const Sheet first =
      workbook.sheets.empty() ? Sheet{"", workbook.sheet_part} : workbook.sheets.front();
  if (options.is_header && workbook.sheets.size() > 1) {
    // Each sheet is looked at from the start of its own package: a reader owns its archive.
    for (const Sheet& sheet : workbook.sheets) {
      auto probed_package = TRY(XlsxPackage::open(path));
      auto probe = TRY(read_sheet(std::move(probed_package), workbook, sheet, options));
      if (TRY(has_header(*probe, options))) {
        auto package_again = TRY(XlsxPackage::open(path));
        return read_sheet(std::move(package_again), workbook, sheet, options);
      }
    }
  }
  return read_sheet(std::move(package), workbook, first, options);
}

}  // namespace dk::io
