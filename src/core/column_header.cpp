#include "core/column_header.hpp"

#include <fmt/format.h>

#include "core/vietnamese_text.hpp"

namespace dk {

std::string header_key(std::string_view header) {
  std::string folded = fold_for_search(header);
  const size_t paren = folded.find('(');
  if (paren != std::string::npos && paren > 0) folded.resize(paren);
  std::string key;
  for (const char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                      c == '#' || static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      key.push_back(c);
    } else if (c == ' ' && !key.empty() && key.back() != ' ') {
      key.push_back(' ');
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::unexpected<Error> duplicate_column(std::string_view header, std::string_view same_as) {
  return fail(
      ErrorKind::invalid_input, "import.duplicate_column",
      fmt::format("Cột “{}” xuất hiện hai lần (cùng nghĩa với “{}”).", header, same_as),
      fmt::format("Column “{}” appears twice (it means the same as “{}”).", header, same_as),
      Location{1, std::string(header)});
}

Error cell_error(std::uint64_t line, std::string_view header, std::string code, std::string vi,
                 std::string en) {
  return Error{ErrorKind::invalid_input, std::move(code), Text{std::move(vi), std::move(en)},
               Location{line, std::string(header)}};
}

}  // namespace dk
