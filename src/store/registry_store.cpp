#include "store/registry_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/contact_fields.hpp"
#include "core/vietnamese_text.hpp"
#include "store/id_counter.hpp"

namespace dk::store {
namespace {

SqlValue date_value(const std::optional<CivilDate>& date) {
  if (!date) return std::monostate{};
  return format_iso(*date);
}

std::optional<CivilDate> read_date(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_civil_date(row.text(column));
}

// Columns of persons in the order read_person expects them, prefixed by the alias `p.`.
constexpr std::string_view kPersonColumns =
    "p.id, p.full_name, p.gender, p.birth_date, p.id_number, p.phone, p.email, p.address, "
    "p.unit_id, "
    "p.position";
constexpr int kPersonColumnCount = 10;

Person read_person(const SqlRow& row) {
  Person person;
  person.id = row.integer(0);
  person.full_name = row.text(1);
  if (!row.is_null(2)) person.gender = parse_code<Gender>(row.text(2));
  person.birth_date = read_date(row, 3);
  person.id_number = row.text(4);
  person.phone = row.text(5);
  person.email = row.text(6);
  person.address = row.text(7);
  if (!row.is_null(8)) person.unit_id = row.integer(8);
  person.position = row.text(9);
  return person;
}

constexpr std::string_view kMembershipColumns =
    "m.id, m.person_id, m.organization_id, m.joined_on, m.status, m.card_number, m.left_on, "
    "m.leave_reason";

Membership read_membership(const SqlRow& row, int first) {
  Membership membership;
  membership.id = row.integer(first);
  membership.person_id = row.integer(first + 1);
  membership.organization_id = row.integer(first + 2);
  membership.joined_on = read_date(row, first + 3);
  membership.status =
      parse_code<MembershipStatus>(row.text(first + 4)).value_or(MembershipStatus::active);
  membership.card_number = row.text(first + 5);
  membership.left_on = read_date(row, first + 6);
  membership.leave_reason = row.text(first + 7);
  return membership;
}

Organization read_organization(const SqlRow& row) {
  Organization organization;
  organization.id = row.integer(0);
  organization.code = row.text(1);
  organization.name = row.text(2);
  organization.kind = parse_code<OrganizationKind>(row.text(3)).value_or(OrganizationKind::other);
  if (!row.is_null(4) && !row.is_null(5))
    organization.superior = OrganizationRef{row.integer(4), row.integer(5)};
  organization.external = row.integer(6) != 0;
  return organization;
}

// A person's columns in the order INSERT and UPDATE of persons bind them ($1 … $14).
std::array<SqlValue, 14> person_values(Id tenant, Id id, const Person& person,
                                       const NameKeys& keys) {
  return {tenant,
          id,
          person.full_name,
          keys.match,
          keys.search,
          Bytes{keys.sort},
          person.gender ? SqlValue(std::string(code_of(*person.gender))) : SqlValue(),
          date_value(person.birth_date),
          person.id_number,
          person.phone,
          person.email,
          person.address,
          nullable(person.unit_id),
          person.position};
}

// A write's outcome as a status. A clash with a unique key is the user's to fix: it gets a message
// that says which value is taken, and the field it sits in.
template <class Written>
Status unless_duplicate(const Result<Written>& written, Text message, std::string field) {
  if (written) return {};
  Error error = written.error();
  if (error.code == "store.duplicate") {
    error.message = std::move(message);
    error.where.field = std::move(field);
  }
  return std::unexpected(error);
}

Status changed(const Result<std::int64_t>& written) {
  return unless_duplicate(
      written, {"Mã hoặc tên này đã được dùng.", "This code or name is already in use."}, "code");
}

Text id_number_taken(const std::string& id_number) {
  return {fmt::format("Đã có người mang số CCCD {}.", id_number),
          fmt::format("Someone with ID number {} is already registered.", id_number)};
}

CommitteeRole read_committee_role(const SqlRow& row) {
  CommitteeRole role;
  role.id = row.integer(0);
  role.organization_id = row.integer(1);
  role.person_id = row.integer(2);
  role.role = parse_code<CommitteeRoleKind>(row.text(3)).value_or(CommitteeRoleKind::member);
  role.term = row.text(4);
  role.term_start = read_date(row, 5);
  role.term_end = read_date(row, 6);
  return role;
}

// The one place where the two engines' SQL differ in this file: aggregating strings in order.
std::string organization_codes_sql(Engine engine) {
  constexpr std::string_view kSource =
      "FROM memberships mm JOIN organizations o ON o.tenant_id = mm.tenant_id AND o.id = "
      "mm.organization_id "
      "WHERE mm.tenant_id = p.tenant_id AND mm.person_id = p.id AND mm.status <> 'left'";
  if (engine == Engine::postgres) {
    return fmt::format("(SELECT string_agg(o.code, ', ' ORDER BY o.sort_key) {})", kSource);
  }
  // SQLite 3.40 has no ORDER BY inside an aggregate; it keeps a subquery's order.
  return fmt::format(
      "(SELECT group_concat(code, ', ') FROM (SELECT o.code {} ORDER BY o.sort_key))", kSource);
}

// Escapes LIKE's wildcards in what a user typed.
std::string like_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// The WHERE clause of a member query and its parameters (after the tenant, $1).
struct MemberFilter {
  std::string joins;
  std::string where;
  std::vector<SqlValue> params;
  // When set, the query reads its rows from person_words (alias w) for the words that begin with
  // this one; `word_where` checks the other words typed on the index, `where` on the person.
  std::string driving_word;
  std::string word_where;

