#include "store/postgres/postgres_values.hpp"

#include <charconv>
#include <memory>
#include <variant>

#include "store/postgres/libpq_handles.hpp"

namespace dk::store::pg {

namespace {

constexpr Oid kByteaOid = 17;  // pg_type.oid of bytea, fixed since PostgreSQL 7
constexpr int kBinaryFormat = 1;

}  // namespace

Error invalid_value() {
  return Error{ErrorKind::invalid_input,
               "store.invalid_value",
               Text{"Giá trị không hợp lệ.", "A value is not valid."},
               {}};
}

std::int64_t parse_integer(std::string_view text) {
  if (text == "t") return 1;
  if (text == "f") return 0;
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytea arrives in text results as "\x" and two hex digits a byte (bytea_output = hex, which the
// session sets). The escape format is left to libpq, should a server send it regardless.
std::string decode_bytea(const char* value, std::size_t length) {
  const std::string_view text(value, length);
  if (text.starts_with("\\x")) {
    std::string out;
    out.reserve((length - 2) / 2);
    for (std::size_t i = 2; i + 1 < length; i += 2) {
      const int high = hex_digit(text[i]);
      const int low = hex_digit(text[i + 1]);
      if (high < 0 || low < 0) break;
      out.push_back(static_cast<char>((high << 4) | low));
    }
    return out;
  }
  std::size_t size = 0;
  const std::unique_ptr<unsigned char, LibpqMemoryDeleter> raw(
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(value), &size));
  return raw ? std::string(reinterpret_cast<const char*>(raw.get()), size) : std::string();
}

Result<BoundParameters> bind(std::span<const SqlValue> params) {
  BoundParameters bound;
  const std::size_t count = params.size();
  // Sized up front: `values` points into `numbers`, which must not move afterwards.
  bound.numbers.resize(count);
  bound.values.assign(count, nullptr);
  bound.lengths.assign(count, 0);
  bound.formats.assign(count, kTextFormat);
  bound.types.assign(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const SqlValue& param = params[i];
    if (const auto* number = std::get_if<std::int64_t>(&param)) {
      auto& buffer = bound.numbers[i];
      const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size() - 1, *number);
      *written.ptr = '\0';
      bound.values[i] = buffer.data();
    } else if (const auto* text = std::get_if<std::string>(&param)) {
      // Text parameters travel as C strings; a NUL inside would silently cut the value short,
      // and PostgreSQL text cannot hold one anyway.
      if (text->find('\0') != std::string::npos) return std::unexpected(invalid_value());
      bound.values[i] = text->c_str();
    } else if (const auto* bytes = std::get_if<Bytes>(&param)) {
      // Binary format, so that any byte (0x00 included) passes without escaping.
      bound.values[i] = bytes->data.data();
      bound.lengths[i] = static_cast<int>(bytes->data.size());
      bound.formats[i] = kBinaryFormat;
      bound.types[i] = kByteaOid;
    }
    // std::monostate stays a null pointer, which libpq sends as NULL.
  }
  return bound;
}

namespace {

// COPY's text format: fields separated by tabs, rows ended by newlines, so those characters and
// the backslash that escapes them are escaped; NULL is \N.
void append_copy_text(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
        break;
    }
  }
}

}  // namespace

void append_copy_row(std::string& out, const std::vector<SqlValue>& row) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i != 0) out.push_back('\t');
    const SqlValue& value = row[i];
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
      std::array<char, 24> buffer{};
      const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *number);
      out.append(buffer.data(), written.ptr);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      append_copy_text(out, *text);
    } else if (const auto* bytes = std::get_if<Bytes>(&value)) {
      // bytea's hex input "\x…", its backslash escaped for COPY.
      out += "\\\\x";
      for (const char byte : bytes->data) {
        const auto octet = static_cast<unsigned char>(byte);
        out.push_back(kHex[octet >> 4]);
        out.push_back(kHex[octet & 0x0f]);
      }
    } else {
      out += "\\N";
    }
  }
  out.push_back('\n');
}

}  // namespace dk::store::pg
