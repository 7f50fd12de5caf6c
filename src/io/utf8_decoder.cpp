#include "io/utf8_decoder.hpp"

#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <array>
#include <string>

#include "core/vietnamese_text.hpp"

namespace dk::io {
namespace {

// Large enough that the per-chunk work disappears next to the parsing, small enough that memory
// stays flat whatever the file's size.
constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
constexpr std::size_t kPivotUnits = 1024;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

Error make_error(ErrorKind kind, std::string code, std::string vi, std::string en) {
  return Error{kind, std::move(code), Text{std::move(vi), std::move(en)}, {}};
}

Error not_utf8_error() {
  return make_error(
      ErrorKind::invalid_input, "import.not_utf8",
      "Có byte không hợp lệ theo mã UTF-8. Hãy mở tệp trong Excel và lưu lại với kiểu “CSV UTF-8 "
      "(Comma delimited)”; nếu tệp được lưu bằng bảng mã Windows cũ của tiếng Việt, hãy chạy lại "
      "với --encoding windows-1258.",
      "Some bytes are not valid UTF-8. Open the file in Excel and save it again as “CSV UTF-8 "
      "(Comma delimited)”; if it was saved in the old Windows code page for Vietnamese, run again "
      "with --encoding windows-1258.");
}

Error utf16_error() {
  return make_error(ErrorKind::invalid_input, "import.utf16",
                    "Tệp được lưu bằng mã UTF-16 (“Unicode Text”), chương trình chỉ đọc UTF-8. Hãy "
                    "mở tệp trong Excel và lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.",
                    "The file is saved as UTF-16 (“Unicode Text”), but only UTF-8 is read. Open it "
                    "in Excel and save it again as “CSV UTF-8 (Comma delimited)”.");
}

Error read_error() {
  return make_error(ErrorKind::unavailable, "import.read_failed",
                    "Không đọc được tệp: có lỗi khi đọc dữ liệu từ đĩa.",
                    "The file could not be read: reading its data from the disk failed.");
}

Error not_in_encoding_error(const std::string& encoding) {
  return make_error(
      ErrorKind::invalid_input, "import.not_in_encoding",
      fmt::format("Có byte không thuộc bảng mã “{}”. Hãy kiểm tra bảng mã của tệp, hoặc lưu tệp "
                  "dưới dạng “CSV UTF-8”.",
                  encoding),
      fmt::format("Some bytes do not exist in the encoding “{}”. Check which encoding the file "
                  "uses, or save it as “CSV UTF-8”.",
                  encoding));
}

// How many leading bytes of `bytes` end on a character boundary: a sequence cut by the end of
// a chunk waits for the next chunk instead of being taken for a broken one.
std::size_t complete_prefix(std::string_view bytes) {
  const std::size_t size = bytes.size();
  for (std::size_t back = 1; back <= 4 && back <= size; ++back) {
    const auto byte = static_cast<unsigned char>(bytes[size - back]);
    if ((byte & 0xC0) == 0x80) continue;
    const std::size_t length = (byte & 0xE0) == 0xC0   ? 2
                               : (byte & 0xF0) == 0xE0 ? 3
                               : (byte & 0xF8) == 0xF0 ? 4
                                                       : 1;
    return back < length ? size - back : size;
  }
  return size;
}

// Where the first piece of a line (text between line breaks) that holds a broken sequence starts.
// A line break byte is never part of a multi-byte sequence, so each piece can be checked alone,
// and the parser, counting lines up to that point, then knows the line of the bad byte.
std::size_t first_broken_piece(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (!is_valid_utf8(text.substr(start, end - start))) return start;
    start = end + 1;
  }
  return text.size();
}

class Decoder final : public Utf8Decoder {
 public:
  Decoder(std::istream& in, ConverterPtr source, ConverterPtr utf8, std::string encoding)
      : in_(in),
        source_(std::move(source)),
        utf8_(std::move(utf8)),
        encoding_(std::move(encoding)) {
    if (source_) {
      UErrorCode status = U_ZERO_ERROR;
      const std::string_view name = ucnv_getName(source_.get(), &status);
      utf16_family_ = name.starts_with("UTF-16") || name.starts_with("UTF-32");
    }
  }

  DecodedChunk next() override {
    if (problem_) return {{}, problem_};
    if (!started_) {
      started_ = true;
      if (!read_more()) return failure({}, read_error());
      inspect_start();
      if (problem_) return {{}, problem_};
    }
    return source_ ? next_converted() : next_utf8();
  }

 private:
  // Appends up to one chunk of raw bytes after dropping those already used.
  bool read_more() {
    raw_.erase(0, raw_position_);
    raw_position_ = 0;
    const std::size_t old_size = raw_.size();
    raw_.resize(old_size + kChunkBytes);
    in_.read(raw_.data() + old_size, static_cast<std::streamsize>(kChunkBytes));
    const auto got = static_cast<std::size_t>(in_.gcount());
    raw_.resize(old_size + got);
    if (in_.bad()) return false;
    if (got < kChunkBytes || in_.eof()) at_end_ = true;
    return true;
  }

