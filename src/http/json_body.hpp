#pragma once
// A request body read strictly: it must be a JSON object sent as application/json; every field is
// read with its expected type; a field of the wrong type, or one the endpoint does not know, is an
// error that names it. Reading application/json only also shuts out cross-site form posts.

#include <boost/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"
#include "http/exchange.hpp"

namespace dk::http {

// `error` about a field of an item ("text") as about the item's field ("questions[2].text").
Error within(Error error, std::string_view item);

class JsonBody {
 public:
  static Result<JsonBody> parse(const HttpRequest& request);
  // An object inside a body (an item of a list), read the same way. Its errors name the field
  // within the object; within(…) below puts the item's place in front.
  static JsonBody nested(const boost::json::object& object) { return JsonBody(object); }

  // Each reader leaves `out` as it is when the field is absent.
  Status text(std::string_view field, std::optional<std::string>& out);
  Status required_text(std::string_view field, std::string& out);
  Status integer(std::string_view field, std::optional<std::int64_t>& out);
  Status nullable_integer(std::string_view field, std::optional<std::optional<std::int64_t>>& out);
  Status date(std::string_view field, std::optional<std::optional<CivilDate>>& out);
  Status boolean(std::string_view field, std::optional<bool>& out);
  // An ISO 8601 time with its offset ("2026-12-05T17:00:00+07:00"; without one, Vietnam's).
  Status instant(std::string_view field, std::optional<std::optional<Instant>>& out);
  // An array of strings codes.
  Status texts(std::string_view field, std::optional<std::vector<std::string>>& out);
  // An array of whole numbers ids.
  Status integers(std::string_view field, std::optional<std::vector<std::int64_t>>& out);
  // An array as it is, for lists of objects that the endpoint reads itself.
  Status array(std::string_view field, std::optional<boost::json::array>& out);
  // An object whose values are whole numbers: {"sports": 4, "study": 6}.
  Status counts(std::string_view field,
                std::optional<std::vector<std::pair<std::string, std::int64_t>>>& out);
  template <class Enum>
  Status code(std::string_view field, std::optional<std::optional<Enum>>& out);
  // A code that must be there ("field.required" when absent or null).
  template <class Enum>
  Result<Enum> required_code(std::string_view field);

  // The error for a field that must be there and is not ("field.required").
  static std::unexpected<Error> missing(std::string_view field);

  // The error for an item of a list that is not an object ("answers[2]").
  static std::unexpected<Error> not_an_object(const std::string& field);

  // Fails on the first field no reader asked for.
  Status finish() const;

 private:
  explicit JsonBody(boost::json::object object) : object_(std::move(object)) {}
  const boost::json::value* find(std::string_view field);
  static std::unexpected<Error> wrong_type(std::string_view field, std::string_view expected_vi,
                                           std::string_view expected_en);
  static std::unexpected<Error> unknown_code(std::string_view field, const std::string& value);

  boost::json::object object_;
  std::set<std::string, std::less<>> known_;
};

template <class Enum>
Status JsonBody::code(std::string_view field, std::optional<std::optional<Enum>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_null()) {
    out = std::optional<Enum>();
    return {};
  }
  if (!value->is_string()) return wrong_type(field, "một mã", "a code");
  auto parsed = parse_code<Enum>(std::string_view(value->get_string()));
  if (!parsed) return unknown_code(field, std::string(value->get_string()));
  out = *parsed;
  return {};
}

template <class Enum>
Result<Enum> JsonBody::required_code(std::string_view field) {
  std::optional<std::optional<Enum>> value;
  TRY(code(field, value));
  if (!value || !*value) return missing(field);
  return **value;
}

}  // namespace dk::http
