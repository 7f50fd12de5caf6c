#pragma once
// The query string of a request: decoded once, as the server receives it, into names and values
// that are well-formed UTF-8 (what every reader of text downstream expects), and read by name.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/exchange.hpp"

namespace dk::http {

// "a=1&search=Nguy%E1%BB%85n" → {a, 1}, {search, Nguyễn}; a '+' is a space. Refused with
// query.malformed: a bad percent escape, or a name or value that is not UTF-8 (naming it).
Result<std::vector<std::pair<std::string, std::string>>> parse_query_string(std::string_view raw);

std::optional<std::string> query_value(const HttpRequest& request, std::string_view name);
// An integer query parameter, absent or well formed.
Result<std::optional<std::int64_t>> query_integer_value(const HttpRequest& request,
                                                        std::string_view name);
// The 422 problem for a query parameter that is not valid.
std::unexpected<Error> bad_parameter(std::string_view name);

}  // namespace dk::http
