// RegistryStore::import_members, set-based (PostgreSQL): the service checks each row; here the
// checked rows are staged in a temporary table with COPY and matched, created and enrolled with a
// handful of statements, whatever the number of rows, so the import keeps flat memory and pays a
// few round trips instead of several per row.
//
// The matching is the row-by-row path's (registry_import_row_by_row.cpp), in sets: a row is the
// person registered before the import with its CCCD, else (with a birth date) with its name and
// birth date — any such person for a row without a CCCD, one without a CCCD yet for a row with
// one; the other rows are new people, one per group of rows that share a CCCD, or without one a
// name and birth date. Each statement reads the staged rows once and writes a small table or the
// registry, never the staged rows again: rewriting a million staged rows costs a second each time.

#include <fmt/format.h>

#include "core/vietnamese_text.hpp"
#include "store/registry_store.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kStaging =
    "CREATE TEMP TABLE import_rows ("
    "line BIGINT NOT NULL, group_key TEXT NOT NULL, full_name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, search_key TEXT NOT NULL, sort_key BYTEA NOT NULL, gender TEXT, "
    "birth_date DATE, id_number TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, "
    "address TEXT NOT NULL, position TEXT NOT NULL, joined_on DATE, card_number TEXT NOT NULL, "
    "status TEXT NOT NULL, unit_name TEXT NOT NULL, unit_key TEXT NOT NULL) ON COMMIT DROP";

constexpr std::string_view kStagingColumns[] = {
    "line",     "group_key",  "full_name",   "name_key", "search_key", "sort_key",
    "gender",   "birth_date", "id_number",   "phone",    "email",      "address",
    "position", "joined_on",  "card_number", "status",   "unit_name",  "unit_key"};

// The statements after the COPY join tables of a million rows by hash; the default 4 MB of
// work_mem would spill those to disk. For this transaction only.
constexpr std::string_view kSessionForBulk = "SET LOCAL work_mem = '128MB'";

// Someone registered before the import, by CCCD, else by name and birth date. Only rows that
// match are kept.
constexpr std::string_view kMatchedTable =
    "CREATE TEMP TABLE import_matched (line BIGINT NOT NULL, person_id BIGINT NOT NULL) ON "
    "COMMIT DROP";
constexpr std::string_view kMatch =
    "INSERT INTO import_matched (line, person_id) SELECT line, person_id FROM ("
    "SELECT r.line, coalesce("
    "(SELECT p.id FROM persons p WHERE p.tenant_id = $1 AND p.id_number = r.id_number AND "
    "p.id_number <> '' AND r.id_number <> ''), "
    "(SELECT min(p.id) FROM persons p WHERE p.tenant_id = $1 AND p.name_key = r.name_key AND "
    "p.birth_date = r.birth_date AND (r.id_number = '' OR p.id_number = ''))) AS person_id "
    "FROM import_rows r) m WHERE person_id IS NOT NULL";

// The new people: one per group of unmatched rows, ranked in the order of the group's first row,
// which holds what is stored. Their ids are the first reserved one - 1 + rank: the ranks are
// counted before the ids are reserved.
constexpr std::string_view kNewTable =
    "CREATE TEMP TABLE import_new (first_line BIGINT NOT NULL, rank BIGINT NOT NULL) ON COMMIT "
    "DROP";
constexpr std::string_view kNewPeople =
    "INSERT INTO import_new (first_line, rank) "
    "SELECT first_line, row_number() OVER (ORDER BY first_line) FROM (SELECT min(r.line) AS "
    "first_line FROM import_rows r WHERE NOT EXISTS "
    "(SELECT 1 FROM import_matched m WHERE m.line = r.line) GROUP BY r.group_key) g";

constexpr std::string_view kInsertPeople =
    "INSERT INTO persons (tenant_id, id, full_name, name_key, search_key, sort_key, gender, "
    "birth_date, id_number, phone, email, address, unit_id, position) "
    "SELECT CAST($1 AS BIGINT), CAST($2 AS BIGINT) - 1 + n.rank, r.full_name, r.name_key, "
    "r.search_key, r.sort_key, "
    "r.gender, r.birth_date, r.id_number, r.phone, r.email, r.address, u.unit_id, r.position "
    "FROM import_new n JOIN import_rows r ON r.line = n.first_line "
    "LEFT JOIN import_units u ON u.unit_key = r.unit_key ORDER BY n.rank";

