#include "core/member_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/column_header.hpp"
#include "core/contact_fields.hpp"
#include "core/text_limits.hpp"
#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

struct ColumnName {
  MemberColumn column;
  std::string_view vi;  // the header we write on export
  std::string_view en;
  std::array<std::string_view, 12> aliases;  // folded headers offices write
};

constexpr ColumnName kColumns[] = {
    {MemberColumn::ordinal, "STT", "No.", {"stt", "tt", "so tt", "so thu tu", "no", "#"}},
    {MemberColumn::full_name,
     "Họ và tên",
     "Full name",
     {"ho va ten", "ho ten", "ho va ten day du", "full name", "name", "ten day du"}},
    {MemberColumn::family_name,
     "Họ và tên đệm",
     "Family and middle name",
     {"ho", "ho va ten dem", "ho dem", "ho va chu dem", "family name", "surname", "last name"}},
    {MemberColumn::given_name, "Tên", "Given name", {"ten", "given name", "first name"}},
    {MemberColumn::birth_date,
     "Ngày sinh",
     "Date of birth",
     {"ngay sinh", "ngay thang nam sinh", "ngay/thang/nam sinh", "sinh ngay", "date of birth",
      "birth date", "birthday", "dob"}},
    {MemberColumn::gender, "Giới tính", "Gender", {"gioi tinh", "gender", "sex", "gt", "nam/nu"}},
    {MemberColumn::unit,
     "Đơn vị",
     "Unit",
     {"don vi", "phong", "phong ban", "don vi cong tac", "bo phan", "phong/don vi", "unit",
      "department", "noi cong tac", "co quan/don vi"}},
    {MemberColumn::position,
     "Chức vụ",
     "Position",
     {"chuc vu", "chuc danh", "position", "job title"}},
    {MemberColumn::phone,
     "Số điện thoại",
     "Phone",
     {"so dien thoai", "dien thoai", "sdt", "so dt", "dt", "di dong", "phone", "mobile", "tel"}},
    {MemberColumn::email,
     "Email",
     "Email",
     {"email", "e-mail", "thu dien tu", "dia chi email", "mail"}},
    {MemberColumn::id_number,
     "Số CCCD",
     "ID number",
     {"so cccd", "cccd", "so can cuoc", "can cuoc cong dan", "so dinh danh", "so dinh danh ca nhan",
      "cmnd/cccd", "so cmnd/cccd", "so cmnd", "cmnd", "id number", "citizen id"}},
    {MemberColumn::address,
     "Địa chỉ",
     "Address",
     {"dia chi", "noi o", "cho o hien nay", "noi o hien nay", "dia chi thuong tru", "address"}},
    {MemberColumn::joined_on,
     "Ngày vào",
     "Joined on",
     {"ngay vao", "ngay ket nap", "ngay vao doan", "ngay vao cong doan", "ngay vao hoi",
      "ngay gia nhap", "joined", "joined on", "join date"}},
    {MemberColumn::card_number,
     "Số thẻ",
     "Card number",
     {"so the", "so the doan vien", "so the hoi vien", "so the cong doan", "ma the", "card number",
      "card no", "member card"}},
    {MemberColumn::status, "Trạng thái", "Status", {"trang thai", "tinh trang", "status"}},
    {MemberColumn::note, "Ghi chú", "Note", {"ghi chu", "note", "notes"}},
};

std::optional<MemberColumn> column_for(std::string_view header) {
  return dk::column_for(header, std::span<const ColumnName>(kColumns));
}

constexpr size_t kMaxNameBytes = 200;

}  // namespace

std::optional<size_t> MemberColumns::index_of(MemberColumn column) const {
  for (size_t i = 0; i < by_index.size(); ++i) {
    if (by_index[i] == column) return i;
  }
  return std::nullopt;
}

