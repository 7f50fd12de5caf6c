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
    if (!prefix.empty()) prefix += ", ";
    prefix += (english ? fmt::format("column “{}”", error.where.field)
                       : fmt::format("cột “{}”", error.where.field));
  }
  const std::string& text = error.message.in(language);
  return prefix.empty() ? text : prefix + ": " + text;
}

}  // namespace dk