// People already there keep what they have; what they lacked is filled from their first row.
// Those who lack nothing are not written at all: PostgreSQL would write a new version of each.
constexpr std::string_view kFillIn =
    "UPDATE persons SET gender = coalesce(persons.gender, r.gender), "
    "birth_date = coalesce(persons.birth_date, r.birth_date), "
    "id_number = CASE WHEN persons.id_number = '' THEN r.id_number ELSE persons.id_number END, "
    "phone = CASE WHEN persons.phone = '' THEN r.phone ELSE persons.phone END, "
    "email = CASE WHEN persons.email = '' THEN r.email ELSE persons.email END, "
    "address = CASE WHEN persons.address = '' THEN r.address ELSE persons.address END, "
    "position = CASE WHEN persons.position = '' THEN r.position ELSE persons.position END, "
    "unit_id = coalesce(persons.unit_id, r.unit_id) "
    "FROM (SELECT f.person_id, i.*, u.unit_id FROM "
    "(SELECT person_id, min(line) AS first_line FROM import_matched GROUP BY person_id) f "
    "JOIN import_rows i ON i.line = f.first_line "
    "LEFT JOIN import_units u ON u.unit_key = i.unit_key) r "
    "WHERE persons.tenant_id = $1 AND persons.id = r.person_id AND ("
    "(persons.gender IS NULL AND r.gender IS NOT NULL) OR "
    "(persons.birth_date IS NULL AND r.birth_date IS NOT NULL) OR "
    "(persons.id_number = '' AND r.id_number <> '') OR (persons.phone = '' AND r.phone <> '') OR "
    "(persons.email = '' AND r.email <> '') OR (persons.address = '' AND r.address <> '') OR "
    "(persons.position = '' AND r.position <> '') OR "
    "(persons.unit_id IS NULL AND r.unit_id IS NOT NULL))";

// Each person of the file once, with their first row: who may be enrolled.
constexpr std::string_view kPeopleTable =
    "CREATE TEMP TABLE import_people (person_id BIGINT NOT NULL, first_line BIGINT NOT NULL) ON "
    "COMMIT DROP";
constexpr std::string_view kFirstRows =
    "INSERT INTO import_people (person_id, first_line) "
    "SELECT person_id, min(line) FROM import_matched GROUP BY person_id "
    "UNION ALL SELECT CAST($1 AS BIGINT) - 1 + rank, first_line FROM import_new";
constexpr std::string_view kCandidates =
    "FROM import_people f JOIN import_rows r ON r.line = f.first_line WHERE NOT EXISTS "
    "(SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.organization_id = $2 AND "
    "m.person_id = f.person_id AND m.status <> 'left')";

SqlValue date_value(const std::optional<CivilDate>& date) {
  if (!date) return std::monostate{};
  return format_iso(*date);
}

// Rows that are the same person share a group: the same CCCD, or without one the same name and
// birth date. A row with neither stands alone: two "Nguyễn Văn An" without a birth date may well
// be two people.
std::string group_key(const StagedMember& row, const std::string& name_key) {
  if (!row.person.id_number.empty()) return "c" + row.person.id_number;
  if (row.person.birth_date) return "n" + name_key + '\x1f' + format_iso(*row.person.birth_date);
  return fmt::format("l{}", row.line);
}

}  // namespace

// The units the staged rows name are few: each is found (by code or name) or created once, here
// rather than while rows stream in, because PostgreSQL cannot answer a query in the middle of a
// COPY. The file's first spelling of a unit is the one looked up, as on the row-by-row path.
Result<std::int64_t> RegistryStore::resolve_units(Id tenant) {
  std::vector<std::pair<std::string, std::string>> named;  // key, name as first written
  auto listed = connection_.query(
      "SELECT r.unit_key, r.unit_name FROM import_rows r JOIN (SELECT min(line) AS line FROM "
      "import_rows WHERE unit_key <> '' GROUP BY unit_key) f ON f.line = r.line",
      {}, [&](const SqlRow& row) -> Status {
        named.emplace_back(row.text(0), row.text(1));
        return {};
      });
  if (!listed) return std::unexpected(listed.error());
  if (auto created = connection_.execute_script(
          "CREATE TEMP TABLE import_units (unit_key TEXT PRIMARY KEY, unit_id BIGINT NOT NULL) "
          "ON COMMIT DROP");
      !created) {
    return std::unexpected(created.error());
  }
  std::int64_t created = 0;
  for (const auto& [key, name] : named) {
    auto unit = TRY(find_or_create_unit(tenant, name));
    if (unit.second) ++created;
    const SqlValue params[] = {key, unit.first};
    if (auto set = connection_.execute(
            "INSERT INTO import_units (unit_key, unit_id) VALUES ($1, $2)", params);
        !set) {
      return std::unexpected(set.error());
    }
  }
  return created;
}

Result<ImportCounts> RegistryStore::import_members(Id tenant, std::optional<Id> organization_id,
                                                   const StagedMemberProducer& rows) {
  if (connection_.engine() == Engine::sqlite) {
    return import_members_row_by_row(tenant, organization_id, rows);
  }
  return import_members_set_based(tenant, organization_id, rows);
}

