#pragma once
// Boost.JSON keeps one value when an object names a key twice ({"amount": 1, "amount": 9}), and
// which one is not what a client should rely on: a proxy, a log or a second parser may read the
// other. A body is refused instead, so that every reader of it sees the same request.

#include <optional>
#include <string>
#include <string_view>

namespace dk::http {

// The first key that an object of `json` names twice, as "payer.name" (the keys of the objects
// around it, joined by dots), or nothing. Malformed JSON also answers nothing: parsing it
// properly says what is wrong with it.
std::optional<std::string> first_duplicate_key(std::string_view json);

}  // namespace dk::http