  void inspect_start() {
    const std::string_view head = raw_;
    if (head.starts_with("\xEF\xBB\xBF")) {
      raw_position_ = 3;
      // Only a UTF-8 file starts with these bytes (Excel's “CSV UTF-8” always writes them), so
      // they are more reliable than an --encoding the user may have guessed.
      source_.reset();
    } else if ((head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) && !utf16_family_) {
      problem_ = utf16_error();
    }
  }

  DecodedChunk failure(std::string_view good_text, Error error) {
    problem_ = std::move(error);
    return {good_text, problem_};
  }

  DecodedChunk next_utf8() {
    for (;;) {
      if (!at_end_ && raw_.size() - raw_position_ < kChunkBytes && !read_more()) {
        return failure({}, read_error());
      }
      const std::string_view pending = std::string_view(raw_).substr(raw_position_);
      if (pending.empty() && at_end_) return {};
      // At the end a cut sequence is not waiting for anything: it is broken, and the check says so.
      const std::size_t usable = at_end_ ? pending.size() : complete_prefix(pending);
      if (usable == 0) continue;
      const std::string_view text = pending.substr(0, usable);
      raw_position_ += usable;
      if (is_valid_utf8(text)) return {text, std::nullopt};
      return failure(text.substr(0, first_broken_piece(text)), not_utf8_error());
    }
  }

  DecodedChunk next_converted() {
    // Three bytes of UTF-8 per input byte covers every single-byte code page in one pass; the
    // converter stops early and resumes on the next call if a multi-byte one needs more.
    output_.resize(3 * kChunkBytes + 16);
    char* target = output_.data();
    char* const target_end = output_.data() + output_.size();
    for (;;) {
      if (raw_position_ == raw_.size() && !at_end_ && !read_more()) {
        return failure({}, read_error());
      }
      const char* source = raw_.data() + raw_position_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(utf8_.get(), source_.get(), &target, target_end, &source,
                     raw_.data() + raw_.size(), pivot_.data(), &pivot_source_, &pivot_target_,
                     pivot_.data() + pivot_.size(), first_conversion_, at_end_, &status);
      first_conversion_ = false;
      raw_position_ = static_cast<std::size_t>(source - raw_.data());
      const std::string_view produced(output_.data(),
                                      static_cast<std::size_t>(target - output_.data()));
      if (status == U_BUFFER_OVERFLOW_ERROR) return {produced, std::nullopt};
      if (U_FAILURE(status)) return failure(produced, not_in_encoding_error(encoding_));
      if (!produced.empty() || at_end_) return {produced, std::nullopt};
    }
  }

  std::istream& in_;
  ConverterPtr source_;  // null: the input is UTF-8 and only needs checking
  ConverterPtr utf8_;
  std::string encoding_;
  bool utf16_family_ = false;
  bool started_ = false;
  bool at_end_ = false;
  std::string raw_;
  std::size_t raw_position_ = 0;
  std::string output_;
  std::array<UChar, kPivotUnits> pivot_{};  // UTF-16 between the two converters
  UChar* pivot_source_ = pivot_.data();
  UChar* pivot_target_ = pivot_.data();
  bool first_conversion_ = true;
  std::optional<Error> problem_;
};

}  // namespace

Result<std::unique_ptr<Utf8Decoder>> make_utf8_decoder(std::istream& in,
                                                       std::string_view encoding) {
  const std::string name(encoding);
  if (name.empty() || ucnv_compareNames(name.c_str(), "UTF-8") == 0) {
    return std::make_unique<Decoder>(in, nullptr, nullptr, "UTF-8");
  }
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || !source) {
    return fail(ErrorKind::invalid_input, "import.unknown_encoding",
                fmt::format("Không biết bảng mã “{}”. Hãy dùng utf-8 (mặc định), windows-1258 "
                            "(tiếng Việt trên Windows cũ) hoặc windows-1252.",
                            name),
                fmt::format("Unknown encoding “{}”. Use utf-8 (the default), windows-1258 (old "
                            "Vietnamese Windows) or windows-1252.",
                            name));
  }
  // Stop at a byte the code page does not define rather than silently writing U+FFFD into a
  // member's name.
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ConverterPtr utf8(ucnv_open("UTF-8", &status));
  if (U_FAILURE(status) || !utf8) {
    return fail(ErrorKind::internal, "internal.icu",
                fmt::format("ICU không mở được bộ chuyển mã UTF-8 ({}).", u_errorName(status)),
                fmt::format("ICU could not open the UTF-8 converter ({}).", u_errorName(status)));
  }
  return std::make_unique<Decoder>(in, std::move(source), std::move(utf8), name);
}

}  // namespace dk::io