Result<MemberColumns> map_member_columns(const std::vector<std::string>& header_cells) {
  MemberColumns columns;
  for (const auto& cell : header_cells) {
    const std::string header = normalize_text(cell);
    std::optional<MemberColumn> column = header.empty() ? std::nullopt : column_for(header);
    if (column && columns.index_of(*column)) {
      return duplicate_column(header, columns.headers[*columns.index_of(*column)]);
    }
    if (!column && !header.empty()) columns.ignored.push_back(header);
    columns.by_index.push_back(column);
    columns.headers.push_back(header);
  }
  const bool has_full = columns.index_of(MemberColumn::full_name).has_value();
  const bool has_split = columns.index_of(MemberColumn::family_name).has_value() &&
                         columns.index_of(MemberColumn::given_name).has_value();
  if (!has_full && !has_split) {
    return fail(ErrorKind::invalid_input, "import.missing_name_column",
                "Thiếu cột “Họ và tên” (hoặc hai cột “Họ” và “Tên”) ở dòng tiêu đề.",
                "The header row has no “Họ và tên” (full name) column, nor “Họ” and “Tên”.",
                Location{1, ""});
  }
  return columns;
}

bool is_blank_row(const std::vector<std::string>& cells) {
  for (const auto& cell : cells) {
    for (const char c : cell) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    }
  }
  return true;
}

