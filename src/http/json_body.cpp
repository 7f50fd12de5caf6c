#include "http/json_body.hpp"

#include <fmt/format.h>

#include "core/instant_text.hpp"
#include "core/text_limits.hpp"
#include "http/json_duplicate_keys.hpp"

namespace dk::http {

Result<JsonBody> JsonBody::parse(const HttpRequest& request) {
  const std::string type = request.header("content-type");
  if (type.rfind("application/json", 0) != 0) {
    return fail(ErrorKind::invalid_input, "body.not_json",
                "Nội dung yêu cầu phải là JSON (Content-Type: application/json).",
                "The request body must be JSON (Content-Type: application/json).");
  }
  if (request.body.size() > kMaxJsonBody) {
    return fail(ErrorKind::invalid_input, "body.too_large",
                fmt::format("Nội dung yêu cầu lớn quá {} byte.", kMaxJsonBody),
                fmt::format("The request body is larger than {} bytes.", kMaxJsonBody));
  }
  boost::system::error_code error;
  boost::json::parse_options options;
  options.max_depth = 16;
  boost::json::value value = boost::json::parse(request.body, error, {}, options);
  if (error) {
    return fail(ErrorKind::invalid_input, "body.malformed",
                fmt::format("Nội dung JSON không hợp lệ: {}.", error.message()),
                fmt::format("The JSON body is malformed: {}.", error.message()));
  }
  if (!value.is_object()) {
    return fail(ErrorKind::invalid_input, "body.not_object",
                "Nội dung JSON phải là một đối tượng {…}.", "The JSON body must be an object {…}.");
  }
  if (auto repeated = first_duplicate_key(request.body)) {
    return fail(ErrorKind::invalid_input, "body.duplicate_key",
                fmt::format("Trường “{}” xuất hiện hai lần trong nội dung JSON.", *repeated),
                fmt::format("The field “{}” appears twice in the JSON body.", *repeated),
                Location{0, *repeated});
  }
  return JsonBody(std::move(value.as_object()));
}

Error within(Error error, std::string_view item) {
  const std::string field = error.where.field;
  if (field.empty()) {
    error.where.field = std::string(item);
    return error;
  }
  const std::string named = fmt::format("{}.{}", item, field);
  for (std::string* text : {&error.message.vi, &error.message.en}) {
    const std::string quoted = fmt::format("“{}”", field);
    if (auto at = text->find(quoted); at != std::string::npos)
      text->replace(at, quoted.size(), fmt::format("“{}”", named));
  }
  error.where.field = named;
  return error;
}

const boost::json::value* JsonBody::find(std::string_view field) {
  known_.emplace(field);
  return object_.if_contains(field);
}

std::unexpected<Error> JsonBody::wrong_type(std::string_view field, std::string_view expected_vi,
                                            std::string_view expected_en) {
  return fail(ErrorKind::invalid_input, "body.wrong_type",
              fmt::format("Trường “{}” phải là {}.", field, expected_vi),
              fmt::format("The field “{}” must be {}.", field, expected_en),
              Location{0, std::string(field)});
}

std::unexpected<Error> JsonBody::unknown_code(std::string_view field, const std::string& value) {
  return fail(ErrorKind::invalid_input, "body.unknown_code",
              fmt::format("Trường “{}” không nhận giá trị “{}”.", field, value),
              fmt::format("The field “{}” does not accept the value “{}”.", field, value),
              Location{0, std::string(field)});
}

Status JsonBody::text(std::string_view field, std::optional<std::string>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_null()) {
    out = std::string();
    return {};
  }
  if (!value->is_string()) return wrong_type(field, "một chuỗi", "a string");
  TRY(check_text_length(value->get_string(), text_kind(field), field));
  out = std::string(value->get_string());
  return {};
}

Status JsonBody::required_text(std::string_view field, std::string& out) {
  std::optional<std::string> value;
  if (auto read = text(field, value); !read) return read;
  if (!value || value->empty()) return missing(field);
  out = std::move(*value);
  return {};
}

std::unexpected<Error> JsonBody::not_an_object(const std::string& field) {
  return fail(ErrorKind::invalid_input, "body.wrong_type",
              fmt::format("“{}” phải là một đối tượng.", field),
              fmt::format("“{}” must be an object.", field), Location{0, field});
}

std::unexpected<Error> JsonBody::missing(std::string_view field) {
  return fail(ErrorKind::invalid_input, "field.required", fmt::format("Thiếu trường “{}”.", field),
              fmt::format("The field “{}” is required.", field), Location{0, std::string(field)});
}

Status JsonBody::integer(std::string_view field, std::optional<std::int64_t>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_int64()) {
    out = value->get_int64();
    return {};
  }
  if (value->is_uint64() && value->get_uint64() <= INT64_MAX) {
    out = static_cast<std::int64_t>(value->get_uint64());
    return {};
  }
  return wrong_type(field, "một số nguyên", "an integer");
}

