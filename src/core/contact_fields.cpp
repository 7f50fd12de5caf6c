#include "core/contact_fields.hpp"

#include <algorithm>

namespace dk {
namespace {

// Keeps the digits of `text`, allowing only the separators people put between groups.
std::optional<std::string> digits_only(std::string_view text, std::string_view separators) {
  std::string digits;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (separators.find(c) == std::string_view::npos) {
      return std::nullopt;
    }
  }
  return digits;
}

}  // namespace

std::optional<std::string> canonical_id_number(std::string_view text) {
  if (!text.empty() && text.front() == '\'') text.remove_prefix(1);
  auto digits = digits_only(text, " .");
  if (!digits) return std::nullopt;
  if (digits->size() == 11) digits->insert(digits->begin(), '0');
  if (digits->size() != 12 && digits->size() != 9) return std::nullopt;
  return digits;
}

std::optional<std::string> canonical_phone(std::string_view text) {
  if (!text.empty() && text.front() == '\'') text.remove_prefix(1);
  const bool international = !text.empty() && text.front() == '+';
  if (international) text.remove_prefix(1);
  auto digits = digits_only(text, " .-()");
  if (!digits || digits->empty()) return std::nullopt;
  if (international || (digits->starts_with("84") && digits->size() >= 11)) {
    if (!digits->starts_with("84")) return std::nullopt;  // only Vietnamese numbers
    digits->replace(0, 2, "0");
  } else if (digits->front() != '0') {
    digits->insert(digits->begin(), '0');
  }
  const bool mobile = digits->size() == 10 && (*digits)[1] != '0' && (*digits)[1] != '2';
  const bool landline = digits->size() == 11 && (*digits)[1] == '2';
  if (!mobile && !landline) return std::nullopt;
  return digits;
}

std::optional<std::string> canonical_email(std::string_view text) {
  if (text.size() > 254) return std::nullopt;
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return std::nullopt;
  for (const char c : text) {
    if (c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') return std::nullopt;
  }
  std::string email(text);
  std::transform(
      email.begin() + static_cast<long>(at), email.end(), email.begin() + static_cast<long>(at),
      [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return email;
}

bool is_number_search(std::string_view text) {
  const bool digit = text.find_first_of("0123456789") != std::string_view::npos;
  return digit && text.find_first_not_of("0123456789 .+") == std::string_view::npos;
}

}  // namespace dk
