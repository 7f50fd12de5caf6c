#pragma once
// Turns the bytes of a text file, in whatever encoding it was saved, into well-formed UTF-8 one
// chunk at a time, so that the CSV parser never sees a broken byte and memory does not grow with
// the file. Problems are not tied to a line here: only the parser counts lines, so the decoder
// hands over the good text up to the problem and the parser places the error.

#include <istream>
#include <memory>
#include <optional>
#include <string_view>

#include "core/error.hpp"

namespace dk::io {

struct DecodedChunk {
  // Well-formed UTF-8. It may be empty when `problem` is set; both empty means the input ended.
  std::string_view text;
  // The input cannot be decoded past `text`. `problem->where.line` is left for the caller.
  std::optional<Error> problem;
};

class Utf8Decoder {
 public:
  virtual ~Utf8Decoder() = default;
  // The view stays valid until the next call.
  virtual DecodedChunk next() = 0;
};

// `encoding` is "utf-8" or any name ICU converts from ("windows-1258", "windows-1252"). A UTF-8
// byte order mark is skipped, and it wins over `encoding`: only a UTF-8 file starts with it.
// An encoding ICU does not know is an error "import.unknown_encoding".
Result<std::unique_ptr<Utf8Decoder>> make_utf8_decoder(std::istream& in, std::string_view encoding);

}  // namespace dk::io
