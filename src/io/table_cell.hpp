#pragma once
// One cell of an exported table, with its kind, so that a spreadsheet receives numbers it can add
// up and dates it can sort by, while text stays text: an ID number or a phone number keeps its
// leading zero, which it would lose as a number.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/money.hpp"

namespace dk::io {

class Cell {
 public:
  enum class Kind { text, integer, money, date };

  // Text is the kind a cell has unless it says otherwise, so that a row of labels reads as
  // {"STT", "Họ và tên"}; an empty text is an empty cell.
  Cell() = default;
  Cell(std::string text) : text_(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  Cell(const char* text) : text_(text) {}             // NOLINT(google-explicit-constructor)

  // A count or an ordinal (STT, an entry's number).
  static Cell integer(std::int64_t value);
  // Whole đồng, shown with thousands grouped.
  static Cell money(Dong amount);
  static Cell date(const CivilDate& date);
  // An empty cell when there is no date (a birth date nobody gave).
  static Cell date(const std::optional<CivilDate>& date);

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }  // of a text cell
  std::int64_t number() const { return number_; }    // of an integer or money cell
  const CivilDate& day() const { return date_; }     // of a date cell
  bool empty() const { return kind_ == Kind::text && text_.empty(); }

 private:
  Kind kind_ = Kind::text;
  std::string text_;
  std::int64_t number_ = 0;
  CivilDate date_;
};

// A row of text cells (a header).
std::vector<Cell> text_cells(const std::vector<std::string>& texts);

// The cell as a Vietnamese reader sees it: "8.000.000" for money, "20/12/2025" for a date. For
// plain-text output (a terminal's table), and for a column's width.
std::string shown_text(const Cell& cell);
std::vector<std::string> shown_texts(const std::vector<Cell>& cells);

}  // namespace dk::io
