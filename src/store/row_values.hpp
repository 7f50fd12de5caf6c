#pragma once
// Reading and writing the values repositories keep in columns: instants as Unix seconds, NULLs as
// empty optionals.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "store/sql.hpp"

namespace dk::store {

inline std::optional<std::int64_t> optional_integer(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

inline std::optional<Instant> optional_instant(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return instant_of(row.integer(column));
}

inline SqlValue nullable_instant(const std::optional<Instant>& instant) {
  if (!instant) return std::monostate{};
  return seconds_of(*instant);
}

// The whole numbers of a separated list ("3,12"), as string_agg and group_concat write ids, or as
// a column keeps a few places ("0,2").
inline std::vector<std::int64_t> numbers_in(std::string_view text) {
  std::vector<std::int64_t> numbers;
  std::int64_t value = 0;
  bool any = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      any = true;
    } else if (any) {
      numbers.push_back(value);
      value = 0;
      any = false;
    }
  }
  if (any) numbers.push_back(value);
  return numbers;
}

}  // namespace dk::store
