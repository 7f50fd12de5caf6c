#pragma once
// A table for the terminal: columns as wide as their content (counted in characters, not bytes,
// so that Vietnamese lines up), long cells cut with an ellipsis.

#include <iosfwd>
#include <string>
#include <vector>

namespace dk::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, size_t max_width = 40);
  void add_row(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_width_;
};

// Characters on screen of UTF-8 text in NFC (Vietnamese letters are one code point each).
size_t display_width(std::string_view text);

}  // namespace dk::cli
