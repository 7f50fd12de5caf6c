// RegistryStore::import_members, set-based (PostgreSQL): the service checks each row; here the
// checked rows are staged in a temporary table with COPY and matched, created and enrolled with a
// handful of statements, whatever the number of rows, so the import keeps flat memory and pays
// a few round trips instead of several per row.

#include <fmt/format.h>

#include "core/vietnamese_text.hpp"
#include "store/registry_store.hpp"

namespace dk::store {
namespace {

constexpr std::string_view kStagingSqlite =
    "CREATE TEMP TABLE import_rows ("
    "line INTEGER PRIMARY KEY, group_key TEXT NOT NULL, full_name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, search_key TEXT NOT NULL, sort_key BLOB NOT NULL, gender TEXT, "
    "birth_date TEXT, id_number TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, "
    "address TEXT NOT NULL, unit_id INTEGER, position TEXT NOT NULL, joined_on TEXT, "
    "card_number TEXT NOT NULL, status TEXT NOT NULL, unit_name TEXT NOT NULL, unit_key TEXT NOT "
    "NULL, "
    "person_id INTEGER, is_new INTEGER NOT NULL DEFAULT 0)";
constexpr std::string_view kStagingPostgres =
    "CREATE TEMP TABLE import_rows ("
    "line BIGINT PRIMARY KEY, group_key TEXT NOT NULL, full_name TEXT NOT NULL, "
    "name_key TEXT NOT NULL, search_key TEXT NOT NULL, sort_key BYTEA NOT NULL, gender TEXT, "
    "birth_date DATE, id_number TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, "
    "address TEXT NOT NULL, unit_id BIGINT, position TEXT NOT NULL, joined_on DATE, "
    "card_number TEXT NOT NULL, status TEXT NOT NULL, unit_name TEXT NOT NULL, unit_key TEXT NOT "
    "NULL, "
    "person_id BIGINT, is_new SMALLINT NOT NULL DEFAULT 0) ON COMMIT DROP";

constexpr std::string_view kStagingColumns[] = {
    "line",       "group_key",   "full_name", "name_key",  "search_key", "sort_key", "gender",
    "birth_date", "id_number",   "phone",     "email",     "address",    "unit_id",  "position",
    "joined_on",  "card_number", "status",    "unit_name", "unit_key"};

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
// COPY.
Result<std::int64_t> RegistryStore::resolve_units(Id tenant) {
  std::vector<std::pair<std::string, std::string>> named;  // key, name as first written
  auto listed = connection_.query(
      "SELECT unit_key, min(unit_name) FROM import_rows WHERE unit_key <> '' GROUP BY unit_key", {},
      [&](const SqlRow& row) -> Status {
        named.emplace_back(row.text(0), row.text(1));
        return {};
      });
  if (!listed) return std::unexpected(listed.error());
  std::int64_t created = 0;
  for (const auto& [key, name] : named) {
    auto unit = find_or_create_unit(tenant, name);
    if (!unit) return std::unexpected(unit.error());
    if (unit->second) ++created;
    const SqlValue params[] = {unit->first, key};
    if (auto set =
            connection_.execute("UPDATE import_rows SET unit_id = $1 WHERE unit_key = $2", params);
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
  const bool postgres = connection_.engine() == Engine::postgres;
  ImportCounts counts;
  auto run = [&](std::string_view sql,
                 std::span<const SqlValue> params = {}) -> Result<std::int64_t> {
    return connection_.execute(sql, params);
  };
  if (auto dropped = connection_.execute_script("DROP TABLE IF EXISTS import_rows"); !dropped) {
    return std::unexpected(dropped.error());
  }
  if (auto created = connection_.execute_script(postgres ? kStagingPostgres : kStagingSqlite);
      !created) {
    return std::unexpected(created.error());
  }

  StagedMember staged;
  auto staged_rows = connection_.bulk_insert(
      "import_rows", kStagingColumns, [&](std::vector<SqlValue>& out) -> Result<bool> {
        staged = StagedMember{};
        auto more = rows(staged);
        if (!more || !*more) return more;
        const Person& person = staged.person;
        if (staged.keys.sort.empty()) staged.keys = person_name_keys(person.full_name);
        out = {static_cast<std::int64_t>(staged.line),
               group_key(staged, staged.keys.match),
               person.full_name,
               std::move(staged.keys.match),
               std::move(staged.keys.search),
               Bytes{std::move(staged.keys.sort)},
               person.gender ? SqlValue(std::string(code_of(*person.gender))) : SqlValue(),
               date_value(person.birth_date),
               person.id_number,
               person.phone,
               person.email,
               person.address,
               nullable(person.unit_id),
               person.position,
               date_value(staged.joined_on),
               staged.card_number,
               std::string(code_of(staged.status)),
               staged.unit_name,
               lower_case(staged.unit_name)};
        return true;
      });
  if (!staged_rows) return std::unexpected(staged_rows.error());
  counts.rows = *staged_rows;
  if (postgres) {
    if (auto analyzed = connection_.execute_script("ANALYZE import_rows"); !analyzed) {
      return std::unexpected(analyzed.error());
    }
  }

  const SqlValue tenant_param[] = {tenant};
  if (auto units = resolve_units(tenant); !units) {
    return std::unexpected(units.error());
  } else {
    counts.units_created = *units;
  }
  // Someone already registered with the same CCCD.
  auto step = run(
      "UPDATE import_rows SET person_id = (SELECT p.id FROM persons p WHERE p.tenant_id = $1 AND "
      "p.id_number = import_rows.id_number) WHERE id_number <> ''",
      tenant_param);
  // Else the same name (case aside) and birth date: for a row with a CCCD only among people whose
  // CCCD is not known yet, who then get it.
  if (step) {
    step =
        run("UPDATE import_rows SET person_id = (SELECT min(p.id) FROM persons p WHERE p.tenant_id "
            "= $1 AND "
            "p.name_key = import_rows.name_key AND p.birth_date = import_rows.birth_date AND "
            "(import_rows.id_number = '' OR p.id_number = '')) WHERE person_id IS NULL AND "
            "birth_date IS NOT NULL",
            tenant_param);
  }
  if (!step) return std::unexpected(step.error());

  // New people: one id per group; the group's first row (is_new = 2) holds what is stored.
  auto new_groups = query_integer(
      connection_, "SELECT count(DISTINCT group_key) FROM import_rows WHERE person_id IS NULL");
  if (!new_groups) return std::unexpected(new_groups.error());
  counts.people_created = new_groups->value_or(0);
  if (counts.people_created > 0) {
    auto first_id = reserve_ids(tenant, "persons", counts.people_created);
    if (!first_id) return std::unexpected(first_id.error());
    const SqlValue first_param[] = {*first_id};
    step =
        run("UPDATE import_rows SET person_id = r.person_id, is_new = CASE WHEN r.place = 1 THEN 2 "
            "ELSE 1 END "
            "FROM (SELECT line, CAST($1 AS BIGINT) - 1 + dense_rank() OVER (ORDER BY group_key) AS "
            "person_id, "
            "row_number() OVER (PARTITION BY group_key ORDER BY line) AS place FROM import_rows "
            "WHERE person_id IS NULL) r WHERE import_rows.line = r.line",
            first_param);
    if (step) {
      step =
          run("INSERT INTO persons (tenant_id, id, full_name, name_key, search_key, sort_key, "
              "gender, birth_date, "
              "id_number, phone, email, address, unit_id, position) SELECT CAST($1 AS BIGINT), "
              "person_id, full_name, "
              "name_key, search_key, sort_key, gender, birth_date, id_number, phone, email, "
              "address, unit_id, position "
              "FROM import_rows WHERE is_new = 2",
              tenant_param);
    }
    if (!step) return std::unexpected(step.error());
  }
  counts.people_matched = counts.rows - counts.people_created;

  // People already there keep what they have; what they lacked is filled from the file.
  step = run(
      "UPDATE persons SET gender = coalesce(persons.gender, r.gender), "
      "birth_date = coalesce(persons.birth_date, r.birth_date), "
      "id_number = CASE WHEN persons.id_number = '' THEN r.id_number ELSE persons.id_number END, "
      "phone = CASE WHEN persons.phone = '' THEN r.phone ELSE persons.phone END, "
      "email = CASE WHEN persons.email = '' THEN r.email ELSE persons.email END, "
      "address = CASE WHEN persons.address = '' THEN r.address ELSE persons.address END, "
      "position = CASE WHEN persons.position = '' THEN r.position ELSE persons.position END, "
      "unit_id = coalesce(persons.unit_id, r.unit_id) "
      "FROM (SELECT * FROM import_rows WHERE line IN "
      "(SELECT min(line) FROM import_rows WHERE is_new = 0 GROUP BY person_id)) r "
      "WHERE persons.tenant_id = $1 AND persons.id = r.person_id",
      tenant_param);
  if (!step) return std::unexpected(step.error());

  if (organization_id) {
    constexpr std::string_view kCandidates =
        "FROM import_rows r WHERE r.line IN (SELECT min(line) FROM import_rows GROUP BY person_id) "
        "AND NOT EXISTS "
        "(SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.organization_id = $2 AND "
        "m.person_id = r.person_id AND m.status <> 'left')";
    const SqlValue params[] = {tenant, *organization_id};
    auto people = query_integer(connection_, "SELECT count(DISTINCT person_id) FROM import_rows");
    auto candidates =
        query_integer(connection_, fmt::format("SELECT count(*) {}", kCandidates), params);
    if (!people) return std::unexpected(people.error());
    if (!candidates) return std::unexpected(candidates.error());
    counts.memberships_added = candidates->value_or(0);
    counts.already_members = people->value_or(0) - counts.memberships_added;
    if (counts.memberships_added > 0) {
      auto first_id = reserve_ids(tenant, "memberships", counts.memberships_added);
      if (!first_id) return std::unexpected(first_id.error());
      const SqlValue insert_params[] = {tenant, *organization_id, *first_id};
      step = run(
          fmt::format(
              "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, "
              "status, "
              "card_number) SELECT CAST($1 AS BIGINT), CAST($3 AS BIGINT) - 1 + row_number() OVER "
              "(ORDER BY r.line), r.person_id, CAST($2 AS BIGINT), r.joined_on, r.status, "
              "r.card_number {}",
              kCandidates),
          insert_params);
      if (!step) return std::unexpected(step.error());
    }
  }
  if (auto dropped = connection_.execute_script("DROP TABLE IF EXISTS import_rows"); !dropped) {
    return std::unexpected(dropped.error());
  }
  return counts;
}

}  // namespace dk::store
