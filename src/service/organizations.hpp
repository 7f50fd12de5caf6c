#pragma once
// The agency's structure (units, organizations, partner units) and what ties people to
// organizations (memberships, committee seats), as the web service offers them: readable by
// everyone signed in, changed by administrators and by the officers of the organization concerned.

#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

Result<Agency> read_agency(Connection& connection, const Actor& actor);
// A new agency, from the command line (no account exists before it): its code and name checked,
// a code already taken refused, and the creation audited as the command line's.
Result<Agency> create_agency(Connection& connection, Agency agency, const Clock& clock);
// A department with the number of people in it who are current members of an organization.
struct UnitSummary {
  Unit unit;
  std::int64_t people = 0;
};
Result<std::vector<UnitSummary>> list_units(Connection& connection, const Actor& actor);
Result<Unit> create_unit(Connection& connection, const Actor& actor, Unit unit);
// An organization with its number of current members (0 for one outside the agency).
struct OrganizationSummary {
  Organization organization;
  std::int64_t members = 0;
};
Result<std::vector<OrganizationSummary>> list_organizations(Connection& connection,
                                                            const Actor& actor);

struct OrganizationRecord {
  Organization organization;
  std::optional<Organization> superior;  // when it is recorded in this agency
  std::vector<CommitteeRole> committee;
  std::int64_t members = 0;
};
Result<OrganizationRecord> read_organization(Connection& connection, const Actor& actor, Id id);

Result<std::vector<PartnerUnit>> list_partner_units(Connection& connection, const Actor& actor);
Result<PartnerUnit> create_partner_unit(Connection& connection, const Actor& actor,
                                        PartnerUnit partner);

Result<Membership> create_membership(Connection& connection, const Actor& actor,
                                     Membership membership);

struct MembershipChanges {
  std::optional<std::optional<CivilDate>> joined_on;
  std::optional<MembershipStatus> status;
  std::optional<std::string> card_number;
  std::optional<std::optional<CivilDate>> left_on;
  std::optional<std::string> leave_reason;
};
Result<Membership> update_membership(Connection& connection, const Actor& actor, Id id,
                                     const MembershipChanges& changes);

Result<CommitteeRole> create_committee_role(Connection& connection, const Actor& actor,
                                            CommitteeRole role);

// Changes to the structure, by administrators: only the fields given change.
struct AgencyChanges {
  std::optional<std::string> name;
  std::optional<std::string> province;
};
Result<Agency> update_agency(Connection& connection, const Actor& actor,
                             const AgencyChanges& changes);

struct UnitChanges {
  std::optional<std::string> name;
  std::optional<std::string> code;
};
Result<Unit> update_unit(Connection& connection, const Actor& actor, Id id,
                         const UnitChanges& changes);
// Refused while people belong to the unit.
Status delete_unit(Connection& connection, const Actor& actor, Id id);

// A new organization of the agency, or an outside one (external) recorded as a superior.
Result<Organization> create_organization(Connection& connection, const Actor& actor,
                                         Organization organization);
struct OrganizationChanges {
  std::optional<std::string> name;
  std::optional<std::string> code;
  std::optional<OrganizationKind> kind;
  std::optional<std::optional<Id>> superior_id;  // an organization recorded in this agency
};
Result<Organization> update_organization(Connection& connection, const Actor& actor, Id id,
                                         const OrganizationChanges& changes);

struct PartnerUnitChanges {
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> note;
};
Result<PartnerUnit> update_partner_unit(Connection& connection, const Actor& actor, Id id,
                                        const PartnerUnitChanges& changes);
Status delete_partner_unit(Connection& connection, const Actor& actor, Id id);

// Ends a committee seat today (the term's end moves to today); the seat stays as history.
Result<CommitteeRole> end_committee_role(Connection& connection, const Actor& actor, Id id);

}  // namespace dk::service
