#pragma once
// The records of the registry: an agency (the tenant), its units (departments), the
// organizations in their tree, people, memberships, executive-committee roles and partner units.
// Plain values: the store persists them, the service applies the rules.

#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/registry_codes.hpp"

namespace dk {

using Id = std::int64_t;

// An agency (cơ quan) is the tenant: every other record belongs to exactly one.
struct Agency {
  Id id = 0;
  std::string code;  // short and stable, e.g. "STP-HT"
  std::string name;  // "Sở Tư pháp Hà Tĩnh"
  std::string province;
};

// A department or affiliated unit of the agency (phòng, văn phòng, trung tâm).
struct Unit {
  Id id = 0;
  std::string code;
  std::string name;
};

// A reference to an organization that may live in another agency: a grassroots organization's
// superior (cấp trên) is usually outside it, e.g. the provincial youth union.
struct OrganizationRef {
  Id agency_id = 0;
  Id organization_id = 0;
};

struct Organization {
  Id id = 0;
  std::string code;  // "CD", "DTN", "CHLG"
  std::string name;
  OrganizationKind kind = OrganizationKind::other;
  std::optional<OrganizationRef> superior;
  // True for an organization recorded only as some grassroots organization's superior: it is not
  // part of the agency and has no members here.
  bool external = false;
};

struct Person {
  Id id = 0;
  std::string full_name;  // normalized, as written: "Nguyễn Thị Đức"
  std::optional<Gender> gender;
  std::optional<CivilDate> birth_date;
  std::string id_number;  // Số CCCD (12 digits) or an older CMND (9 digits); empty if unknown
  std::string phone;
  std::string email;
  std::string address;
  std::optional<Id> unit_id;
  std::string position;  // chức vụ, e.g. "Chuyên viên"
};

struct Membership {
  Id id = 0;
  Id person_id = 0;
  Id organization_id = 0;
  std::optional<CivilDate> joined_on;
  MembershipStatus status = MembershipStatus::active;
  std::string card_number;
  std::optional<CivilDate> left_on;
  std::string leave_reason;
};

// A seat on an organization's executive committee (Ban Chấp hành) for one term.
struct CommitteeRole {
  Id id = 0;
  Id organization_id = 0;
  Id person_id = 0;
  CommitteeRoleKind role = CommitteeRoleKind::member;
  std::string term;  // "2022–2027"
  std::optional<CivilDate> term_start;
  std::optional<CivilDate> term_end;
  std::string person_name;  // filled when an organization's committee is read, for display
};

// An outside unit the agency's organizations do exchanges with (đơn vị bạn).
struct PartnerUnit {
  Id id = 0;
  std::string name;
  std::string address;
  std::string contact_name;
  std::string contact_phone;
  std::string note;
};

}  // namespace dk