Status JsonBody::nullable_integer(std::string_view field,
                                  std::optional<std::optional<std::int64_t>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_null()) {
    out = std::optional<std::int64_t>();
    return {};
  }
  std::optional<std::int64_t> number;
  if (auto read = integer(field, number); !read) return read;
  out = number;
  return {};
}

Status JsonBody::date(std::string_view field, std::optional<std::optional<CivilDate>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_null()) {
    out = std::optional<CivilDate>();
    return {};
  }
  if (!value->is_string()) return wrong_type(field, "một ngày (yyyy-mm-dd)", "a date (yyyy-mm-dd)");
  auto parsed = parse_civil_date(std::string_view(value->get_string()));
  if (!parsed) {
    return fail(ErrorKind::invalid_input, "body.date_invalid",
                fmt::format("Trường “{}”: “{}” không phải là một ngày có thật.", field,
                            std::string_view(value->get_string())),
                fmt::format("The field “{}”: “{}” is not a real date.", field,
                            std::string_view(value->get_string())),
                Location{0, std::string(field)});
  }
  out = *parsed;
  return {};
}

Status JsonBody::instant(std::string_view field, std::optional<std::optional<Instant>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (value->is_null()) {
    out = std::optional<Instant>();
    return {};
  }
  if (!value->is_string()) {
    return wrong_type(field, "một thời điểm (2026-12-05T17:00:00+07:00)",
                      "a time (2026-12-05T17:00:00+07:00)");
  }
  auto parsed = parse_instant(std::string_view(value->get_string()));
  if (!parsed) {
    return fail(ErrorKind::invalid_input, "body.time_invalid",
                fmt::format("Trường “{}”: “{}” không phải là một thời điểm có thật (viết "
                            "2026-12-05T17:00:00+07:00).",
                            field, std::string_view(value->get_string())),
                fmt::format("The field “{}”: “{}” is not a real time (write "
                            "2026-12-05T17:00:00+07:00).",
                            field, std::string_view(value->get_string())),
                Location{0, std::string(field)});
  }
  out = *parsed;
  return {};
}

Status JsonBody::texts(std::string_view field, std::optional<std::vector<std::string>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (!value->is_array()) return wrong_type(field, "một danh sách chuỗi", "a list of strings");
  std::vector<std::string> texts;
  for (const boost::json::value& item : value->get_array()) {
    if (!item.is_string()) return wrong_type(field, "một danh sách chuỗi", "a list of strings");
    TRY(check_text_length(item.get_string(), text_kind(field), field));
    texts.emplace_back(item.get_string());
  }
  out = std::move(texts);
  return {};
}

Status JsonBody::integers(std::string_view field, std::optional<std::vector<std::int64_t>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (!value->is_array()) return wrong_type(field, "một danh sách số", "a list of numbers");
  std::vector<std::int64_t> numbers;
  for (const boost::json::value& item : value->get_array()) {
    if (!item.is_int64()) return wrong_type(field, "một danh sách số", "a list of numbers");
    numbers.push_back(item.get_int64());
  }
  out = std::move(numbers);
  return {};
}

Status JsonBody::array(std::string_view field, std::optional<boost::json::array>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (!value->is_array()) return wrong_type(field, "một danh sách", "a list");
  out = value->get_array();
  return {};
}

Status JsonBody::counts(std::string_view field,
                        std::optional<std::vector<std::pair<std::string, std::int64_t>>>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (!value->is_object()) {
    return wrong_type(field, "một đối tượng {\"mã\": số}", "an object {\"code\": number}");
  }
  std::vector<std::pair<std::string, std::int64_t>> entries;
  for (const auto& [key, number] : value->get_object()) {
    if (!number.is_int64()) {
      return wrong_type(field, "một đối tượng {\"mã\": số}", "an object {\"code\": number}");
    }
    entries.emplace_back(std::string(key), number.get_int64());
  }
  out = std::move(entries);
  return {};
}

Status JsonBody::boolean(std::string_view field, std::optional<bool>& out) {
  const boost::json::value* value = find(field);
  if (!value) return {};
  if (!value->is_bool()) return wrong_type(field, "true hoặc false", "true or false");
  out = value->get_bool();
  return {};
}

Status JsonBody::finish() const {
  for (const auto& entry : object_) {
    if (!known_.contains(std::string_view(entry.key()))) {
      const std::string field(entry.key());
      return fail(ErrorKind::invalid_input, "body.unknown_field",
                  fmt::format("Trường “{}” không có trong yêu cầu này.", field),
                  fmt::format("The field “{}” is not part of this request.", field),
                  Location{0, field});
    }
  }
  return {};
}

}  // namespace dk::http
