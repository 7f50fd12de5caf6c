#pragma once
// Reading and writing the values repositories keep in columns: instants as Unix seconds, NULLs as
// empty optionals.

#include <chrono>
#include <cstdint>
#include <optional>

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

}  // namespace dk::store
