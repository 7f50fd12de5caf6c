#pragma once
// How the registry's rows read and write (columns, dates, a person's values in binding order), and
// how a clash with a unique key becomes a message for the user: shared by the files of
// RegistryStore (registry_structure.cpp, registry_people.cpp, registry_member_list.cpp, the
// imports). Internal to store/.

#include <fmt/format.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/registry.hpp"
#include "core/vietnamese_text.hpp"
#include "store/sql.hpp"

namespace dk::store {

// The row-by-row import's (SQLite's) lookups of someone by name and birth date, for a row with a
// CCCD (someone registered before this import without one yet) and without (anyone registered
// before, or created by this import without a CCCD). $4 is the first id this import hands out:
// lower ids were registered before it. INDEXED BY, because SQLite reads `min(id)` by walking
// the primary key in id order and testing every person until one matches: for the rows of a
// list without CCCDs, which match nobody, that is a scan of the whole registry per row and an
// import quadratic in its length (tests/store/import_plan_test.cpp holds the plan to the index).
inline constexpr std::string_view kFindByNameWithIdNumber =
    "SELECT min(id) FROM persons INDEXED BY persons_name_birth WHERE tenant_id = $1 AND "
    "name_key = $2 AND birth_date = $3 AND id < $4 AND id_number = ''";
inline constexpr std::string_view kFindByNameWithoutIdNumber =
    "SELECT min(id) FROM persons INDEXED BY persons_name_birth WHERE tenant_id = $1 AND "
    "name_key = $2 AND birth_date = $3 AND (id < $4 OR id_number = '')";

inline SqlValue date_value(const std::optional<CivilDate>& date) {
  if (!date) return std::monostate{};
  return format_iso(*date);
}

inline std::optional<CivilDate> read_date(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_civil_date(row.text(column));
}

// Columns of persons in the order read_person expects them, prefixed by the alias `p.`.
inline constexpr std::string_view kPersonColumns =
    "p.id, p.full_name, p.gender, p.birth_date, p.id_number, p.phone, p.email, p.address, "
    "p.unit_id, "
    "p.position";
inline constexpr int kPersonColumnCount = 10;

inline Person read_person(const SqlRow& row) {
  Person person;
  person.id = row.integer(0);
  person.full_name = row.text(1);
  if (!row.is_null(2)) person.gender = parse_code<Gender>(row.text(2));
  person.birth_date = read_date(row, 3);
  person.id_number = row.text(4);
  person.phone = row.text(5);
  person.email = row.text(6);
  person.address = row.text(7);
  if (!row.is_null(8)) person.unit_id = row.integer(8);
  person.position = row.text(9);
  return person;
}

inline constexpr std::string_view kMembershipColumns =
    "m.id, m.person_id, m.organization_id, m.joined_on, m.status, m.card_number, m.left_on, "
    "m.leave_reason";

inline Membership read_membership(const SqlRow& row, int first) {
  Membership membership;
  membership.id = row.integer(first);
  membership.person_id = row.integer(first + 1);
  membership.organization_id = row.integer(first + 2);
  membership.joined_on = read_date(row, first + 3);
  membership.status =
      parse_code<MembershipStatus>(row.text(first + 4)).value_or(MembershipStatus::active);
  membership.card_number = row.text(first + 5);
  membership.left_on = read_date(row, first + 6);
  membership.leave_reason = row.text(first + 7);
  return membership;
}

inline Organization read_organization(const SqlRow& row) {
  Organization organization;
  organization.id = row.integer(0);
  organization.code = row.text(1);
  organization.name = row.text(2);
  organization.kind = parse_code<OrganizationKind>(row.text(3)).value_or(OrganizationKind::other);
  if (!row.is_null(4) && !row.is_null(5))
    organization.superior = OrganizationRef{row.integer(4), row.integer(5)};
  organization.external = row.integer(6) != 0;
  return organization;
}

// A person's columns in the order INSERT and UPDATE of persons bind them ($1 … $14).
inline std::array<SqlValue, 14> person_values(Id tenant, Id id, const Person& person,
                                              const NameKeys& keys) {
  return {tenant,
          id,
          person.full_name,
          keys.match,
          keys.search,
          Bytes{keys.sort},
          person.gender ? SqlValue(std::string(code_of(*person.gender))) : SqlValue(),
          date_value(person.birth_date),
          person.id_number,
          person.phone,
          person.email,
          person.address,
          nullable(person.unit_id),
          person.position};
}

// A write's outcome as a status. A clash with a unique key is the user's to fix: it gets a message
// that says which value is taken, and the field it sits in.
template <class Written>
inline Status unless_duplicate(const Result<Written>& written, Text message, std::string field) {
  if (written) return {};
  Error error = written.error();
  if (error.code == "store.duplicate") {
    error.message = std::move(message);
    error.where.field = std::move(field);
  }
  return std::unexpected(error);
}

inline Status changed(const Result<std::int64_t>& written) {
  return unless_duplicate(
      written, {"Mã hoặc tên này đã được dùng.", "This code or name is already in use."}, "code");
}

inline Text id_number_taken(const std::string& id_number) {
  return {fmt::format("Đã có người mang số CCCD {}.", id_number),
          fmt::format("Someone with ID number {} is already registered.", id_number)};
}

inline CommitteeRole read_committee_role(const SqlRow& row) {
  CommitteeRole role;
  role.id = row.integer(0);
  role.organization_id = row.integer(1);
  role.person_id = row.integer(2);
  role.role = parse_code<CommitteeRoleKind>(row.text(3)).value_or(CommitteeRoleKind::member);
  role.term = row.text(4);
  role.term_start = read_date(row, 5);
  role.term_end = read_date(row, 6);
  return role;
}

}  // namespace dk::store
