#pragma once
// The personal fields that have a fixed shape in Vietnam, read the way people type them and stored
// in one canonical form. Each returns nothing when the text cannot be such a value.

#include <optional>
#include <string>
#include <string_view>

namespace dk {

// Số CCCD: 12 digits (or 9 for an older CMND). Spaces, dots and a leading apostrophe (Excel's
// "this is text" mark) are ignored. An 11-digit number is a CCCD whose leading 0 Excel dropped
// when it took the column for a number (every province code starts with 0), so it is restored.
std::optional<std::string> canonical_id_number(std::string_view text);

// A Vietnamese phone number as 0XXXXXXXXX: +84/84 become 0, separators are dropped, a leading 0
// that Excel dropped is restored. Mobile numbers have 10 digits, landlines (02xx) 11.
std::optional<std::string> canonical_phone(std::string_view text);

// Whether what someone typed in a search box is a phone or CCCD number (or part of one) rather
// than a name: digits, with the spaces, dots and plus people type in numbers.
bool is_number_search(std::string_view text);

// An e-mail address with its domain in lower case.
std::optional<std::string> canonical_email(std::string_view text);

}  // namespace dk
