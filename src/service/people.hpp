#pragma once
// The registry's people as the web service offers them: listed, read, added, changed and taken
// off the rolls, each checked against what the actor may do, with personal data shown only to
// those entitled and every change and every read of personal data in the audit log.

#include <optional>
#include <string>
#include <vector>

#include "core/member_query.hpp"
#include "core/registry.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct PeopleRequest {
  std::string search;
  std::optional<Id> organization_id;
  std::optional<Id> unit_id;
  bool include_former = false;
  std::optional<MembershipState> membership;
  PeopleOrder order = PeopleOrder::name;
  std::int64_t limit = 50;
  std::int64_t offset = 0;
};

// A person as the actor may see them: when personal_data is false, the date of birth, CCCD,
// phone, email and address are empty.
struct PersonView {
  Person person;
  bool personal_data = false;
  std::string unit_name;
  std::string organization_codes;
  std::optional<Membership> membership;  // in the organization the list is filtered by
};

// A search counts its matches up to this many; a list without a search counts them all.
inline constexpr std::int64_t kSearchCountLimit = 1000;

struct PeoplePage {
  std::vector<PersonView> items;
  std::int64_t total = 0;
  bool total_exact = true;  // false: a search found more than kSearchCountLimit, total says that
};

// Clears the date of birth, CCCD, phone, email and address.
void hide_personal_data(Person& person);

// The store query for the people the actor may see among those the request filters: a member's
// own organizations and themselves, and a search by number only where they may see numbers.
MemberQuery visible_people(const Actor& actor, const PeopleRequest& request);

Result<PeoplePage> list_people(Connection& connection, const Actor& actor,
                               const PeopleRequest& request);

struct PersonRecord {
  PersonView view;
  std::vector<Membership> memberships;
  std::vector<CommitteeRole> committee_roles;
};

Result<PersonRecord> read_person(Connection& connection, const Actor& actor, Id id);

// A new person, optionally enrolled at once in an organization the actor manages.
struct NewPerson {
  Person person;  // full_name required; the rest optional
  std::optional<Id> organization_id;
  std::optional<CivilDate> joined_on;
  std::string card_number;
};

Result<PersonRecord> create_person(Connection& connection, const Actor& actor, NewPerson request);

// The fields a change names; the others stay. An inner empty optional clears the field.
struct PersonChanges {
  std::optional<std::string> full_name;
  std::optional<std::optional<Gender>> gender;
  std::optional<std::optional<CivilDate>> birth_date;
  std::optional<std::string> id_number;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> address;
  std::optional<std::optional<Id>> unit_id;
  std::optional<std::string> position;
};

Result<PersonRecord> update_person(Connection& connection, const Actor& actor, Id id,
                                   const PersonChanges& changes);

// Ends every current membership of the person (they left the agency); the record and its history
// stay. Administrators only.
Result<PersonRecord> remove_person(Connection& connection, const Actor& actor, Id id,
                                   std::string reason);

}  // namespace dk::service