std::expected<MemberRecord, std::vector<Error>> read_member_row(
    const MemberColumns& columns, const std::vector<std::string>& cells, std::uint64_t line,
    CivilDate today) {
  std::vector<Error> errors;
  MemberRecord record;
  std::string family;
  std::string given;

  for (size_t i = 0; i < columns.by_index.size(); ++i) {
    if (!columns.by_index[i]) continue;
    const MemberColumn column = *columns.by_index[i];
    const std::string& header = columns.headers[i];
    const std::string value = i < cells.size() ? normalize_text(cells[i]) : std::string();
    const TextKind kind = column == MemberColumn::note ? TextKind::prose : TextKind::line;
    if (auto bounded = check_text_length(value, kind, header, line); !bounded) {
      errors.push_back(bounded.error());
      continue;
    }
    auto read_date = [&](std::optional<CivilDate>& target, std::string_view what_vi,
                         std::string_view what_en) {
      if (value.empty()) return;
      const auto date = parse_civil_date(value);
      if (!date) {
        errors.push_back(cell_error(
            line, header, "import.date_invalid",
            fmt::format("“{}” không phải là ngày có thật (viết dd/mm/yyyy, ví dụ 03/02/1990).",
                        value),
            fmt::format("“{}” is not a real date (write dd/mm/yyyy, e.g. 03/02/1990).", value)));
      } else if (*date > today) {
        errors.push_back(cell_error(line, header, "import.date_in_future",
                                    fmt::format("{} {} ở tương lai.", what_vi, value),
                                    fmt::format("The {} {} is in the future.", what_en, value)));
      } else if (date->year < 1900) {
        errors.push_back(cell_error(line, header, "import.date_too_old",
                                    fmt::format("{} {} trước năm 1900.", what_vi, value),
                                    fmt::format("The {} {} is before 1900.", what_en, value)));
      } else {
        target = date;
      }
    };
    switch (column) {
      case MemberColumn::ordinal:
        break;
      case MemberColumn::full_name:
        record.person.full_name = value;
        break;
      case MemberColumn::family_name:
        family = value;
        break;
      case MemberColumn::given_name:
        given = value;
        break;
      case MemberColumn::birth_date:
        read_date(record.person.birth_date, "Ngày sinh", "date of birth");
        break;
      case MemberColumn::gender:
        if (!value.empty()) {
          record.person.gender = parse_code<Gender>(value);
          if (!record.person.gender) {
            errors.push_back(
                cell_error(line, header, "import.gender_invalid",
                           fmt::format("“{}” không phải giới tính (Nam, Nữ hoặc Khác).", value),
                           fmt::format("“{}” is not a gender (Nam, Nữ or Khác).", value)));
          }
        }
        break;
      case MemberColumn::unit:
        record.unit_name = value;
        break;
      case MemberColumn::position:
        record.person.position = value;
        break;
      case MemberColumn::phone:
        if (!value.empty()) {
          if (auto phone = canonical_phone(value)) {
            record.person.phone = std::move(*phone);
          } else {
            errors.push_back(cell_error(
                line, header, "import.phone_invalid",
                fmt::format("“{}” không phải số điện thoại Việt Nam (10 số, hoặc 11 số máy bàn).",
                            value),
                fmt::format("“{}” is not a Vietnamese phone number (10 digits, 11 for a landline).",
                            value)));
          }
        }
        break;
      case MemberColumn::email:
        if (!value.empty()) {
          if (auto email = canonical_email(value)) {
            record.person.email = std::move(*email);
          } else {
            errors.push_back(cell_error(line, header, "import.email_invalid",
                                        fmt::format("“{}” không phải địa chỉ email.", value),
                                        fmt::format("“{}” is not an e-mail address.", value)));
          }
        }
        break;
      case MemberColumn::id_number:
        if (!value.empty()) {
          if (auto number = canonical_id_number(value)) {
            record.person.id_number = std::move(*number);
          } else {
            errors.push_back(cell_error(
                line, header, "import.id_number_invalid",
                fmt::format("“{}” không phải số CCCD (12 chữ số) hay CMND (9 chữ số).", value),
                fmt::format("“{}” is not a citizen ID number (12 digits, or 9 for an old CMND).",
                            value)));
          }
        }
        break;
      case MemberColumn::address:
        record.person.address = value;
        break;
      case MemberColumn::joined_on:
        read_date(record.joined_on, "Ngày vào", "join date");
        break;
      case MemberColumn::card_number:
        record.card_number = value;
        break;
      case MemberColumn::status:
        if (!value.empty()) {
          if (auto status = parse_code<MembershipStatus>(value)) {
            record.status = *status;
          } else {
            errors.push_back(
                cell_error(line, header, "import.status_invalid",
                           fmt::format("“{}” không phải trạng thái (Đang sinh hoạt, Tạm ngừng "
                                       "sinh hoạt, Đã ra khỏi tổ chức).",
                                       value),
                           fmt::format("“{}” is not a status (active, suspended, left).", value)));
          }
        }
        break;
      case MemberColumn::note:
        record.note = value;
        break;
    }
  }

  if (record.person.full_name.empty() && (!family.empty() || !given.empty())) {
    record.person.full_name = family.empty()  ? given
                              : given.empty() ? family
                                              : family + " " + given;
  }
  const auto name_index = columns.index_of(MemberColumn::full_name)
                              ? columns.index_of(MemberColumn::full_name)
                              : columns.index_of(MemberColumn::given_name);
  const std::string& name_header = name_index ? columns.headers[*name_index] : std::string();
  if (record.person.full_name.empty()) {
    errors.push_back(cell_error(line, name_header, "import.name_missing",
                                "Họ và tên đang để trống.", "The full name is empty."));
  } else if (record.person.full_name.size() > kMaxNameBytes) {
    errors.push_back(
        cell_error(line, name_header, "import.name_too_long",
                   fmt::format("Họ và tên quá dài (tối đa {} byte).", kMaxNameBytes),
                   fmt::format("The full name is too long (at most {} bytes).", kMaxNameBytes)));
  }
  if (record.joined_on && record.person.birth_date &&
      *record.joined_on < *record.person.birth_date) {
    const auto index = columns.index_of(MemberColumn::joined_on);
    errors.push_back(cell_error(line, index ? columns.headers[*index] : "",
                                "import.joined_before_birth", "Ngày vào tổ chức trước ngày sinh.",
                                "The join date is before the date of birth."));
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return record;
}

bool is_closing_line(const std::vector<std::string>& cells) {
  auto first = std::ranges::find_if(
      cells, [](const std::string& cell) { return !normalize_text(cell).empty(); });
  if (first == cells.end()) return false;
  const std::string folded = fold_for_search(*first);
  if (folded.empty() || (folded.front() >= '0' && folded.front() <= '9')) return false;
  constexpr std::array<std::string_view, 17> kOpenings = {
      "tong cong", "tong so",  "tong:",      "cong:",      "nguoi lap", "ky ten",
      "(ky",       "ky,",      "xac nhan",   "thu truong", "t/m",       "tm.",
      "tm ",       "chu tich", "truong ban", "ke toan",    "thu quy"};
  for (const std::string_view opening : kOpenings)
    if (folded.starts_with(opening)) return true;
  // "Hà Tĩnh, ngày 20 tháng 11 năm 2026", "ngày … tháng … năm …".
  const std::size_t day = folded.find("ngay ");
  return day != std::string::npos && folded.find(" thang ", day) != std::string::npos &&
         folded.find(" nam ", day) != std::string::npos;
}

}  // namespace dk
