#include "store/postgres/connection_secrets.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

#include "store/postgres/libpq_handles.hpp"
#include "store/postgres/postgres_values.hpp"

namespace dk::store::pg {

namespace {

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>((hex_digit(text[i + 1]) << 4) | hex_digit(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

// Every spelling in which the password of `uri` could appear in a libpq message: as written in
// the user-information part or a `password=` parameter, and percent-decoded.
std::vector<std::string> passwords_in(std::string_view uri) {
  std::vector<std::string> found;
  auto add = [&](std::string_view secret) {
    if (secret.empty()) return;
    found.emplace_back(secret);
    found.push_back(percent_decode(secret));
  };
  if (const auto scheme = uri.find("://"); scheme != std::string_view::npos) {
    // As libpq reads it: the user information ends at the first '@' before any '/'.
    const std::string_view rest = uri.substr(scheme + 3);
    const auto end = rest.find_first_of("@/");
    if (end != std::string_view::npos && rest[end] == '@') {
      const std::string_view user_info = rest.substr(0, end);
      if (const auto colon = user_info.find(':'); colon != std::string_view::npos)
        add(user_info.substr(colon + 1));
    }
  }
  for (auto at = uri.find("password="); at != std::string_view::npos;
       at = uri.find("password=", at + 1)) {
    const std::string_view value = uri.substr(at + 9);
    add(value.substr(0, value.find_first_of("& ")));
  }
  char* parse_error = nullptr;
  const std::unique_ptr<PQconninfoOption, ConninfoDeleter> options(
      PQconninfoParse(std::string(uri).c_str(), &parse_error));
  PQfreemem(parse_error);
  for (const PQconninfoOption* option = options.get(); option && option->keyword; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val) add(option->val);
  }
  // Longest first, so that a password containing a shorter one is replaced whole.
  std::ranges::sort(found, std::ranges::greater{}, &std::string::size);
  return found;
}

// libpq quotes the connection string in some of its messages (a malformed URI, a bad percent
// escape); the password must not reach a log or a screen that way.
std::string without_passwords(std::string message, const std::vector<std::string>& passwords) {
  for (const std::string& password : passwords) {
    for (auto at = message.find(password); at != std::string::npos;
         at = message.find(password, at + 3)) {
      message.replace(at, password.size(), "***");
    }
  }
  return message;
}

}  // namespace dk::store::pg
