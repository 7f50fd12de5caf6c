#pragma once
// One row of a member list as Vietnamese offices keep it in Excel: which column is which (from the
// headers they actually write, "Họ và tên", "Ngày sinh", "Phòng", "Số CCCD" …) and the checked,
// canonical record a row becomes, or every reason it cannot.

#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/registry.hpp"

namespace dk {

enum class MemberColumn {
  ordinal,      // STT: ignored
  full_name,    // Họ và tên
  family_name,  // Họ (và tên đệm), when the given name has its own column
  given_name,   // Tên
  birth_date,
  gender,
  unit,
  position,
  phone,
  email,
  id_number,
  address,
  joined_on,
  card_number,
  status,
  note,
};

struct MemberColumns {
  std::vector<std::optional<MemberColumn>> by_index;  // nothing: a column we do not read
  std::vector<std::string> headers;                   // as written, for messages
  std::vector<std::string> ignored;                   // headers we did not recognise
  std::optional<size_t> index_of(MemberColumn column) const;
};

// Recognises the header row. Fails when no column gives the name, or when two columns claim the
// same field.
Result<MemberColumns> map_member_columns(const std::vector<std::string>& header_cells);

// What a valid row holds, canonical and ready to store. The unit is named, not yet resolved.
struct MemberRecord {
  Person person;
  std::string unit_name;
  std::optional<CivilDate> joined_on;
  std::string card_number;
  MembershipStatus status = MembershipStatus::active;
  std::string note;
};

// Checks one data row. Returns every problem of the row (one per field), each with its line and
// column, so that a clerk fixes a file in one pass. `today` bounds the dates.
std::expected<MemberRecord, std::vector<Error>> read_member_row(
    const MemberColumns& columns, const std::vector<std::string>& cells, std::uint64_t line,
    CivilDate today);

// True for a row with nothing in it (Excel leaves many at the end of a sheet).
bool is_blank_row(const std::vector<std::string>& cells);

// A line under a list that is not a person, as offices end their lists: a total ("Tổng cộng: 45
// người"), the place and date of signing ("Hà Tĩnh, ngày 20 tháng 11 năm 2026"), a signature
// block ("Người lập biểu", "Thủ trưởng đơn vị", "T/M Ban Chấp hành", "(Ký, ghi rõ họ tên)"). A
// row that begins with a number (its STT) is a person's, whatever follows.
bool is_closing_line(const std::vector<std::string>& cells);

}  // namespace dk
