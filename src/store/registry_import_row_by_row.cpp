// RegistryStore::import_members, row by row SQLite. SQLite runs in our process, so an index
// probe costs a microsecond or two and a statement prepared once costs no round trip: matching
// each row as it arrives is cheaper than staging every row in a temporary table and matching
// them set-based afterwards (which writes every row twice and sorts it several times). Rows of
// the same file match each other because earlier rows are already in `persons`, inside the same
// transaction; memory stays flat because nothing but the few units is remembered.
//
// The matching is the set-based one's (registry_import.cpp), row by row:
// - a row with a CCCD is the person with that CCCD (already registered, or created by an earlier
//   row); else, with a birth date, someone registered before this import with the same name and
//   birth date and no CCCD yet, who then gets it; else someone new;
// - a row without a CCCD is the person registered before this import with the same name and birth
//   date (any CCCD), else one created by an earlier row without a CCCD, else someone new;
// - the first row that matches someone registered before fills in what they lacked; people
//   created by the import hold their first row; each person is enrolled once.

#include <fmt/format.h>

#include <unordered_map>

#include "core/vietnamese_text.hpp"
#include "store/registry_rows.hpp"
#include "store/registry_store.hpp"

namespace dk::store {
namespace {

// Units are few, but a file could name a different one on every row; past this many the cache
// starts over, and the units index answers instead.
constexpr size_t kMaxCachedUnits = 4096;

constexpr std::string_view kFindByIdNumber =
    "SELECT id FROM persons WHERE tenant_id = $1 AND id_number = $2 AND id_number <> ''";
// People already there keep what they have; what they lacked is filled from the file.
constexpr std::string_view kFillIn =
    "UPDATE persons SET gender = coalesce(gender, $3), birth_date = coalesce(birth_date, $4), "
    "id_number = CASE WHEN id_number = '' THEN $5 ELSE id_number END, "
    "phone = CASE WHEN phone = '' THEN $6 ELSE phone END, "
    "email = CASE WHEN email = '' THEN $7 ELSE email END, "
    "address = CASE WHEN address = '' THEN $8 ELSE address END, "
    "position = CASE WHEN position = '' THEN $9 ELSE position END, "
    "unit_id = coalesce(unit_id, $10) WHERE tenant_id = $1 AND id = $2";
// People registered before the import that a row has matched already: only the first such row
// fills in and enrols. A temporary table, not a set in memory, so that re-importing a million
// people keeps memory flat; importing newcomers never touches it.
constexpr std::string_view kCreateSeen =
    "CREATE TEMP TABLE IF NOT EXISTS import_seen (person_id INTEGER PRIMARY KEY)";
constexpr std::string_view kMarkSeen = "INSERT OR IGNORE INTO import_seen (person_id) VALUES ($1)";
constexpr std::string_view kEnrol =
    "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, status, "
    "card_number) SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM memberships "
    "WHERE tenant_id = $1 AND organization_id = $4 AND person_id = $3 AND status <> 'left')";

}  // namespace

Result<ImportCounts> RegistryStore::import_members_row_by_row(Id tenant,
                                                              std::optional<Id> organization_id,
                                                              const StagedMemberProducer& rows) {
  ImportCounts counts;
  // Ids are handed out here one by one and reserved in one statement at the end: the
  // transaction holds SQLite's write lock, so nobody else can take them in between.
  auto next_id = [&](std::string_view table) -> Result<Id> {
    const SqlValue params[] = {tenant, std::string(table)};
    auto next = TRY(query_integer(
        connection_, "SELECT next_id FROM id_counters WHERE tenant_id = $1 AND name = $2", params));
    return next.value_or(1);
  };
  auto first_person = TRY(next_id("persons"));
  auto first_membership = TRY(next_id("memberships"));
  Id person_counter = first_person;
  // Into an agency with nobody yet (the first import), a row with a CCCD has nobody registered
  // before to match by name: that probe is skipped.
  const bool anyone_registered_before = first_person > 1;
  Id membership_counter = first_membership;

  if (auto created = connection_.execute_script(kCreateSeen); !created) {
    return std::unexpected(created.error());
  }
  if (auto emptied = connection_.execute_script("DELETE FROM temp.import_seen"); !emptied) {
    return std::unexpected(emptied.error());
  }

  std::unordered_map<std::string, Id> units;  // by the unit's name in lower case
  auto unit_of = [&](const std::string& name) -> Result<std::optional<Id>> {
    if (name.empty()) return std::nullopt;
    std::string key = lower_case(name);
    if (auto found = units.find(key); found != units.end()) return found->second;
    auto unit = TRY(find_or_create_unit(tenant, name));
    if (unit.second) ++counts.units_created;
    if (units.size() >= kMaxCachedUnits) units.clear();
    units.emplace(std::move(key), unit.first);
    return unit.first;
  };

  // The id of someone a query names, or nothing.
  auto find = [&](std::string_view sql, std::span<const SqlValue> params) -> Result<Id> {
    auto id = TRY(query_integer(connection_, sql, params));
    return id.value_or(0);
  };

  StagedMember row;
  for (;;) {
    row = StagedMember{};
    auto more = TRY(rows(row));
    if (!more) break;
    ++counts.rows;
    Person& person = row.person;
    auto unit = TRY(unit_of(row.unit_name));
    person.unit_id = unit;
    if (row.keys.sort.empty()) row.keys = person_name_keys(person.full_name);
    const std::string& name_key = row.keys.match;
    const SqlValue birth = date_value(person.birth_date);
    const SqlValue gender =
        person.gender ? SqlValue(std::string(code_of(*person.gender))) : SqlValue();

    Result<Id> match = Id{0};
    if (!person.id_number.empty()) {
      const SqlValue params[] = {tenant, person.id_number};
      match = find(kFindByIdNumber, params);
      if (match && *match == 0 && person.birth_date && anyone_registered_before) {
        const SqlValue name_params[] = {tenant, name_key, birth, first_person};
        match = find(kFindByNameWithIdNumber, name_params);
      }
    } else if (person.birth_date) {
      const SqlValue params[] = {tenant, name_key, birth, first_person};
      match = find(kFindByNameWithoutIdNumber, params);
    }
    if (!match) return std::unexpected(match.error());

    Id person_id = *match;
    bool first_row_of_person = false;
    if (person_id == 0) {
      person_id = person_counter++;
      first_row_of_person = true;
      if (auto inserted = insert_person(tenant, person_id, person, row.keys, WordIndexing::later);
          !inserted) {
        return std::unexpected(inserted.error());
      }
      ++counts.people_created;
    } else if (person_id < first_person) {
      const SqlValue seen_params[] = {person_id};
      auto marked = TRY(connection_.execute(kMarkSeen, seen_params));
      first_row_of_person = marked == 1;
      if (first_row_of_person) {
        const SqlValue params[] = {
            tenant,       person_id,    gender,         birth,           person.id_number,
            person.phone, person.email, person.address, person.position, nullable(person.unit_id)};
        if (auto filled = connection_.execute(kFillIn, params); !filled) {
          return std::unexpected(filled.error());
        }
      }
    }

    if (organization_id && first_row_of_person) {
      const SqlValue params[] = {
          tenant,           membership_counter,        person_id,
          *organization_id, date_value(row.joined_on), std::string(code_of(row.status)),
          row.card_number};
      auto enrolled = TRY(connection_.execute(kEnrol, params));
      if (enrolled == 1) {
        ++membership_counter;
        ++counts.memberships_added;
      } else {
        ++counts.already_members;
      }
    }
  }
  counts.people_matched = counts.rows - counts.people_created;

  // Reserve what was handed out; nobody else can have reserved since (see next_id).
  auto reserve = [&](std::string_view table, Id first, Id next) -> Status {
    if (next == first) return {};
    auto reserved = TRY(reserve_ids(tenant, table, next - first));
    if (reserved != first) {
      return fail(ErrorKind::internal, "store.id_race",
                  "Số thứ tự bản ghi bị cấp trùng trong khi nhập.",
                  fmt::format("Ids of {} were handed out twice during the import.", table));
    }
    return {};
  };
  if (auto done = reserve("persons", first_person, person_counter); !done) {
    return std::unexpected(done.error());
  }
  if (person_counter > first_person) {
    if (auto indexed = index_words_of_new_people(tenant, first_person); !indexed) {
      return std::unexpected(indexed.error());
    }
  }
  if (auto done = reserve("memberships", first_membership, membership_counter); !done) {
    return std::unexpected(done.error());
  }
  if (auto emptied = connection_.execute_script("DELETE FROM temp.import_seen"); !emptied) {
    return std::unexpected(emptied.error());
  }
  return counts;
}

}  // namespace dk::store
