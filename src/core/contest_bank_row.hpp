#pragma once
// A contest's question bank as organizers keep it in Excel: one question a row — the question,
// options A to D, the answer ("B", "A, C", "Đúng", "220"), the topic, perhaps a difficulty and a
// kind — read into a checked question, or every reason it cannot be, by line and column, so that
// an organizer fixes the file in one pass. The same layout is written back out (export).

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <vector>

#include "core/contest_question.hpp"

namespace dk {

enum class BankColumn {
  ordinal,
  question,
  option_a,
  option_b,
  option_c,
  option_d,
  answer,
  topic,
  difficulty,
  kind
};

struct BankColumns {
  std::vector<std::optional<BankColumn>> by_index;  // nothing: a column not read
  std::vector<std::string> headers;                 // as written, for messages
  std::optional<std::size_t> index_of(BankColumn column) const;
};

// True for a header row of a bank (it has a question column and an answer column).
bool is_bank_header(const std::vector<std::string>& cells);
// Recognises the header row; fails (line 1) without a question, an answer or a topic column, or
// when two columns mean the same.
Result<BankColumns> map_bank_columns(const std::vector<std::string>& header_cells);

// Checks one data row into a question (its kind told by the kind column, or else by its answer
// and options). Every problem of the row, each with its line and the header of its column.
std::expected<ContestQuestion, std::vector<Error>> read_bank_row(
    const BankColumns& columns, const std::vector<std::string>& cells, std::uint64_t line);

// The header and a question's row, in the layout read_bank_row reads.
std::vector<std::string> bank_header();
std::vector<std::string> bank_row(const ContestQuestion& question, std::size_t ordinal);

}  // namespace dk
