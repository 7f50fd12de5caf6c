#include "core/error.hpp"

#include <fmt/format.h>

namespace dk {

std::string describe(const Error& error, std::string_view language) {
  const bool english = language == "en";
  std::string prefix;
  if (error.where.line != 0) {
    prefix += (english ? fmt::format("line {}", error.where.line)
                       : fmt::format("dòng {}", error.where.line));
  }
  if (!error.where.field.empty()) {
    // On a line of a file the field is a column; elsewhere (a request's field, a command's
    // option) it is not, and "cột “superior_id”" would send the reader looking for a table.
    const bool column = error.where.line != 0;
    if (!prefix.empty()) prefix += ", ";
    prefix += english ? fmt::format("{} “{}”", column ? "column" : "field", error.where.field)
                      : fmt::format("{} “{}”", column ? "cột" : "trường", error.where.field);
  }
  const std::string& text = error.message.in(language);
  return prefix.empty() ? text : prefix + ": " + text;
}

}  // namespace dk
