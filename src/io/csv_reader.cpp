// The CSV reader: a byte-at-a-time state machine over decoded UTF-8 chunks, so that it holds one
// chunk and one row at most, and counts physical lines itself (a quoted field may span several).

#include <fmt/format.h>

#include <optional>
#include <string>

#include "io/table_reader.hpp"
#include "io/utf8_decoder.hpp"

namespace dk::io {
namespace {

enum class State {
  field_start,  // nothing of the field read yet: a quote here opens a quoted field
  unquoted,
  quoted,
  quote_in_quoted,  // a quote inside a quoted field: either "" or the closing quote
};

class CsvReader final : public TableReader {
 public:
  CsvReader(std::unique_ptr<std::istream> in, const ReadOptions& options)
      : in_(std::move(in)), max_row_bytes_(options.max_row_bytes) {
    auto decoder = make_utf8_decoder(*in_, options.encoding);
    if (decoder) {
      decoder_ = std::move(*decoder);
    } else {
      failure_ = std::move(decoder.error());
    }
  }

  Result<bool> next(TableRow& row) override {
    if (failure_) return std::unexpected(*failure_);
    if (!delimiter_) delimiter_ = detect_delimiter();
    auto result = read_record(row);
    if (!result) failure_ = result.error();
    return result;
  }

 private:
  Result<bool> read_record(TableRow& row) {
    row.cells.assign(1, std::string());
    row.line = line_;
    State state = State::field_start;
    std::size_t record_bytes = 0;
    const char delimiter = *delimiter_;

    for (;;) {
      if (position_ == buffer_.size()) {
        buffer_.clear();
        position_ = 0;
        if (!append_chunk()) {
          if (pending_problem_) return located(std::move(*pending_problem_), line_);
          if (state == State::quoted) {
            return fail(
                ErrorKind::invalid_input, "import.unterminated_quote",
                fmt::format("Dấu ngoặc kép mở ở dòng {} không được đóng đến hết tệp.", quote_line_),
                fmt::format("The double quote opened on line {} is never closed before "
                            "the end of the file.",
                            quote_line_),
                Location{quote_line_, {}});
          }
          // A file that ends without a line break still has its last row; a trailing empty line
          // is not a row.
          return !(state == State::field_start && row.cells.size() == 1 && record_bytes == 0);
        }
        continue;
      }

      const char c = buffer_[position_++];
      const bool continues_crlf = after_cr_ && c == '\n';
      after_cr_ = c == '\r';
      const bool line_break = c == '\r' || (c == '\n' && !continues_crlf);

      if (continues_crlf && state == State::field_start && row.cells.size() == 1 &&
          record_bytes == 0) {
        continue;  // the LF of a CRLF that ended the previous record
      }
      if (c == '\0') {
        return fail(ErrorKind::invalid_input, "import.nul_byte",
                    "Tệp có byte NUL (0x00): có thể tệp không phải văn bản, hoặc được lưu bằng "
                    "mã UTF-16. Hãy lưu lại với kiểu “CSV UTF-8 (Comma delimited)”.",
                    "The file holds a NUL byte (0x00): it may not be text, or it may be saved as "
                    "UTF-16. Save it again as “CSV UTF-8 (Comma delimited)”.",
                    Location{line_, {}});
      }
      if (++record_bytes > max_row_bytes_) {
        return fail(ErrorKind::invalid_input, "import.row_too_long",
                    fmt::format("Dòng dài hơn {} byte: tệp có thể không phải CSV, hoặc thiếu dấu "
                                "ngoặc kép đóng.",
                                max_row_bytes_),
                    fmt::format("The row is longer than {} bytes: the file may not be CSV, or a "
                                "closing double quote may be missing.",
                                max_row_bytes_),
                    Location{row.line, {}});
      }

      switch (state) {
        case State::field_start:
          if (c == '"') {
            state = State::quoted;
            quote_line_ = line_;
            break;
          }
          if (line_break && row.cells.size() == 1) {
            // A blank line is no row; the next record starts on the following line.
            ++line_;
            row.line = line_;
            record_bytes = 0;
            break;
          }
          state = State::unquoted;
          [[fallthrough]];
        case State::unquoted:
          if (c == delimiter) {
            row.cells.emplace_back();
            state = State::field_start;
          } else if (line_break) {
            ++line_;
            return true;
          } else {
            // A quote inside an unquoted field is kept as text, as Excel does.
            row.cells.back() += c;
          }
          break;
        case State::quoted:
          if (c == '"') {
            state = State::quote_in_quoted;
          } else {
            if (line_break) ++line_;
            row.cells.back() += c;
          }
          break;
        case State::quote_in_quoted:
          if (c == '"') {
            row.cells.back() += '"';
            state = State::quoted;
          } else if (c == delimiter) {
            row.cells.emplace_back();
            state = State::field_start;
          } else if (line_break) {
            ++line_;
            return true;
          } else {
            // Text after the closing quote ("abc"def) is kept, as Excel does, rather than
            // refusing a file that Excel itself opens.
            row.cells.back() += c;
            state = State::unquoted;
          }
          break;
      }
    }
  }

