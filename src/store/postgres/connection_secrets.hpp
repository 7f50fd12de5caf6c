#pragma once
// Keeping a connection string's password out of messages: libpq quotes the string in some of its
// errors (a malformed URI, a bad percent escape), and those reach logs and screens.

#include <string>
#include <string_view>
#include <vector>

namespace dk::store::pg {

// Every spelling in which the password of `uri` could appear in a libpq message: as written in
// the user-information part or a `password=` parameter, and percent-decoded; longest first.
std::vector<std::string> passwords_in(std::string_view uri);

// `message` with each of `passwords` replaced by "***".
std::string without_passwords(std::string message, const std::vector<std::string>& passwords);

}  // namespace dk::store::pg
