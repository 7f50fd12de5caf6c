#pragma once
// How the funds' rows read and write (dates, codes, the accounts that acted), shared by the files
// of FundStore. Internal to store/.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/fund_records.hpp"
#include "store/sql.hpp"

namespace dk::store {

inline CivilDate date_at(const SqlRow& row, int column) {
  return parse_civil_date(row.text(column)).value_or(CivilDate{1970, 1, 1});
}

inline SqlValue date_value(const CivilDate& date) {
  return format_iso(date);
}

inline SqlValue optional_date(const std::optional<CivilDate>& date) {
  if (!date) return std::monostate{};
  return format_iso(*date);
}

template <class Enum>
inline SqlValue optional_code(const std::optional<Enum>& value) {
  if (!value) return std::monostate{};
  return std::string(code_of(*value));
}

template <class Enum>
std::optional<Enum> optional_enum(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_code<Enum>(row.text(column));
}

// An account's login and its person's name, from three columns starting at `column`.
inline std::optional<AccountName> account_at(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return AccountName{row.integer(column), row.text(column + 1), row.text(column + 2)};
}

// The columns account_at reads, for an account id column `id` joined as `alias`.
inline std::string account_join(std::string_view alias, std::string_view id_column) {
  return fmt::format(
      " LEFT JOIN accounts {0} ON {0}.tenant_id = t.tenant_id AND {0}.id = {1}"
      " LEFT JOIN persons {0}p ON {0}p.tenant_id = {0}.tenant_id AND {0}p.id = {0}.person_id",
      alias, id_column);
}

inline Status no_rows_changed(std::string_view what) {
  return fail(ErrorKind::not_found, "funds.not_found", fmt::format("Không tìm thấy {}.", what),
              fmt::format("No such {}.", what));
}

}  // namespace dk::store