  // Takes the next decoded chunk onto the end of the buffer. False when there is no more text
  // for now: the input ended, or a problem waits in `pending_problem_`.
  bool append_chunk() {
    if (pending_problem_ || input_ended_) return false;
    const DecodedChunk chunk = decoder_->next();
    buffer_.append(chunk.text);
    if (chunk.problem) {
      pending_problem_ = *chunk.problem;
    } else if (chunk.text.empty()) {
      input_ended_ = true;
    }
    return !chunk.text.empty() || (!pending_problem_ && !input_ended_);
  }

  // Excel writes ';' instead of ',' where the decimal separator is a comma (Vietnamese locale
  // included), and "Text (Tab delimited)" uses tabs. The first record tells which: its separators
  // outside quotes are counted, reading ahead no further than the row limit.
  char detect_delimiter() {
    std::size_t commas = 0;
    std::size_t semicolons = 0;
    std::size_t tabs = 0;
    bool in_quotes = false;
    for (std::size_t i = position_;; ++i) {
      if (i == buffer_.size()) {
        if (i - position_ > max_row_bytes_ || !append_chunk()) break;
      }
      const char c = buffer_[i];
      if (c == '"') {
        in_quotes = !in_quotes;
      } else if (!in_quotes) {
        if (c == '\r' || c == '\n') break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
      }
    }
    if (semicolons > commas) return ';';
    if (commas == 0 && tabs > 0) return '\t';
    return ',';
  }

  // A bad byte belongs to a line; a UTF-16 file or a failing disk concerns the whole file.
  static std::unexpected<Error> located(Error error, std::uint64_t line) {
    if (error.kind == ErrorKind::invalid_input && error.code != "import.utf16") {
      error.where.line = line;
    }
    return std::unexpected(std::move(error));
  }

  std::unique_ptr<std::istream> in_;
  std::unique_ptr<Utf8Decoder> decoder_;
  std::size_t max_row_bytes_;
  std::optional<char> delimiter_;
  std::string buffer_;  // decoded text not yet parsed starts at `position_`
  std::size_t position_ = 0;
  std::optional<Error> pending_problem_;
  bool input_ended_ = false;
  std::uint64_t line_ = 1;  // the physical line of the next byte
  std::uint64_t quote_line_ = 0;
  bool after_cr_ = false;
  std::optional<Error> failure_;  // once reading failed, every later call says so again
};

}  // namespace

std::unique_ptr<TableReader> open_csv(std::unique_ptr<std::istream> in,
                                      const ReadOptions& options) {
  return std::make_unique<CsvReader>(std::move(in), options);
}

}  // namespace dk::io
