#include "core/text_limits.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "core/vietnamese_text.hpp"

namespace dk {

TextKind text_kind(std::string_view field) {
  // The last part of a nested name decides: "payer.name" is a name.
  const std::size_t dot = field.rfind('.');
  const std::string_view name = dot == std::string_view::npos ? field : field.substr(dot + 1);
  constexpr std::array<std::string_view, 10> kProse = {
      "description", "note",         "purpose", "memo",    "reason",
      "comment",     "leave_reason", "agenda",  "summary", "introduction"};
  if (name == "body") return TextKind::rich;
  for (const std::string_view prose : kProse)
    if (name == prose) return TextKind::prose;
  return TextKind::line;
}

std::size_t max_characters(TextKind kind) {
  switch (kind) {
    case TextKind::line:
      return kMaxLineCharacters;
    case TextKind::prose:
      return kMaxProseCharacters;
    case TextKind::rich:
      return kMaxRichCharacters;
  }
  return kMaxLineCharacters;
}

Status check_text_length(std::string_view text, TextKind kind, std::string_view field,
                         std::uint64_t line) {
  const std::size_t limit = max_characters(kind);
  // Bytes bound characters from above: most texts are decided without counting.
  if (text.size() <= limit) return {};
  const std::size_t length = count_characters(text);
  if (length <= limit) return {};
  return fail(ErrorKind::invalid_input, "text.too_long",
              fmt::format("Trường “{}” dài {} ký tự; tối đa {} ký tự.", field, length, limit),
              fmt::format("The field “{}” is {} characters long; at most {} are allowed.", field,
                          length, limit),
              Location{line, std::string(field)});
}

}  // namespace dk
