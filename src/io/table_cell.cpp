#include "io/table_cell.hpp"

namespace dk::io {

Cell Cell::integer(std::int64_t value) {
  Cell cell;
  cell.kind_ = Kind::integer;
  cell.number_ = value;
  return cell;
}

Cell Cell::money(Dong amount) {
  Cell cell;
  cell.kind_ = Kind::money;
  cell.number_ = amount;
  return cell;
}

Cell Cell::date(const CivilDate& date) {
  Cell cell;
  cell.kind_ = Kind::date;
  cell.date_ = date;
  return cell;
}

Cell Cell::date(const std::optional<CivilDate>& date) {
  return date ? Cell::date(*date) : Cell();
}

std::vector<Cell> text_cells(const std::vector<std::string>& texts) {
  return {texts.begin(), texts.end()};
}

std::string shown_text(const Cell& cell) {
  switch (cell.kind()) {
    case Cell::Kind::text:
      return cell.text();
    case Cell::Kind::integer:
      return std::to_string(cell.number());
    case Cell::Kind::money:
      return format_dong_digits(cell.number());
    case Cell::Kind::date:
      return format_vietnamese(cell.day());
  }
  return cell.text();
}

std::vector<std::string> shown_texts(const std::vector<Cell>& cells) {
  std::vector<std::string> texts;
  texts.reserve(cells.size());
  for (const Cell& cell : cells) texts.push_back(shown_text(cell));
  return texts;
}

}  // namespace dk::io
