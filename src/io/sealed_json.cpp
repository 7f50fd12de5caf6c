#include "io/sealed_json.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>

#include "core/instant_text.hpp"

namespace dk::io {
namespace {

namespace json = boost::json;

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::string hex(digest.size() * 2, '\0');
  sodium_bin2hex(hex.data(), hex.size() + 1, digest.data(), digest.size());
  return hex;
}

std::string code_of(const SealedFormat& format, std::string_view problem) {
  return fmt::format("{}_{}", format.code, problem);
}

// The parsed JSON, or the line where it stops being JSON.
Result<json::value> parse(const SealedFormat& format, std::string_view bytes) {
  json::parse_options options;
  options.max_depth = 16;
  json::stream_parser parser({}, options);
  boost::system::error_code error;
  const std::size_t read = parser.write(bytes.data(), bytes.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const auto line = 1 + std::count(bytes.begin(), bytes.begin() + read, '\n');
    return fail(
        ErrorKind::invalid_input, code_of(format, "json"),
        fmt::format("Nội dung {} không phải JSON hợp lệ (tệp bị cắt hoặc hỏng).", format.vi_name),
        fmt::format("The {} is not valid JSON (cut short or damaged).", format.en_name),
        Location{static_cast<std::uint64_t>(line), ""});
  }
  return parser.release();
}

}  // namespace

std::string seal_json(const SealedFormat& format, json::object document) {
  json::object sealed{{"format", format.format}};
  for (auto& [key, value] : document) sealed[key] = std::move(value);
  sealed["sha256"] = sha256_hex(json::serialize(sealed));
  return json::serialize(sealed) + "\n";
}

Result<json::object> open_sealed_json(const SealedFormat& format, std::string_view bytes) {
  if (bytes.size() > format.max_bytes) {
    return fail(
        ErrorKind::invalid_input, code_of(format, "too_large"),
        fmt::format("Dung lượng {} vượt quá {} MB.", format.vi_name, format.max_bytes >> 20),
        fmt::format("The {} is larger than {} MB.", format.en_name, format.max_bytes >> 20));
  }
  json::value document = TRY(parse(format, bytes));
  const JsonFields fields(format, document, "");
  TRY(fields.is_object());
  if (TRY(fields.text("format")) != format.format) {
    return fail(ErrorKind::invalid_input, code_of(format, "format"),
                fmt::format("Tệp này không phải {} “{}”.", format.vi_name, format.format),
                fmt::format("This is not a {} “{}”.", format.en_name, format.format),
                Location{0, "format"});
  }
  const std::string checksum = TRY(fields.text("sha256"));
  json::object unsealed = std::move(document.as_object());
  unsealed.erase("sha256");
  if (sha256_hex(json::serialize(unsealed)) != checksum) {
    return fail(ErrorKind::invalid_input, code_of(format, "checksum"),
                "Mã kiểm tra (sha256) của tệp không khớp: tệp đã bị sửa hoặc hỏng trên đường "
                "gửi. Hãy xin lại tệp gốc.",
                "The file's checksum (sha256) does not match: it was changed or damaged on the "
                "way. Ask for the original file again.",
                Location{0, "sha256"});
  }
  return unsealed;
}

std::string JsonFields::fmt_code(const SealedFormat& format) {
  return code_of(format, "field");
}

std::unexpected<Error> JsonFields::bad(const std::string& field, std::string vi,
                                       std::string en) const {
  return fail(ErrorKind::invalid_input, code_, std::move(vi), std::move(en), Location{0, field});
}

Status JsonFields::is_object() const {
  if (object_) return {};
  return bad(path_, "Cần một đối tượng JSON ({…}).", "A JSON object ({…}) is needed.");
}

std::string JsonFields::name(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

Result<const json::value*> JsonFields::need(std::string_view key) const {
  const json::value* value = object_->if_contains(key);
  if (!value) return bad(name(key), "Thiếu trường này.", "This field is missing.");
  return value;
}

Result<std::string> JsonFields::text(std::string_view key, bool required) const {
  if (!required && !object_->if_contains(key)) return std::string();
  const json::value* value = TRY(need(key));
  if (const json::string* text = value->if_string()) return std::string(*text);
  return bad(name(key), "Cần một chuỗi chữ.", "Text is needed.");
}

Result<std::int64_t> JsonFields::integer(std::string_view key, std::int64_t low,
                                         std::int64_t high) const {
  const json::value* value = TRY(need(key));
  const std::int64_t* number = value->if_int64();
  if (!number || *number < low || *number > high) {
    return bad(name(key), fmt::format("Cần một số nguyên từ {} đến {}.", low, high),
               fmt::format("A whole number from {} to {} is needed.", low, high));
  }
  return *number;
}

Result<std::optional<std::int64_t>> JsonFields::optional_integer(std::string_view key,
                                                                 std::int64_t low,
                                                                 std::int64_t high) const {
  const json::value* value = TRY(need(key));
  if (value->is_null()) return std::nullopt;
  return integer(key, low, high);
}

Result<bool> JsonFields::boolean(std::string_view key) const {
  const json::value* value = TRY(need(key));
  if (const bool* flag = value->if_bool()) return *flag;
  return bad(name(key), "Cần true hoặc false.", "true or false is needed.");
}

Result<Instant> JsonFields::instant(std::string_view key) const {
  const std::string text = TRY(this->text(key));
  if (auto instant = parse_instant(text)) return *instant;
  return bad(name(key), "Cần một thời điểm dạng 2026-03-01T07:00:00+07:00.",
             "A time such as 2026-03-01T07:00:00+07:00 is needed.");
}

Result<const json::array*> JsonFields::array(std::string_view key, std::size_t most) const {
  const json::value* value = TRY(need(key));
  const json::array* array = value->if_array();
  if (!array) return bad(name(key), "Cần một danh sách ([…]).", "A list ([…]) is needed.");
  if (array->size() > most) {
    return bad(name(key), fmt::format("Tối đa {} mục.", most),
               fmt::format("At most {} items.", most));
  }
  return array;
}

std::unexpected<Error> JsonFields::bad_value(std::string_view key, const std::string& text) const {
  return bad(name(key), fmt::format("Giá trị “{}” không hợp lệ.", text),
             fmt::format("“{}” is not a valid value.", text));
}

Error under(Error error, const std::string& path) {
  error.where.field = error.where.field.empty() ? path : path + "." + error.where.field;
  return error;
}

}  // namespace dk::io
