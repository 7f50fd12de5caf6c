// RegistryStore: people, their memberships, and the index of the words of their names.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/contact_fields.hpp"
#include "core/vietnamese_text.hpp"
#include "store/id_counter.hpp"
#include "store/registry_rows.hpp"
#include "store/registry_store.hpp"

namespace dk::store {

Result<Id> RegistryStore::reserve_ids(Id tenant, std::string_view table, std::int64_t count) {
  return store::reserve_ids(connection_, tenant, table, count);
}

Status RegistryStore::insert_person(Id tenant, Id id, const Person& person, const NameKeys& keys,
                                    WordIndexing indexing) {
  const auto params = person_values(tenant, id, person, keys);
  TRY(connection_.execute(
      "INSERT INTO persons (tenant_id, id, full_name, name_key, search_key, sort_key, gender, "
      "birth_date, "
      "id_number, phone, email, address, unit_id, position) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      params));
  if (indexing == WordIndexing::later) return {};
  return write_person_words(tenant, id, keys, WordChange::add);
}

namespace {

// The rows of person_words for people from `$2` on (index_words in SQL): their distinct words in
// a table keyed by person with each name's count of words, then the words, pairs and triples of
// names of at most six words and one "~*" row for a longer name, sorted so that the index grows at
// its end. SQLite splits names by a recursive query, PostgreSQL by string_to_table.
constexpr std::string_view kSqliteNewWords =
    "CREATE TEMP TABLE new_words (person_id INTEGER NOT NULL, word TEXT NOT NULL, sort_key BLOB "
    "NOT NULL, words INTEGER NOT NULL, PRIMARY KEY (person_id, word)) WITHOUT ROWID";
constexpr std::string_view kSqliteSplit =
    "WITH RECURSIVE split (person_id, sort_key, word, rest) AS ("
    "SELECT id, sort_key, '', search_key || ' ' FROM persons WHERE tenant_id = $1 AND id >= $2 "
    "UNION ALL SELECT person_id, sort_key, substr(rest, 1, instr(rest, ' ') - 1), "
    "substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''), "
    "distinct_words AS (SELECT DISTINCT person_id, word, sort_key FROM split "
    "WHERE word <> '' AND word <> '~*') "
    "INSERT INTO new_words (person_id, word, sort_key, words) SELECT person_id, word, sort_key, "
    "count(*) OVER (PARTITION BY person_id) FROM distinct_words";
constexpr std::string_view kPostgresNewWords =
    "CREATE TEMP TABLE new_words (person_id BIGINT NOT NULL, word TEXT COLLATE \"C\" NOT NULL, "
    "sort_key BYTEA NOT NULL, words BIGINT NOT NULL, PRIMARY KEY (person_id, word))";
constexpr std::string_view kPostgresSplit =
    "INSERT INTO new_words (person_id, word, sort_key, words) SELECT person_id, word, sort_key, "
    "count(*) OVER (PARTITION BY person_id) FROM (SELECT DISTINCT p.id AS person_id, w.word, "
    "p.sort_key FROM persons p, string_to_table(p.search_key, ' ') AS w (word) WHERE p.tenant_id "
    "= $1 AND p.id >= $2 AND w.word <> '' AND w.word <> '~*') d";
// `$1` the tenant; `{}` the engine's INSERT and its conflict clause.
constexpr std::string_view kInsertIndexRows =
    "{} INTO person_words (tenant_id, word, sort_key, person_id) SELECT $1, word, sort_key, "
    "person_id FROM (SELECT word, sort_key, person_id FROM new_words "
    "UNION ALL SELECT '~' || a.word || ' ' || b.word, a.sort_key, a.person_id FROM new_words a "
    "JOIN new_words b ON b.person_id = a.person_id AND b.word > a.word WHERE a.words <= 6 "
    "UNION ALL SELECT '~' || a.word || ' ' || b.word || ' ' || c.word, a.sort_key, a.person_id "
    "FROM new_words a JOIN new_words b ON b.person_id = a.person_id AND b.word > a.word "
    "JOIN new_words c ON c.person_id = a.person_id AND c.word > b.word WHERE a.words <= 6 "
    "UNION ALL SELECT DISTINCT '~*', sort_key, person_id FROM new_words WHERE words > 6) r "
    "ORDER BY word, sort_key, person_id{}";

}  // namespace

Status RegistryStore::index_words_of_new_people(Id tenant, Id first_id) {
  static_assert(kMostCombinedWords == 6, "the SQL below combines the words of up to 6 words");
  const bool postgres = connection_.engine() == Engine::postgres;
  const SqlValue params[] = {tenant, first_id};
  const SqlValue tenant_only[] = {tenant};
  auto index = [&]() -> Status {
    TRY(connection_.execute_script(postgres ? "DROP TABLE IF EXISTS pg_temp.new_words"
                                            : "DROP TABLE IF EXISTS temp.new_words"));
    TRY(connection_.execute_script(postgres ? kPostgresNewWords : kSqliteNewWords));
    TRY(connection_.execute(postgres ? kPostgresSplit : kSqliteSplit, params));
    if (postgres) TRY(connection_.execute_script("ANALYZE new_words"));
    TRY(connection_.execute(fmt::format(kInsertIndexRows, postgres ? "INSERT" : "INSERT OR IGNORE",
                                        postgres ? " ON CONFLICT DO NOTHING" : ""),
                            tenant_only));
    TRY(connection_.execute_script(postgres ? "DROP TABLE pg_temp.new_words"
                                            : "DROP TABLE temp.new_words"));
    return {};
  };
  if (postgres) return index();
  // SQLite's sorter keeps up to a page cache's worth of rows in memory before it spills sorted
  // runs to disk: a small cache for this statement keeps the import's memory flat.
  if (auto small = connection_.execute_script("PRAGMA cache_size = -8192"); !small) return small;
  auto indexed = index();
  auto restored = connection_.execute_script("PRAGMA cache_size = -65536");
  if (!indexed) return indexed;
  return restored;
}

Status RegistryStore::write_person_words(Id tenant, Id person_id, const NameKeys& keys,
                                         WordChange change) {
  const std::string_view sql =
      change == WordChange::add
          ? "INSERT INTO person_words (tenant_id, word, sort_key, person_id) VALUES ($1, $2, $3, "
            "$4) ON CONFLICT DO NOTHING"
          : "DELETE FROM person_words WHERE tenant_id = $1 AND word = $2 AND sort_key = $3 AND "
            "person_id = $4";
  for (const std::string& word : index_words(keys.search)) {
    const SqlValue params[] = {tenant, word, Bytes{keys.sort}, person_id};
    TRY(connection_.execute(sql, params));
  }
  return {};
}

Result<Person> RegistryStore::create_person(Id tenant, const Person& person) {
  auto id = reserve_ids(tenant, "persons", 1);
  if (!id) return std::unexpected(id.error());
  if (auto inserted =
          unless_duplicate(insert_person(tenant, *id, person, person_name_keys(person.full_name)),
                           id_number_taken(person.id_number), "id_number");
      !inserted) {
    return std::unexpected(inserted.error());
  }
  Person created = person;
  created.id = *id;
  return created;
}

Result<std::optional<Person>> RegistryStore::find_person(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(
      connection_,
      fmt::format("SELECT {} FROM persons p WHERE p.tenant_id = $1 AND p.id = $2", kPersonColumns),
      params, [](const SqlRow& row) { return read_person(row); });
}

Result<std::optional<Person>> RegistryStore::find_person_by_id_number(Id tenant,
                                                                      std::string_view id_number) {
  const SqlValue params[] = {tenant, std::string(id_number)};
  return query_one(connection_,
                   fmt::format("SELECT {} FROM persons p WHERE p.tenant_id = $1 AND "
                               "p.id_number = $2 AND p.id_number <> ''",
                               kPersonColumns),
                   params, [](const SqlRow& row) { return read_person(row); });
}

Result<Membership> RegistryStore::create_membership(Id tenant, const Membership& membership) {
  auto id = reserve_ids(tenant, "memberships", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {tenant,
                             *id,
                             membership.person_id,
                             membership.organization_id,
                             date_value(membership.joined_on),
                             std::string(code_of(membership.status)),
                             membership.card_number,
                             date_value(membership.left_on),
                             membership.leave_reason};
  if (auto inserted = unless_duplicate(
          connection_.execute(
              "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, "
              "status, card_number, left_on, leave_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, "
              "$8, $9)",
              params),
          {"Người này đã là thành viên của tổ chức.",
           "This person is already a member of the organization."},
          "person_id");
      !inserted) {
    return std::unexpected(inserted.error());
  }
  Membership created = membership;
  created.id = *id;
  return created;
}

Result<std::vector<Membership>> RegistryStore::memberships_of(Id tenant, Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  return query_all(
      connection_,
      fmt::format(
          "SELECT {} FROM memberships m JOIN organizations o ON o.tenant_id = m.tenant_id AND "
          "o.id = m.organization_id WHERE m.tenant_id = $1 AND m.person_id = $2 ORDER BY "
          "o.sort_key, m.id",
          kMembershipColumns),
      params, [](const SqlRow& row) { return read_membership(row, 0); });
}

Status RegistryStore::update_person(Id tenant, const Person& person) {
  const NameKeys keys = person_name_keys(person.full_name);
  // The search words follow the name: the old ones go, the new ones come.
  const SqlValue key_params[] = {tenant, person.id};
  std::optional<NameKeys> old_keys;
  auto read =
      connection_.query("SELECT search_key, sort_key FROM persons WHERE tenant_id = $1 AND id = $2",
                        key_params, [&](const SqlRow& row) -> Status {
                          old_keys = NameKeys{"", row.text(0), row.bytes(1)};
                          return {};
                        });
  if (!read) return read;
  if (old_keys) {
    if (auto removed = write_person_words(tenant, person.id, *old_keys, WordChange::remove);
        !removed) {
      return removed;
    }
  }
  if (auto added = write_person_words(tenant, person.id, keys, WordChange::add); !added)
    return added;
  const auto params = person_values(tenant, person.id, person, keys);
  return unless_duplicate(
      connection_.execute(
          "UPDATE persons SET full_name = $3, name_key = $4, search_key = $5, sort_key = $6, "
          "gender = $7, birth_date = $8, id_number = $9, phone = $10, email = $11, address = $12, "
          "unit_id = $13, position = $14 WHERE tenant_id = $1 AND id = $2",
          params),
      id_number_taken(person.id_number), "id_number");
}

Result<std::optional<Membership>> RegistryStore::find_membership(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_,
                   fmt::format("SELECT {} FROM memberships m WHERE m.tenant_id = $1 AND m.id = $2",
                               kMembershipColumns),
                   params, [](const SqlRow& row) { return read_membership(row, 0); });
}

Status RegistryStore::update_membership(Id tenant, const Membership& membership) {
  const SqlValue params[] = {tenant,
                             membership.id,
                             date_value(membership.joined_on),
                             std::string(code_of(membership.status)),
                             membership.card_number,
                             date_value(membership.left_on),
                             membership.leave_reason};
  return unless_duplicate(
      connection_.execute(
          "UPDATE memberships SET joined_on = $3, status = $4, card_number = $5, left_on = $6, "
          "leave_reason = $7 WHERE tenant_id = $1 AND id = $2",
          params),
      {"Người này đang là thành viên của tổ chức theo một hồ sơ khác.",
       "This person is a current member of the organization in another record."},
      "status");
}

}  // namespace dk::store
