#pragma once
// How values cross libpq's boundary: parameters bound as text (integers, strings) or binary
// (bytes), result fields read back from text, and rows written in COPY's text format.

#include <libpq-fe.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "store/sql.hpp"

namespace dk::store::pg {

constexpr int kTextFormat = 0;

// A value the server cannot take or gave back unusable, said without echoing it.
Error invalid_value();

// Reads int8 text. A numeric (sum() of a bigint is one) keeps its integer part; a boolean reads
// as 1 or 0, as SQLite stores it; NULL reads as 0, as sqlite3_column_int64 gives.
std::int64_t parse_integer(std::string_view text);

// One hexadecimal digit's value, or -1.
int hex_digit(char c);

// bytea as it arrives in text results.
std::string decode_bytea(const char* value, std::size_t length);

// The parameters of one call in the parallel arrays that libpq takes. Integers are written out
// as decimal text here; strings and bytes are pointed at where the caller keeps them, which
// outlives the call.
struct BoundParameters {
  std::vector<std::array<char, 24>> numbers;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<Oid> types;

  int count() const { return static_cast<int>(values.size()); }
};
Result<BoundParameters> bind(std::span<const SqlValue> params);

// Appends `row` to `out` in COPY's text format.
void append_copy_row(std::string& out, const std::vector<SqlValue>& row);

}  // namespace dk::store::pg
