#pragma once
// Who may do what. A signed-in account acts as a Principal: explicit grants (administrator,
// leadership) plus what the person's own records make of them — a current committee seat makes
// them an officer of that organization, a current membership a member of it. The rules here are
// pure; the service layer asks them before every read and write, whatever the UI offers.

#include <algorithm>
#include <optional>
#include <vector>

#include "core/registry.hpp"

namespace dk {

enum class Grant { administrator, leadership };

struct Principal {
  Id tenant = 0;
  Id account_id = 0;
  Id person_id = 0;
  bool administrator = false;
  bool leadership = false;     // Party committee, the Department's leaders: read everything
  std::vector<Id> officer_of;  // organizations with a current committee seat
  std::vector<Id> member_of;   // organizations with a current membership

  bool is_officer_of(Id organization) const {
    return std::ranges::find(officer_of, organization) != officer_of.end();
  }
  bool is_member_of(Id organization) const {
    return std::ranges::find(member_of, organization) != member_of.end();
  }
  bool is_officer() const { return !officer_of.empty(); }
};

// What a principal may see of people: everyone in the agency, or only the people of some
// organizations (their own, for a member) and themselves.
struct PeopleScope {
  bool everyone = false;
  std::vector<Id> organizations;  // when not everyone: people with a current membership in one
  Id self = 0;
};
PeopleScope people_scope(const Principal& principal);

// Date of birth, CCCD, phone, email and address of a person (the personal-data rule in force,
// core/legal_rules.hpp): visible to the person, to officers of an organization the person is a
// current member of, and to administrators; everyone else gets the record without them.
bool may_see_personal_data(const Principal& principal, Id person_id,
                           const std::vector<Id>& person_organizations);

// The agency's structure (units, organizations, partner units) and accounts.
bool may_manage_structure(const Principal& principal);
// An organization's members and committee.
bool may_manage_organization(const Principal& principal, Id organization);
// Speaking to members in an organization's name (posting a directive, running a poll):
// administrators and the leadership for the agency (no organization) or any organization; an
// organization's officers for it.
bool may_address_members(const Principal& principal, std::optional<Id> organization);
// Adding a person to the registry: administrators, and officers (who then enrol them).
bool may_create_person(const Principal& principal);
// Changing a person's record: administrators, officers of one of the person's organizations, and
// the person themselves (their contact details only; see may_change_identity).
bool may_update_person(const Principal& principal, Id person_id,
                       const std::vector<Id>& person_organizations);
// Name, birth date, CCCD, unit and position are the organization's to change, not the person's.
bool may_change_identity(const Principal& principal, const std::vector<Id>& person_organizations);
bool may_read_audit_log(const Principal& principal);
// Counts of members by organization and department: not personal data, but the agency's
// overview belongs to those who run it — administrators, leadership and officers.
bool may_read_statistics(const Principal& principal);
// A member list sent from the office: rows are matched to people anywhere in the agency and
// enrolled, which would open strangers' records to an officer, so administrators only.
bool may_import_members(const Principal& principal);
// A fund (its donations, disbursement requests and approvals): administrators and officers of
// one of the organizations that run it.
bool may_manage_fund(const Principal& principal, const std::vector<Id>& organizers);
// A bank statement holds every transfer to the agency's account, whatever fund it is for: the
// officers who keep funds, and administrators.
bool may_import_bank_statement(const Principal& principal);

}  // namespace dk
