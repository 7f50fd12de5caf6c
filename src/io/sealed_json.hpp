#pragma once
// Sealed JSON files (io/contest_file.hpp, io/contest_results_file.hpp): files one installation
// writes and another reads — a contest going down, its results coming back up — as JSON with
// "format" naming what it is and "sha256", the SHA-256 of the file's JSON written again without it
// (compact, in its own order), so that a file cut short, damaged on the way or edited by hand is
// refused. Spaces and line breaks between the fields change nothing. A checksum proves a file
// whole, not who wrote it. Internal to io/: the readers of each file check their fields with
// JsonFields, each problem named by its path ("rounds[1].closes_at").

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/registry_codes.hpp"

namespace dk::io {

struct SealedFormat {
  std::string_view format;   // "doanket-contest/1"
  std::string_view code;     // "contest.file": problems are contest.file_json, …_checksum …
  std::string_view vi_name;  // "tệp cuộc thi"
  std::string_view en_name;  // "contest file"
  std::size_t max_bytes = 0;
};

// The document with its format and checksum, as the file's bytes.
std::string seal_json(const SealedFormat& format, boost::json::object document);

// The document of a sealed file, without its checksum; `{code}_too_large`, `{code}_json` (with
// the line where the JSON stops), `{code}_format`, `{code}_checksum` otherwise.
Result<boost::json::object> open_sealed_json(const SealedFormat& format, std::string_view bytes);

// Reads the fields of one JSON object, each named by its path for the problem it may raise
// (`{code}_field`).
class JsonFields {
 public:
  JsonFields(const SealedFormat& format, const boost::json::value& value, std::string path)
      : code_(fmt_code(format)), object_(value.if_object()), path_(std::move(path)) {}

  Status is_object() const;
  std::string name(std::string_view key) const;
  std::unexpected<Error> bad(const std::string& field, std::string vi, std::string en) const;

  Result<const boost::json::value*> need(std::string_view key) const;
  Result<std::string> text(std::string_view key, bool required = true) const;
  Result<std::int64_t> integer(std::string_view key, std::int64_t low, std::int64_t high) const;
  // An integer from `low` to `high`, or null.
  Result<std::optional<std::int64_t>> optional_integer(std::string_view key, std::int64_t low,
                                                       std::int64_t high) const;
  Result<bool> boolean(std::string_view key) const;
  Result<Instant> instant(std::string_view key) const;
  Result<const boost::json::array*> array(std::string_view key, std::size_t most) const;

  template <class Enum>
  Result<Enum> code(std::string_view key) const {
    const std::string text = TRY(this->text(key));
    if (auto value = parse_code<Enum>(text)) return *value;
    return bad_value(key, text);
  }

 private:
  static std::string fmt_code(const SealedFormat& format);
  std::unexpected<Error> bad_value(std::string_view key, const std::string& text) const;

  std::string code_;
  const boost::json::object* object_ = nullptr;
  std::string path_;
};

// A core check's problem, its field moved under the item's path ("questions[3].correct").
Error under(Error error, const std::string& path);

}  // namespace dk::io
