#pragma once
// Persistence of the registry, written once in the SQL both engines share. Every method is
// scoped by the tenant (the agency's id) and runs inside the caller's transaction, if any.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/member_query.hpp"
#include "core/registry.hpp"
#include "core/vietnamese_text.hpp"
#include "store/sql.hpp"

namespace dk::store {

// A row an import stages, already checked and canonical (see service/member_import).
struct StagedMember {
  std::uint64_t line = 0;
  Person person;          // unit_id is left empty: the unit is named
  NameKeys keys;          // of person.full_name; computed here when left empty
  std::string unit_name;  // a unit's code or name; created if the agency does not have it
  std::optional<CivilDate> joined_on;
  std::string card_number;
  MembershipStatus status = MembershipStatus::active;
};
using StagedMemberProducer = std::function<Result<bool>(StagedMember& row)>;

// How a search by name reads the word index. A drive reads index rows in name order, each row
// checked against the index for `others`: each typed word through the words it begins (or, when it
// begins too many or none, against the name). Usually the typed word with the fewest people drives
// through the words it begins. A search of several words whose words begin few enough words is
// driven instead by the combinations of those words (word_combinations): `combinations` are the
// keys, exact, and `long_names` probes every typed word on the rows of names too long to combine
// ("~*"); a person has rows of one kind or the other.
struct SearchPlan {
  using Probes = std::vector<std::pair<std::string, std::vector<std::string>>>;
  std::string driving;
  std::vector<std::string> combinations;
  Probes others;
  Probes long_names;
};

class RegistryStore {
 public:
  explicit RegistryStore(SqlConnection& connection) : connection_(connection) {}

  Result<Agency> create_agency(const Agency& agency);
  Result<std::optional<Agency>> find_agency(std::string_view code);
  Result<std::vector<Agency>> list_agencies();

  Result<Unit> create_unit(Id tenant, const Unit& unit);
  // By code, or by name ignoring case and spacing.
  Result<std::optional<Unit>> find_unit(Id tenant, std::string_view code_or_name);
  Result<std::vector<Unit>> list_units(Id tenant);  // in Vietnamese order of name

  Result<Organization> create_organization(Id tenant, const Organization& organization);
  Result<std::optional<Organization>> find_organization(Id tenant, std::string_view code);
  Result<std::vector<Organization>> list_organizations(Id tenant);
  // The organizations of other agencies of this installation whose superior is `organization` of
  // `tenant` (an agency's grassroots union under a province's federation), with their agency.
  Result<std::vector<std::pair<Id, Organization>>> organizations_below_elsewhere(Id tenant,
                                                                                 Id organization);

  Result<Person> create_person(Id tenant, const Person& person);
  Result<std::optional<Person>> find_person(Id tenant, Id id);
  Result<std::optional<Person>> find_person_by_id_number(Id tenant, std::string_view id_number);
  // Rewrites every field of the person and the keys derived from the name.
  Status update_person(Id tenant, const Person& person);

  Result<Membership> create_membership(Id tenant, const Membership& membership);
  Result<std::vector<Membership>> memberships_of(Id tenant, Id person_id);
  Result<std::optional<Membership>> find_membership(Id tenant, Id id);
  Status update_membership(Id tenant, const Membership& membership);
  Result<std::optional<Organization>> find_organization_by_id(Id tenant, Id id);
  Result<std::optional<Unit>> find_unit_by_id(Id tenant, Id id);
  Result<std::vector<CommitteeRole>> committee_roles_of_person(Id tenant, Id person_id);
  Result<std::optional<CommitteeRole>> find_committee_role(Id tenant, Id id);
  Status update_committee_role(Id tenant, const CommitteeRole& role);

  // Changes to the structure; each rewrites the record and the keys derived from its name.
  Status update_agency(const Agency& agency);
  Status update_unit(Id tenant, const Unit& unit);
  // Refused with "unit.not_empty" while people belong to the unit.
  Status delete_unit(Id tenant, Id id);
  Status update_organization(Id tenant, const Organization& organization);
  Result<std::optional<PartnerUnit>> find_partner_unit(Id tenant, Id id);
  Status update_partner_unit(Id tenant, const PartnerUnit& partner);
  Status delete_partner_unit(Id tenant, Id id);

  Result<CommitteeRole> create_committee_role(Id tenant, const CommitteeRole& role);
  Result<std::vector<CommitteeRole>> committee_of(Id tenant, Id organization_id);

  Result<PartnerUnit> create_partner_unit(Id tenant, const PartnerUnit& partner);
  Result<std::vector<PartnerUnit>> list_partner_units(Id tenant);

  // Streams the people a query selects, in Vietnamese name order.
  Status list_members(Id tenant, const MemberQuery& query,
                      const std::function<Status(const MemberListing&)>& callback);
  Result<std::int64_t> count_members(Id tenant, const MemberQuery& query);
  // How list_members and count_members read the word index for the folded words of a search (none:
  // they read the names).
  Result<std::optional<SearchPlan>> plan_search(Id tenant, const std::vector<std::string>& words);

  // Loads checked rows: matches people already in the registry (same CCCD; else same name and
  // birth date) and earlier rows of the same file, creates the rest once each, and makes them
  // members of `organization_id` if given. Runs in the caller's transaction. Each engine gets
  // its fastest shape: row by row on SQLite (in-process, a probe costs a microsecond), set-based
  // over a staged COPY on PostgreSQL (where each round trip costs more than a whole row's work).
  Result<ImportCounts> import_members(Id tenant, std::optional<Id> organization_id,
                                      const StagedMemberProducer& rows);

 private:
  Result<ImportCounts> import_members_row_by_row(Id tenant, std::optional<Id> organization_id,
                                                 const StagedMemberProducer& rows);
  Result<ImportCounts> import_members_set_based(Id tenant, std::optional<Id> organization_id,
                                                const StagedMemberProducer& rows);
  // Inserts a person under an id already handed out.
  enum class WordIndexing { now, later };
  // `later`: the caller indexes the names in bulk with index_words_of_new_people.
  Status insert_person(Id tenant, Id id, const Person& person, const NameKeys& keys,
                       WordIndexing indexing = WordIndexing::now);
  // Indexes the words of the names of the people with ids from `first_id` on, in one sorted
  // insert: far cheaper than a random index insert per word.
  Status index_words_of_new_people(Id tenant, Id first_id);
  // The unit a file names (by code, or by name ignoring case and spacing), created if missing;
  // the flag says whether it was.
  Result<std::pair<Id, bool>> find_or_create_unit(Id tenant, const std::string& name);
  // Hands out `count` consecutive ids for `table` in `tenant`; returns the first.
  Result<Id> reserve_ids(Id tenant, std::string_view table, std::int64_t count);
  // Finds or creates the units that staged import rows name; returns how many were created.
  Result<std::int64_t> resolve_units(Id tenant);

  enum class WordChange { add, remove };
  // Keeps person_words, the search index of names, in step with a person's keys.
  Status write_person_words(Id tenant, Id person_id, const NameKeys& keys, WordChange change);

  SqlConnection& connection_;
};

}  // namespace dk::store
