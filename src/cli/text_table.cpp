#include "cli/text_table.hpp"

#include <algorithm>
#include <ostream>

namespace dk::cli {
namespace {

std::string fit(const std::string& text, size_t width) {
  if (display_width(text) <= width) return text + std::string(width - display_width(text), ' ');
  std::string out;
  size_t shown = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80) {
      if (shown + 1 == width) break;
      ++shown;
    }
    out.push_back(text[i]);
  }
  return out + "…";
}

}  // namespace

size_t display_width(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

TextTable::TextTable(std::vector<std::string> headers, size_t max_width)
    : headers_(std::move(headers)), max_width_(max_width) {}

void TextTable::add_row(std::vector<std::string> cells) {
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
  std::vector<size_t> widths;
  for (const auto& header : headers_) widths.push_back(display_width(header));
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::min(max_width_, std::max(widths[i], display_width(row[i])));
    }
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < widths.size(); ++i) {
      if (i > 0) line += "  ";
      line += fit(i < cells.size() ? cells[i] : std::string(), widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(headers_);
  std::string rule;
  for (size_t i = 0; i < widths.size(); ++i)
    rule += (i > 0 ? "  " : "") + std::string(widths[i], '-');
  out << rule << '\n';
  for (const auto& row : rows_) print_row(row);
}

}  // namespace dk::cli
