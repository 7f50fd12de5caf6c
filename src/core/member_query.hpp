#pragma once
// Lists of people: what a list asks for (filters, order, page), what each row shows, and what
// an import of a member list came to.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/registry.hpp"

namespace dk {

// Which people a list shows. Empty optionals do not filter.
// The order of a list of people: Vietnamese name order (given name, middle, family), its reverse,
// or by department (in the departments' name order) and then by name.
enum class PeopleOrder { name, name_descending, unit };

// Whether a person takes part now: a current membership (in the list's organization when it has
// one, else in any) or none. The dashboard's "current members" is the count of the first; people
// in the second are new to the registry, have left, or (with an organization) are not in it yet.
enum class MembershipState { current, none };

struct MemberQuery {
  std::optional<Id> organization_id;
  std::optional<Id> unit_id;
  std::string search;  // as typed; folded here, each word matched as the start of a name's word
  bool include_former = false;  // people whose membership in the organization has ended
  std::optional<MembershipState> membership;  // none: everyone (include_former decides with an
                                              // organization)
  PeopleOrder order = PeopleOrder::name;
  // When set, only people with a current membership in one of these organizations, and the
  // person `including_person`, are listed: what a plain member may see.
  std::optional<std::vector<Id>> within_organizations;
  Id including_person = 0;
  std::int64_t limit = -1;        // -1: no limit
  std::int64_t count_limit = -1;  // count_members stops there when searching; -1: exact
  std::int64_t offset = 0;
};

// A person as a list shows them: with the unit's name, the codes of their current
// organizations, and their membership in the organization the list is filtered by.
struct MemberListing {
  Person person;
  std::string unit_name;
  std::string organization_codes;    // "CD, DTN"
  std::vector<Id> organization_ids;  // of the current memberships
  std::optional<Membership> membership;
};

struct ImportCounts {
  std::int64_t rows = 0;            // valid rows staged
  std::int64_t people_created = 0;  // people new to the registry
  std::int64_t people_matched = 0;  // rows that were someone already there (or earlier in the file)
  std::int64_t memberships_added = 0;
  std::int64_t already_members = 0;
  std::int64_t units_created = 0;
};

}  // namespace dk
