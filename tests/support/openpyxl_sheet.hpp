#pragma once
// An XLSX's first sheet as openpyxl (Debian's python3-openpyxl) reads it: a reader we did not
// write, which types each cell by its stored value and number format as a spreadsheet program
// does. Runs tests/support/openpyxl_cells.py with Debian's python3 (DOANKET_OPENPYXL_PYTHON and
// DOANKET_OPENPYXL_SCRIPT, set by doanket_reads_xlsx_with_openpyxl in tests/CMakeLists.txt).

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace dk::testing {

struct OpenpyxlCell {
  std::string type;           // Python's: int, float, datetime, str
  std::string number_format;  // "General", "#,##0", "dd/mm/yyyy"
  bool bold = false;
  std::string value;  // as Python prints it; a date as yyyy-mm-dd
};

struct OpenpyxlSheet {
  std::string freeze_panes;                   // "A2" for a frozen first row, "" for none
  std::map<std::string, double> widths;       // by column letter, for the columns given a width
  std::map<std::string, OpenpyxlCell> cells;  // by reference ("C2"), the cells with a value

  // The cell at `reference`; an empty one (type "") when it holds nothing.
  OpenpyxlCell at(const std::string& reference) const {
    auto found = cells.find(reference);
    return found == cells.end() ? OpenpyxlCell{} : found->second;
  }
  // The width of column `letter`; 0 when it has none of its own.
  double width(const std::string& letter) const {
    auto found = widths.find(letter);
    return found == widths.end() ? 0 : found->second;
  }
};

namespace openpyxl_detail {

inline std::string unescaped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char next = text[++i];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
  }
  return out;
}

inline std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    fields.push_back(line.substr(start, tab - start));
  fields.push_back(line.substr(start));
  return fields;
}

}  // namespace openpyxl_detail

// Nothing (and a test failure saying why) when openpyxl cannot read the file or is missing.
inline std::optional<OpenpyxlSheet> read_with_openpyxl(const std::filesystem::path& xlsx) {
  const std::string command = std::string("'") + DOANKET_OPENPYXL_PYTHON + "' '" +
                              DOANKET_OPENPYXL_SCRIPT + "' '" + xlsx.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return std::nullopt;
  }
  std::string output;
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    output.append(buffer, got);
  if (::pclose(pipe) != 0) {
    ADD_FAILURE() << command << " failed (is python3-openpyxl installed? scripts/setup.sh installs "
                  << "it):\n"
                  << output;
    return std::nullopt;
  }
  OpenpyxlSheet sheet;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    const auto fields = openpyxl_detail::fields_of(line);
    if (fields[0] == "freeze" && fields.size() == 2) {
      sheet.freeze_panes = fields[1];
    } else if (fields[0] == "width" && fields.size() == 3) {
      sheet.widths[fields[1]] = std::stod(fields[2]);
    } else if (fields[0] == "cell" && fields.size() == 6) {
      sheet.cells[fields[1]] =
          OpenpyxlCell{fields[2], openpyxl_detail::unescaped(fields[3]), fields[4] == "bold",
                       openpyxl_detail::unescaped(fields[5])};
    } else {
      ADD_FAILURE() << "openpyxl_cells.py printed an unexpected line: " << line;
    }
  }
  return sheet;
}

}  // namespace dk::testing