  std::string next(SqlValue value) {
    params.push_back(std::move(value));
    return fmt::format("${}", params.size());
  }
};

// Where a search stands on a name's words: each word typed must begin a word of the name —
// "nguyen thi" finds "Nguyễn Thị Đức", "duc" finds every Đức — in any order.
constexpr std::size_t kMaxSearchWords = 8;

// The end of the range of words that begin with `prefix`: U+10FFFF sorts after every character,
// as bytes on both engines.
std::string prefix_end(const std::string& prefix) {
  return prefix + "\xf4\x8f\xbf\xbf";
}

// The words of a search by name, or none when it searches numbers or nothing.
std::vector<std::string> name_search_words(const MemberQuery& query) {
  const std::string folded = fold_for_search(query.search);
  if (folded.empty() || is_number_search(folded)) return {};
  std::vector<std::string> words = search_words(folded);
  if (words.size() > kMaxSearchWords) words.resize(kMaxSearchWords);
  return words;
}

// `plan`, when given, says how the query reads the word index; without it names are scanned.
MemberFilter member_filter(Id tenant, const MemberQuery& query, const SearchPlan* plan = nullptr) {
  MemberFilter filter;
  filter.params.emplace_back(tenant);
  filter.where = "p.tenant_id = $1";
  if (query.organization_id) {
    filter.joins = fmt::format(
        " JOIN memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id AND "
        "m.organization_id = {}{}",
        filter.next(*query.organization_id),
        // With former members, someone who left and came back has several memberships: the
        // list shows them once, with the latest.
        query.include_former
            ? " AND m.id = (SELECT max(ml.id) FROM memberships ml WHERE ml.tenant_id = "
              "m.tenant_id AND ml.person_id = m.person_id AND ml.organization_id = "
              "m.organization_id)"
            : " AND m.status <> 'left'");
  }
  if (query.unit_id)
    filter.where += fmt::format(" AND p.unit_id = {}", filter.next(*query.unit_id));
  if (query.within_organizations) {
    std::string within = "-1";  // no organization: only the person themselves
    for (const Id organization : *query.within_organizations)
      within += ", " + filter.next(organization);
    filter.where += fmt::format(
        " AND (p.id = {} OR EXISTS (SELECT 1 FROM memberships mw WHERE mw.tenant_id = p.tenant_id "
        "AND mw.person_id = p.id AND mw.status <> 'left' AND mw.organization_id IN ({})))",
        filter.next(query.including_person), within);
  }
  const std::string folded = fold_for_search(query.search);
  if (is_number_search(folded)) {
    std::string number;
    for (const char c : folded) {
      if (c >= '0' && c <= '9') number.push_back(c);
    }
    const std::string parameter = filter.next("%" + like_escape(number) + "%");
    filter.where += fmt::format(
        " AND (p.id_number LIKE {0} ESCAPE '\\' OR p.phone LIKE {0} ESCAPE '\\')", parameter);
    return filter;
  }
  std::vector<std::string> words = name_search_words(query);
  if (words.empty()) return filter;
  auto check_on_name = [&](const std::string& word) {
    filter.where += fmt::format(" AND (' ' || p.search_key) LIKE {} ESCAPE '\\'",
                                filter.next("% " + like_escape(word) + "%"));
  };
  if (!plan) {
    for (const std::string& word : words) check_on_name(word);
    return filter;
  }
  filter.driving_word = plan->driving;
  for (const auto& [typed, begun] : plan->others) {
    if (begun.empty()) {
      check_on_name(typed);
      continue;
    }
    // One index probe per word it begins: the driving row's sort key and person are known.
    std::string listed;
    for (const std::string& word : begun)
      listed += (listed.empty() ? "" : ", ") + filter.next(word);
    filter.word_where += fmt::format(
        " AND EXISTS (SELECT 1 FROM person_words w2 WHERE w2.tenant_id = w.tenant_id AND w2.word "
        "IN ({}) AND w2.sort_key = w.sort_key AND w2.person_id = w.person_id)",
        listed);
  }
  return filter;
}

}  // namespace

Result<Id> RegistryStore::reserve_ids(Id tenant, std::string_view table, std::int64_t count) {
  return store::reserve_ids(connection_, tenant, table, count);
}

Result<Agency> RegistryStore::create_agency(const Agency& agency) {
  const SqlValue params[] = {agency.code, agency.name, agency.province};
  auto id = query_integer(
      connection_, "INSERT INTO agencies (code, name, province) VALUES ($1, $2, $3) RETURNING id",
      params);
  if (!id) return std::unexpected(id.error());
  Agency created = agency;
  created.id = id->value_or(0);
  return created;
}

Result<std::optional<Agency>> RegistryStore::find_agency(std::string_view code) {
  const SqlValue params[] = {std::string(code)};
  return query_one(connection_, "SELECT id, code, name, province FROM agencies WHERE code = $1",
                   params, [](const SqlRow& row) {
                     return Agency{row.integer(0), row.text(1), row.text(2), row.text(3)};
                   });
}

Result<std::vector<Agency>> RegistryStore::list_agencies() {
  std::vector<Agency> agencies;
  auto status = connection_.query(
      "SELECT id, code, name, province FROM agencies ORDER BY id", {},
      [&](const SqlRow& row) -> Status {
        agencies.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return agencies;
}

Result<Unit> RegistryStore::create_unit(Id tenant, const Unit& unit) {
  auto id = reserve_ids(tenant, "units", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {
      tenant, *id, unit.code, unit.name, lower_case(unit.name), Bytes{collation_key(unit.name)}};
  TRY(connection_.execute(
      "INSERT INTO units (tenant_id, id, code, name, name_key, sort_key) VALUES ($1, $2, $3, $4, "
      "$5, $6)",
      params));
  Unit created = unit;
  created.id = *id;
  return created;
}

Result<std::optional<Unit>> RegistryStore::find_unit(Id tenant, std::string_view code_or_name) {
  const std::string text = normalize_text(code_or_name);
  const SqlValue params[] = {tenant, text, lower_case(text)};
  return query_one(
      connection_,
      "SELECT id, code, name FROM units WHERE tenant_id = $1 AND (code = $2 OR name_key = $3) "
      "ORDER BY CASE WHEN code = $2 THEN 0 ELSE 1 END LIMIT 1",
      params, [](const SqlRow& row) {
        return Unit{row.integer(0), row.text(1), row.text(2)};
      });
}

Result<std::pair<Id, bool>> RegistryStore::find_or_create_unit(Id tenant, const std::string& name) {
  auto unit = TRY(find_unit(tenant, name));
  if (unit) return std::pair{unit->id, false};
  auto added = TRY(create_unit(tenant, Unit{0, "", name}));
  return std::pair{added.id, true};
}

Result<std::vector<Unit>> RegistryStore::list_units(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(connection_,
                   "SELECT id, code, name FROM units WHERE tenant_id = $1 ORDER BY sort_key, id",
                   params, [](const SqlRow& row) {
                     return Unit{row.integer(0), row.text(1), row.text(2)};
                   });
}

Result<Organization> RegistryStore::create_organization(Id tenant,
                                                        const Organization& organization) {
  auto id = reserve_ids(tenant, "organizations", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {
      tenant,
      *id,
      organization.code,
      organization.name,
      std::string(code_of(organization.kind)),
      organization.superior ? SqlValue(organization.superior->agency_id) : SqlValue(),
      organization.superior ? SqlValue(organization.superior->organization_id) : SqlValue(),
      std::int64_t{organization.external ? 1 : 0},
      Bytes{collation_key(organization.name)}};
  TRY(connection_.execute(
      "INSERT INTO organizations (tenant_id, id, code, name, kind, superior_tenant_id, "
      "superior_id, external, "
      "sort_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      params));
  Organization created = organization;
  created.id = *id;
  return created;
}

Result<std::optional<Organization>> RegistryStore::find_organization(Id tenant,
                                                                     std::string_view code) {
  const SqlValue params[] = {tenant, std::string(code)};
  return query_one(
      connection_,
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 AND code = $2",
      params, [](const SqlRow& row) { return read_organization(row); });
}

Result<std::vector<Organization>> RegistryStore::list_organizations(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(
      connection_,
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 ORDER BY external, sort_key, id",
      params, [](const SqlRow& row) { return read_organization(row); });
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

Status RegistryStore::index_words_of_new_people(Id tenant, Id first_id) {
  // search_key's words, split in SQL: SQLite by a recursive query, PostgreSQL by string_to_table;
  // sorted so that the index grows at its end; a word twice in one name is skipped by the
  // conflict clause (cheaper than DISTINCT: 3.4 s against 4.1 s for 200,000 people here).
  constexpr std::string_view kSqlite =
      "WITH RECURSIVE split (person_id, sort_key, word, rest) AS ("
      "SELECT id, sort_key, '', search_key || ' ' FROM persons WHERE tenant_id = $1 AND id >= $2 "
      "UNION ALL SELECT person_id, sort_key, substr(rest, 1, instr(rest, ' ') - 1), "
      "substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> '') "
      "INSERT OR IGNORE INTO person_words (tenant_id, word, sort_key, person_id) "
      "SELECT $1, word, sort_key, person_id FROM split WHERE word <> '' "
      "ORDER BY word, sort_key, person_id";
  constexpr std::string_view kPostgres =
      "INSERT INTO person_words (tenant_id, word, sort_key, person_id) "
      "SELECT p.tenant_id, w.word, p.sort_key, p.id FROM persons p, "
      "string_to_table(p.search_key, ' ') AS w (word) "
      "WHERE p.tenant_id = $1 AND p.id >= $2 AND w.word <> '' ORDER BY 2, 3, 4 "
      "ON CONFLICT DO NOTHING";
  const SqlValue params[] = {tenant, first_id};
  if (connection_.engine() == Engine::postgres) {
    TRY(connection_.execute(kPostgres, params));
    return {};
  }
  // SQLite's sorter keeps up to a page cache's worth of rows in memory before it spills sorted
  // runs to disk: a small cache for this statement keeps the import's memory flat.
  if (auto small = connection_.execute_script("PRAGMA cache_size = -8192"); !small) return small;
  auto indexed = connection_.execute(kSqlite, params);
  auto restored = connection_.execute_script("PRAGMA cache_size = -65536");
  if (!indexed) return std::unexpected(indexed.error());
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
  for (const std::string& word : search_words(keys.search)) {
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

Result<CommitteeRole> RegistryStore::create_committee_role(Id tenant, const CommitteeRole& role) {
  auto id = reserve_ids(tenant, "committee_roles", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {tenant,
                             *id,
                             role.organization_id,
                             role.person_id,
                             std::string(code_of(role.role)),
                             role.term,
                             date_value(role.term_start),
                             date_value(role.term_end)};
  TRY(connection_.execute(
      "INSERT INTO committee_roles (tenant_id, id, organization_id, person_id, role, term, "
      "term_start, term_end) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      params));
  CommitteeRole created = role;
  created.id = *id;
  return created;
}

Result<std::vector<CommitteeRole>> RegistryStore::committee_of(Id tenant, Id organization_id) {
  const SqlValue params[] = {tenant, organization_id};
  return query_all(
      connection_,
      "SELECT c.id, c.organization_id, c.person_id, c.role, c.term, c.term_start, c.term_end, "
      "p.full_name FROM committee_roles c JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = "
      "c.person_id "
      "WHERE c.tenant_id = $1 AND c.organization_id = $2 "
      "ORDER BY CASE c.role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'secretary' THEN 2 "
      "ELSE 3 END, "
      "p.sort_key, c.id",
      params, [](const SqlRow& row) {
        CommitteeRole role = read_committee_role(row);
        role.person_name = row.text(7);
        return role;
      });
}

Result<PartnerUnit> RegistryStore::create_partner_unit(Id tenant, const PartnerUnit& partner) {
  auto id = reserve_ids(tenant, "partner_units", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {tenant,
                             *id,
                             partner.name,
                             partner.address,
                             partner.contact_name,
                             partner.contact_phone,
                             partner.note,
                             Bytes{collation_key(partner.name)}};
  TRY(connection_.execute(
      "INSERT INTO partner_units (tenant_id, id, name, address, contact_name, contact_phone, note, "
      "sort_key) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      params));
  PartnerUnit created = partner;
  created.id = *id;
  return created;
}

Result<std::vector<PartnerUnit>> RegistryStore::list_partner_units(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(
      connection_,
      "SELECT id, name, address, contact_name, contact_phone, note FROM partner_units WHERE "
      "tenant_id = $1 "
      "ORDER BY sort_key, id",
      params, [](const SqlRow& row) {
        return PartnerUnit{row.integer(0), row.text(1), row.text(2),
                           row.text(3),    row.text(4), row.text(5)};
      });
}

namespace {

// The ids of a person's current organizations as "3,5", read back by parse_ids.
std::string organization_ids_sql(Engine engine) {
  constexpr std::string_view kSource =
      "FROM memberships mi WHERE mi.tenant_id = p.tenant_id AND mi.person_id = p.id AND "
      "mi.status <> 'left'";
  if (engine == Engine::postgres) {
    return fmt::format("(SELECT string_agg(CAST(mi.organization_id AS TEXT), ',') {})", kSource);
  }
  return fmt::format("(SELECT group_concat(mi.organization_id, ',') {})", kSource);
}

std::vector<Id> parse_ids(const std::string& text) {
  std::vector<Id> ids;
  Id value = 0;
  bool any = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      any = true;
    } else if (any) {
      ids.push_back(value);
      value = 0;
      any = false;
    }
  }
  if (any) ids.push_back(value);
  return ids;
}

}  // namespace

namespace {

// The columns read_listing reads, then `extra`, from `source` filtered by `filter`.
// Whether a person's current organizations are read with each row, or for a page at once
// (fill_organizations): a page of 50 then costs one query instead of a hundred subqueries.
enum class Organizations { per_row, per_page };

std::string member_select(Engine engine, const MemberQuery& query, const MemberFilter& filter,
                          std::string_view source, std::string_view extra = "",
                          Organizations organizations = Organizations::per_row) {
  const bool per_row = organizations == Organizations::per_row;
  return fmt::format(
      "SELECT {}, u.name, {}, {}{}{} FROM {} LEFT JOIN units u ON u.tenant_id = p.tenant_id "
      "AND u.id = p.unit_id{} WHERE {}",
      kPersonColumns, per_row ? organization_codes_sql(engine) : "''",
      per_row ? organization_ids_sql(engine) : "''",
      query.organization_id ? fmt::format(", {}", kMembershipColumns) : "", extra, source,
      filter.joins, filter.where);
}

// The codes and ids of the current organizations of the people listed, in one query.
Status fill_organizations(SqlConnection& connection, Id tenant,
                          std::vector<MemberListing*>& listings) {
  if (listings.empty()) return {};
  std::vector<SqlValue> params{tenant};
  std::string ids;
  std::map<Id, MemberListing*> by_id;
  for (MemberListing* listing : listings) {
    params.emplace_back(listing->person.id);
    ids += fmt::format("{}${}", ids.empty() ? "" : ", ", params.size());
    by_id[listing->person.id] = listing;
  }
  return connection.query(
      fmt::format("SELECT mm.person_id, o.id, o.code FROM memberships mm JOIN organizations o ON "
                  "o.tenant_id = mm.tenant_id AND o.id = mm.organization_id WHERE mm.tenant_id = "
                  "$1 AND mm.status <> 'left' AND mm.person_id IN ({}) ORDER BY mm.person_id, "
                  "o.sort_key",
                  ids),
      params, [&](const SqlRow& row) -> Status {
        MemberListing& listing = *by_id.at(row.integer(0));
        if (!listing.organization_codes.empty()) listing.organization_codes += ", ";
        listing.organization_codes += row.text(2);
        listing.organization_ids.push_back(row.integer(1));
        return {};
      });
}

// The column after those read_listing reads.
int listing_columns(const MemberQuery& query) {
  return kPersonColumnCount + 3 + (query.organization_id ? 8 : 0);
}

MemberListing read_listing(const SqlRow& row, const MemberQuery& query) {
  MemberListing listing;
  listing.person = read_person(row);
  listing.unit_name = row.text(kPersonColumnCount);
  listing.organization_codes = row.text(kPersonColumnCount + 1);
  listing.organization_ids = parse_ids(row.text(kPersonColumnCount + 2));
  if (query.organization_id) listing.membership = read_membership(row, kPersonColumnCount + 3);
  return listing;
}

// The distinct words of the agency's names that begin with `prefix`, at most `most` of them.
Result<std::vector<std::string>> words_beginning(SqlConnection& connection, Id tenant,
                                                 const std::string& prefix, std::size_t most) {
  // One index seek per distinct word: the agency's vocabulary is small, its rows are not.
  std::vector<std::string> words;
  while (words.size() < most) {
    // One lower bound only: given two, the engine may seek by the looser one and walk every row
    // of the previous word.
    const bool first = words.empty();
    const SqlValue params[] = {tenant, first ? prefix : words.back(), prefix_end(prefix)};
    std::optional<std::string> found;
    auto status = connection.query(
        first ? "SELECT word FROM person_words WHERE tenant_id = $1 AND word >= $2 AND word < $3 "
                "ORDER BY word LIMIT 1"
              : "SELECT word FROM person_words WHERE tenant_id = $1 AND word > $2 AND word < $3 "
                "ORDER BY word LIMIT 1",
        params, [&](const SqlRow& row) -> Status {
          found = row.text(0);
          return {};
        });
    if (!status) return std::unexpected(status.error());
    if (!found) break;
    words.push_back(std::move(*found));
  }
  return words;
}

// A page of a search: for each word, its first matches in name order straight from
// person_words; the lists merged.
Status list_by_words(SqlConnection& connection, Id tenant, const MemberQuery& query,
                     MemberFilter& filter, const std::vector<std::string>& words,
                     const std::function<Status(const MemberListing&)>& callback) {
  const std::int64_t wanted = query.offset + query.limit;
  const std::string word_parameter = filter.next(std::string());
  const std::string sql = fmt::format(
      "{}{} AND w.word = {} ORDER BY w.sort_key, w.person_id LIMIT {}",
      member_select(connection.engine(), query, filter,
                    "person_words w JOIN persons p ON p.tenant_id = w.tenant_id AND p.id = "
                    "w.person_id",
                    ", w.sort_key", Organizations::per_page),
      filter.word_where, word_parameter, filter.next(wanted));
  // With the sort key first so that the lists merge in name order.
  std::vector<std::pair<std::string, MemberListing>> found;
  for (const std::string& word : words) {
    filter.params[filter.params.size() - 2] = word;
    auto status = connection.query(sql, filter.params, [&](const SqlRow& row) -> Status {
      found.emplace_back(row.bytes(listing_columns(query)), read_listing(row, query));
      return {};
    });
    if (!status) return status;
  }
  // A person whose name has two words that begin with the typed one is found twice.
  std::ranges::sort(
      found, [](const auto& a, const auto& b) { return a.second.person.id < b.second.person.id; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) {
                            return a.second.person.id == b.second.person.id;
                          }),
              found.end());
  std::ranges::sort(found, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.person.id < b.second.person.id;
  });
  std::vector<MemberListing*> page;
  for (std::size_t i = static_cast<std::size_t>(query.offset);
       i < found.size() && i < static_cast<std::size_t>(wanted); ++i) {
    page.push_back(&found[i].second);
  }
  if (auto filled = fill_organizations(connection, tenant, page); !filled) return filled;
  for (MemberListing* listing : page) {
    if (auto done = callback(*listing); !done) return done;
  }
  return {};
}

}  // namespace

Status RegistryStore::list_members(Id tenant, const MemberQuery& query,
                                   const std::function<Status(const MemberListing&)>& callback) {
  // A page of a search reads, for each word that begins with the driving word, its first matches
  // in name order straight from person_words, and merges them: no scan, no sort of all matches.
  constexpr std::size_t kMostWords = 32;
  // Deep pages would hold every earlier row of every word in memory: they scan instead. So do
  // lists with former members, where one person may have several memberships in the
  // organization and the index's per-word LIMIT would count memberships, not people.
  constexpr std::int64_t kDeepestIndexedRow = 2000;
  // The index is read in name order: another order scans.
  if (query.limit >= 0 && query.offset <= kDeepestIndexedRow - query.limit &&
      !query.include_former && query.order == PeopleOrder::name) {
    auto plan = TRY(plan_search(tenant, name_search_words(query)));
    if (plan) {
      MemberFilter filter = member_filter(tenant, query, &*plan);
      auto words = TRY(words_beginning(connection_, tenant, filter.driving_word, kMostWords + 1));
      if (words.size() <= kMostWords) {
        return list_by_words(connection_, tenant, query, filter, words, callback);
      }
    }
  }
  MemberFilter filter = member_filter(tenant, query);
  std::string sql = member_select(connection_.engine(), query, filter, "persons p");
  switch (query.order) {
    case PeopleOrder::name:
      sql += " ORDER BY p.sort_key, p.id";
      break;
    case PeopleOrder::name_descending:
      sql += " ORDER BY p.sort_key DESC, p.id DESC";
      break;
    case PeopleOrder::unit:
      // People in no department come last, on both engines.
      sql +=
          " ORDER BY (SELECT u.sort_key FROM units u WHERE u.tenant_id = p.tenant_id AND u.id = "
          "p.unit_id) NULLS LAST, p.sort_key, p.id";
      break;
  }
  if (query.limit >= 0) {
    sql += fmt::format(" LIMIT {} OFFSET {}", filter.next(query.limit), filter.next(query.offset));
  }
  return connection_.query(sql, filter.params, [&](const SqlRow& row) -> Status {
    return callback(read_listing(row, query));
  });
}

Result<std::optional<SearchPlan>> RegistryStore::plan_search(
    Id tenant, const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  SearchPlan plan;
  plan.driving = words.front();
  if (words.size() > 1) {
    // Family names are long and common ("nguyen"), given names short and rarer: so each word's
    // matches are counted, up to a point, and the fewest win.
    constexpr std::int64_t kEnough = 2000;
    std::int64_t fewest = kEnough + 1;
    for (const std::string& word : words) {
      const SqlValue params[] = {tenant, word, prefix_end(word), kEnough};
      auto count =
          query_integer(connection_,
                        "SELECT count(*) FROM (SELECT 1 FROM person_words WHERE tenant_id = "
                        "$1 AND word >= $2 AND word < $3 LIMIT $4) c",
                        params);
      if (!count) return std::unexpected(count.error());
      // On a tie the later word wins: Vietnamese write the given name last.
      if (count->value_or(0) <= fewest) {
        plan.driving = word;
        fewest = count->value_or(0);
      }
    }
  }
  constexpr std::size_t kMostWords = 32;
  for (const std::string& word : words) {
    if (word == plan.driving) continue;
    auto begun = TRY(words_beginning(connection_, tenant, word, kMostWords + 1));
    if (begun.size() > kMostWords) begun.clear();
    // A word that begins no word of any name: nobody matches, which the empty IN list would not
    // say, so it is checked on the name (and fails there).
    plan.others.emplace_back(word, std::move(begun));
  }
  return plan;
}

Result<std::int64_t> RegistryStore::count_members(Id tenant, const MemberQuery& query) {
  auto plan = TRY(plan_search(tenant, name_search_words(query)));
  MemberFilter filter = member_filter(tenant, query, plan ? &*plan : nullptr);
  std::string sql;
  if (filter.driving_word.empty()) {
    sql = fmt::format("SELECT count(*) FROM persons p{} WHERE {}", filter.joins, filter.where);
  } else if (filter.joins.empty() && filter.where == "p.tenant_id = $1") {
    // Nothing to check but the word: the index alone answers, without reading any person; and
    // when one word alone begins with what was typed, nobody is counted twice.
    auto words = TRY(words_beginning(connection_, tenant, filter.driving_word, 2));
    const std::string limit =
        query.count_limit >= 0 ? " LIMIT " + filter.next(query.count_limit) : "";
    sql = words.size() == 1
              ? fmt::format(
                    "SELECT count(*) FROM (SELECT 1 FROM person_words w WHERE w.tenant_id = $1 "
                    "AND w.word = {}{}{}) c",
                    filter.next(words.front()), filter.word_where, limit)
              : fmt::format(
                    "SELECT count(*) FROM (SELECT DISTINCT w.person_id FROM person_words w "
                    "WHERE w.tenant_id = $1 AND w.word >= {} AND w.word < {}{}{}) c",
                    filter.next(filter.driving_word), filter.next(prefix_end(filter.driving_word)),
                    filter.word_where, limit);
  } else {
    sql = fmt::format(
        "SELECT count(*) FROM (SELECT DISTINCT w.person_id FROM person_words w JOIN persons p ON "
        "p.tenant_id = w.tenant_id AND p.id = w.person_id{} WHERE {}{} AND w.word >= {} AND "
        "w.word < {}{}) c",
        filter.joins, filter.where, filter.word_where, filter.next(filter.driving_word),
        filter.next(prefix_end(filter.driving_word)),
        query.count_limit >= 0 ? " LIMIT " + filter.next(query.count_limit) : "");
  }
  auto count = TRY(query_integer(connection_, sql, filter.params));
  return count.value_or(0);
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

Result<std::optional<Organization>> RegistryStore::find_organization_by_id(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(
      connection_,
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 AND id = $2",
      params, [](const SqlRow& row) { return read_organization(row); });
}

Result<std::optional<Unit>> RegistryStore::find_unit_by_id(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_, "SELECT id, code, name FROM units WHERE tenant_id = $1 AND id = $2",
                   params, [](const SqlRow& row) {
                     return Unit{row.integer(0), row.text(1), row.text(2)};
                   });
}

Result<std::vector<CommitteeRole>> RegistryStore::committee_roles_of_person(Id tenant,
                                                                            Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  return query_all(
      connection_,
      "SELECT id, organization_id, person_id, role, term, term_start, term_end FROM "
      "committee_roles WHERE tenant_id = $1 AND person_id = $2 ORDER BY term_start DESC, id",
      params, [](const SqlRow& row) { return read_committee_role(row); });
}

Result<std::optional<CommitteeRole>> RegistryStore::find_committee_role(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(connection_,
                   "SELECT id, organization_id, person_id, role, term, term_start, term_end FROM "
                   "committee_roles WHERE tenant_id = $1 AND id = $2",
                   params, [](const SqlRow& row) { return read_committee_role(row); });
}

Status RegistryStore::update_committee_role(Id tenant, const CommitteeRole& role) {
  const SqlValue params[] = {tenant,
                             role.id,
                             std::string(code_of(role.role)),
                             role.term,
                             date_value(role.term_start),
                             date_value(role.term_end)};
  return changed(connection_.execute(
      "UPDATE committee_roles SET role = $3, term = $4, term_start = $5, term_end = $6 WHERE "
      "tenant_id = $1 AND id = $2",
      params));
}

Status RegistryStore::update_agency(const Agency& agency) {
  const SqlValue params[] = {agency.id, agency.name, agency.province};
  return changed(
      connection_.execute("UPDATE agencies SET name = $2, province = $3 WHERE id = $1", params));
}

Status RegistryStore::update_unit(Id tenant, const Unit& unit) {
  const SqlValue params[] = {tenant,
                             unit.id,
                             unit.code,
                             unit.name,
                             lower_case(unit.name),
                             Bytes{collation_key(unit.name)}};
  return changed(connection_.execute(
      "UPDATE units SET code = $3, name = $4, name_key = $5, sort_key = $6 WHERE tenant_id = $1 "
      "AND id = $2",
      params));
}

Status RegistryStore::delete_unit(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  auto people = TRY(query_integer(
      connection_, "SELECT count(*) FROM persons WHERE tenant_id = $1 AND unit_id = $2", params));
  if (people.value_or(0) > 0) {
    return fail(ErrorKind::conflict, "unit.not_empty",
                fmt::format("Đơn vị còn {} người; hãy chuyển họ sang đơn vị khác trước.",
                            people.value_or(0)),
                fmt::format("The unit still has {} people; move them to another unit first.",
                            people.value_or(0)));
  }
  return changed(connection_.execute("DELETE FROM units WHERE tenant_id = $1 AND id = $2", params));
}

Status RegistryStore::update_organization(Id tenant, const Organization& organization) {
  const SqlValue params[] = {
      tenant,
      organization.id,
      organization.code,
      organization.name,
      std::string(code_of(organization.kind)),
      organization.superior ? SqlValue(organization.superior->agency_id) : SqlValue(),
      organization.superior ? SqlValue(organization.superior->organization_id) : SqlValue(),
      Bytes{collation_key(organization.name)}};
  return changed(connection_.execute(
      "UPDATE organizations SET code = $3, name = $4, kind = $5, superior_tenant_id = $6, "
      "superior_id = $7, sort_key = $8 WHERE tenant_id = $1 AND id = $2",
      params));
}

Result<std::optional<PartnerUnit>> RegistryStore::find_partner_unit(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return query_one(
      connection_,
      "SELECT id, name, address, contact_name, contact_phone, note FROM partner_units WHERE "
      "tenant_id = $1 AND id = $2",
      params, [](const SqlRow& row) {
        return PartnerUnit{row.integer(0), row.text(1), row.text(2),
                           row.text(3),    row.text(4), row.text(5)};
      });
}

Status RegistryStore::update_partner_unit(Id tenant, const PartnerUnit& partner) {
  const SqlValue params[] = {tenant,
                             partner.id,
                             partner.name,
                             partner.address,
                             partner.contact_name,
                             partner.contact_phone,
                             partner.note,
                             Bytes{collation_key(partner.name)}};
  return changed(connection_.execute(
      "UPDATE partner_units SET name = $3, address = $4, contact_name = $5, contact_phone = $6, "
      "note = $7, sort_key = $8 WHERE tenant_id = $1 AND id = $2",
      params));
}

Status RegistryStore::delete_partner_unit(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  return changed(
      connection_.execute("DELETE FROM partner_units WHERE tenant_id = $1 AND id = $2", params));
}

}  // namespace dk::store
