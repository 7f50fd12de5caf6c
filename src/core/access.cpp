#include "core/access.hpp"

namespace dk {
namespace {

bool officer_of_any(const Principal& principal, const std::vector<Id>& organizations) {
  return std::ranges::any_of(
      organizations, [&](Id organization) { return principal.is_officer_of(organization); });
}

}  // namespace

PeopleScope people_scope(const Principal& principal) {
  PeopleScope scope;
  scope.self = principal.person_id;
  // Officers look people up across the agency to enrol them; leadership reads everything.
  scope.everyone = principal.administrator || principal.leadership || principal.is_officer();
  if (!scope.everyone) scope.organizations = principal.member_of;
  return scope;
}

bool may_see_personal_data(const Principal& principal, Id person_id,
                           const std::vector<Id>& person_organizations) {
  return principal.administrator || principal.person_id == person_id ||
         officer_of_any(principal, person_organizations);
}

bool may_manage_structure(const Principal& principal) {
  return principal.administrator;
}

bool may_manage_organization(const Principal& principal, Id organization) {
  return principal.administrator || principal.is_officer_of(organization);
}

bool may_address_members(const Principal& principal, std::optional<Id> organization) {
  if (principal.administrator || principal.leadership) return true;
  return organization && principal.is_officer_of(*organization);
}

bool may_create_person(const Principal& principal) {
  return principal.administrator || principal.is_officer();
}

bool may_update_person(const Principal& principal, Id person_id,
                       const std::vector<Id>& person_organizations) {
  return principal.person_id == person_id || may_change_identity(principal, person_organizations);
}

bool may_change_identity(const Principal& principal, const std::vector<Id>& person_organizations) {
  return principal.administrator || officer_of_any(principal, person_organizations);
}

bool may_read_audit_log(const Principal& principal) {
  return principal.administrator;
}

bool may_read_statistics(const Principal& principal) {
  return principal.administrator || principal.leadership || principal.is_officer();
}

bool may_import_members(const Principal& principal) {
  return principal.administrator;
}

bool may_manage_fund(const Principal& principal, const std::vector<Id>& organizers) {
  return principal.administrator || officer_of_any(principal, organizers);
}

bool may_import_bank_statement(const Principal& principal) {
  return principal.administrator || principal.is_officer();
}

}  // namespace dk