Result<ImportCounts> RegistryStore::import_members_set_based(Id tenant,
                                                             std::optional<Id> organization_id,
                                                             const StagedMemberProducer& rows) {
  ImportCounts counts;
  auto step = connection_.execute_script(
      "DROP TABLE IF EXISTS import_rows, import_units, import_matched, import_new, "
      "import_people");
  if (step) step = connection_.execute_script(kSessionForBulk);
  if (step) step = connection_.execute_script(kStaging);
  if (step) step = connection_.execute_script(kMatchedTable);
  if (step) step = connection_.execute_script(kNewTable);
  if (step) step = connection_.execute_script(kPeopleTable);
  if (!step) return std::unexpected(step.error());

  StagedMember staged;
  auto staged_rows = connection_.bulk_insert(
      "import_rows", kStagingColumns, [&](std::vector<SqlValue>& out) -> Result<bool> {
        staged = StagedMember{};
        auto more = rows(staged);
        if (!more || !*more) return more;
        Person& person = staged.person;
        if (staged.keys.sort.empty()) staged.keys = person_name_keys(person.full_name);
        std::string unit_key = lower_case(staged.unit_name);
        out = {static_cast<std::int64_t>(staged.line),
               group_key(staged, staged.keys.match),
               std::move(person.full_name),
               std::move(staged.keys.match),
               std::move(staged.keys.search),
               Bytes{std::move(staged.keys.sort)},
               person.gender ? SqlValue(std::string(code_of(*person.gender))) : SqlValue(),
               date_value(person.birth_date),
               std::move(person.id_number),
               std::move(person.phone),
               std::move(person.email),
               std::move(person.address),
               std::move(person.position),
               date_value(staged.joined_on),
               std::move(staged.card_number),
               std::string(code_of(staged.status)),
               std::move(staged.unit_name),
               std::move(unit_key)};
        return true;
      });
  if (!staged_rows) return std::unexpected(staged_rows.error());
  counts.rows = *staged_rows;
  // Statistics let the planner join the staged rows by hash rather than row by row.
  if (step = connection_.execute_script("ANALYZE import_rows"); !step) {
    return std::unexpected(step.error());
  }

  auto units = TRY(resolve_units(tenant));
  counts.units_created = units;

  // Into an agency with nobody yet (the first import) nobody can match: the probes are skipped.
  const SqlValue tenant_param[] = {tenant};
  auto anyone =
      TRY(query_integer(connection_,
                        "SELECT count(*) FROM (SELECT 1 FROM persons WHERE tenant_id = $1 "
                        "LIMIT 1) p",
                        tenant_param));
  const bool anyone_registered = anyone.value_or(0) > 0;
  if (anyone_registered) {
    if (auto matched = connection_.execute(kMatch, tenant_param); !matched) {
      return std::unexpected(matched.error());
    }
  }

  auto created = TRY(connection_.execute(kNewPeople));
  counts.people_created = created;
  counts.people_matched = counts.rows - counts.people_created;
  Id first_person = 0;
  if (counts.people_created > 0) {
    auto reserved = TRY(reserve_ids(tenant, "persons", counts.people_created));
    first_person = reserved;
    const SqlValue params[] = {tenant, first_person};
    if (auto inserted = connection_.execute(kInsertPeople, params); !inserted) {
      return std::unexpected(inserted.error());
    }
    if (auto indexed = index_words_of_new_people(tenant, first_person); !indexed) {
      return std::unexpected(indexed.error());
    }
  }
  if (anyone_registered) {
    if (auto filled = connection_.execute(kFillIn, tenant_param); !filled) {
      return std::unexpected(filled.error());
    }
  }

  if (organization_id) {
    const SqlValue first_param[] = {first_person};
    if (auto listed = connection_.execute(kFirstRows, first_param); !listed) {
      return std::unexpected(listed.error());
    }
    const SqlValue params[] = {tenant, *organization_id};
    auto people = query_integer(connection_, "SELECT count(*) FROM import_people");
    auto candidates =
        query_integer(connection_, fmt::format("SELECT count(*) {}", kCandidates), params);
    if (!people) return std::unexpected(people.error());
    if (!candidates) return std::unexpected(candidates.error());
    counts.memberships_added = candidates->value_or(0);
    counts.already_members = people->value_or(0) - counts.memberships_added;
    if (counts.memberships_added > 0) {
      auto first_id = TRY(reserve_ids(tenant, "memberships", counts.memberships_added));
      const SqlValue insert_params[] = {tenant, *organization_id, first_id};
      TRY(connection_.execute(
          fmt::format(
              "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, "
              "status, card_number) SELECT CAST($1 AS BIGINT), CAST($3 AS BIGINT) - 1 + "
              "row_number() OVER (ORDER BY f.first_line), f.person_id, CAST($2 AS BIGINT), "
              "r.joined_on, r.status, r.card_number {}",
              kCandidates),
          insert_params));
    }
  }
  return counts;
}

}  // namespace dk::store
