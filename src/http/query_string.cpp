#include "http/query_string.hpp"

#include <fmt/format.h>

#include <charconv>
#include <restinio/uri_helpers.hpp>

#include "core/vietnamese_text.hpp"

namespace dk::http {
namespace {

Error malformed(std::string_view field) {
  return Error{ErrorKind::invalid_input, "query.malformed",
               Text{"Chuỗi tham số trên địa chỉ không hợp lệ.", "The query string is malformed."},
               Location{0, std::string(field)}};
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> parse_query_string(std::string_view raw) {
  // Relaxed: a parameter without '=' (…&flag&…) is a name with an empty value, as browsers send.
  auto parsed = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(raw);
  if (!parsed) return std::unexpected(malformed(""));
  std::vector<std::pair<std::string, std::string>> query;
  for (const auto& [name, value] : *parsed) {
    // %FF decodes to a byte no text can hold, and every reader downstream (the search, names,
    // codes) takes valid UTF-8. RESTinio's decoder refuses such escapes today; this says so
    // whatever the decoder, naming the parameter when its name is text itself.
    if (!is_valid_utf8(name)) return std::unexpected(malformed(""));
    if (!is_valid_utf8(value)) return std::unexpected(malformed(name));
    query.emplace_back(std::string(name), std::string(value));
  }
  return query;
}

std::optional<std::string> query_value(const HttpRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::unexpected<Error> bad_parameter(std::string_view name) {
  return fail(
      ErrorKind::invalid_input, "query.invalid", fmt::format("Tham số “{}” không hợp lệ.", name),
      fmt::format("The query parameter “{}” is not valid.", name), Location{0, std::string(name)});
}

Result<std::optional<std::int64_t>> query_integer_value(const HttpRequest& request,
                                                        std::string_view name) {
  auto text = query_value(request, name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const char* end = text->data() + text->size();
  auto [last, error] = std::from_chars(text->data(), end, value);
  if (error != std::errc() || last != end) return bad_parameter(name);
  return value;
}

}  // namespace dk::http
