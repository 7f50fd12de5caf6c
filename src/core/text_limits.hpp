#pragma once
// One length policy for every text that comes from outside — the API's fields, the cells of a
// member list or a bank statement: a line of text (a name, a title, a place, an address, a
// code) holds at most 300 characters, prose (a description, a note, a purpose, a reason, a
// comment) at most 10,000, and the body of an article written in rich text at most 100,000. Without
// it one donor's name of 300,000 characters was shown to every member on the public statement and
// broke that fund's spreadsheet for good, since the ledger is append-only. The boundary
// (http/json_body, the file readers) checks it, so that every field is bounded before any use case
// sees it; a use case may hold a field to less (a person's name to 200 characters).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"

namespace dk {

enum class TextKind { line, prose, rich };

inline constexpr std::size_t kMaxLineCharacters = 300;
inline constexpr std::size_t kMaxProseCharacters = 10000;
inline constexpr std::size_t kMaxRichCharacters = 100000;

// The kind of a field by its name in the API ("description", "payer.name"): the prose ones are
// named description, note, purpose, memo, reason, comment, leave_reason, agenda, summary and
// introduction, the rich ones body; every other text is a line.
TextKind text_kind(std::string_view field);

// The most characters (code points) a text of that kind holds.
std::size_t max_characters(TextKind kind);

// "text.too_long" when `text` is longer than its kind allows, naming `field` (and `line`, for a
// row of a file) and the lengths, in Vietnamese and English.
Status check_text_length(std::string_view text, TextKind kind, std::string_view field,
                         std::uint64_t line = 0);

}  // namespace dk
