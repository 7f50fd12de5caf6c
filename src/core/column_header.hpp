#pragma once
// The columns of the tables offices bring (a member list, a contest's question bank) are found by
// their headers as people write them: with or without diacritics, in any case, with decoration
// ("Họ và tên (*)", "Ngày sinh:", "SĐT.").

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace dk {

// A header folded for matching: no diacritics, lower case, anything from a '(' on dropped, only
// letters, digits, '/', '-', '#' and single spaces kept ("Họ và tên (*)" → "ho va ten").
std::string header_key(std::string_view header);

// The column a header names, from a table of names each with a `column` and the `aliases` it is
// known by (header_key forms).
template <class Name>
auto column_for(std::string_view header, std::span<const Name> names)
    -> std::optional<decltype(Name::column)> {
  const std::string key = header_key(header);
  for (const Name& name : names)
    for (const std::string_view alias : name.aliases)
      if (!alias.empty() && alias == key) return name.column;
  return std::nullopt;
}

// Two columns of a header row that mean the same ("import.duplicate_column", line 1).
std::unexpected<Error> duplicate_column(std::string_view header, std::string_view same_as);

// A problem of one cell of a table: its line and the header of its column.
Error cell_error(std::uint64_t line, std::string_view header, std::string code, std::string vi,
                 std::string en);

}  // namespace dk
