// A request's query string as the server decodes it, then read as the routes read it: any bytes
// give names and values of valid UTF-8, or an error that says the query string is malformed.
#include "core/vietnamese_text.hpp"
#include "fuzz_support.hpp"
#include "http/query_string.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto query = dk::http::parse_query_string(dk::fuzz::text_of(data, size));
  if (!query) {
    dk::fuzz::check_error(query.error());
    return 0;
  }
  dk::http::HttpRequest request;
  request.query = std::move(*query);
  for (const auto& [name, value] : request.query) {
    if (!dk::is_valid_utf8(name) || !dk::is_valid_utf8(value)) __builtin_trap();
    // The readers every route uses; normalising is what the search and the codes do next.
    (void)dk::normalize_text(value);
    auto number = dk::http::query_integer_value(request, name);
    if (!number) dk::fuzz::check_error(number.error());
  }
  return 0;
}
