#include "store/registry_store.hpp"

#include <fmt/format.h>

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
};

MemberFilter member_filter(Id tenant, const MemberQuery& query) {
  MemberFilter filter;
  filter.params.emplace_back(tenant);
  auto next = [&](SqlValue value) {
    filter.params.push_back(std::move(value));
    return fmt::format("${}", filter.params.size());
  };
  filter.where = "p.tenant_id = $1";
  if (query.organization_id) {
    filter.joins = fmt::format(
        " JOIN memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id AND "
        "m.organization_id = {}{}",
        next(*query.organization_id), query.include_former ? "" : " AND m.status <> 'left'");
  }
  if (query.unit_id) filter.where += fmt::format(" AND p.unit_id = {}", next(*query.unit_id));
  if (query.within_organizations) {
    std::string within = "-1";  // no organization: only the person themselves
    for (const Id organization : *query.within_organizations) within += ", " + next(organization);
    filter.where += fmt::format(
        " AND (p.id = {} OR EXISTS (SELECT 1 FROM memberships mw WHERE mw.tenant_id = p.tenant_id "
        "AND mw.person_id = p.id AND mw.status <> 'left' AND mw.organization_id IN ({})))",
        next(query.including_person), within);
  }
  const std::string folded = fold_for_search(query.search);
  const bool digits =
      !folded.empty() && folded.find_first_not_of("0123456789 .+") == std::string::npos;
  if (digits) {
    std::string number;
    for (const char c : folded) {
      if (c >= '0' && c <= '9') number.push_back(c);
    }
    const std::string parameter = next("%" + like_escape(number) + "%");
    filter.where += fmt::format(
        " AND (p.id_number LIKE {0} ESCAPE '\\' OR p.phone LIKE {0} ESCAPE '\\')", parameter);
  } else if (!folded.empty()) {
    // Each word typed must begin a word of the name: "nguyen thi" finds "Nguyễn Thị Đức", "duc"
    // finds every Đức, and the order of the words does not matter.
    size_t start = 0;
    int words = 0;
    while (start < folded.size() && words < 8) {
      size_t end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      const std::string word = folded.substr(start, end - start);
      if (!word.empty()) {
        filter.where += fmt::format(" AND (' ' || p.search_key) LIKE {} ESCAPE '\\'",
                                    next("% " + like_escape(word) + "%"));
        ++words;
      }
      start = end + 1;
    }
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
  std::optional<Agency> found;
  auto status =
      connection_.query("SELECT id, code, name, province FROM agencies WHERE code = $1", params,
                        [&](const SqlRow& row) -> Status {
                          found = Agency{row.integer(0), row.text(1), row.text(2), row.text(3)};
                          return {};
                        });
  if (!status) return std::unexpected(status.error());
  return found;
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
  auto inserted = connection_.execute(
      "INSERT INTO units (tenant_id, id, code, name, name_key, sort_key) VALUES ($1, $2, $3, $4, "
      "$5, $6)",
      params);
  if (!inserted) return std::unexpected(inserted.error());
  Unit created = unit;
  created.id = *id;
  return created;
}

Result<std::optional<Unit>> RegistryStore::find_unit(Id tenant, std::string_view code_or_name) {
  const std::string text = normalize_text(code_or_name);
  const SqlValue params[] = {tenant, text, lower_case(text)};
  std::optional<Unit> found;
  auto status = connection_.query(
      "SELECT id, code, name FROM units WHERE tenant_id = $1 AND (code = $2 OR name_key = $3) "
      "ORDER BY CASE WHEN code = $2 THEN 0 ELSE 1 END LIMIT 1",
      params, [&](const SqlRow& row) -> Status {
        found = Unit{row.integer(0), row.text(1), row.text(2)};
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::pair<Id, bool>> RegistryStore::find_or_create_unit(Id tenant, const std::string& name) {
  auto unit = find_unit(tenant, name);
  if (!unit) return std::unexpected(unit.error());
  if (*unit) return std::pair{(*unit)->id, false};
  auto added = create_unit(tenant, Unit{0, "", name});
  if (!added) return std::unexpected(added.error());
  return std::pair{added->id, true};
}

Result<std::vector<Unit>> RegistryStore::list_units(Id tenant) {
  const SqlValue params[] = {tenant};
  std::vector<Unit> units;
  auto status = connection_.query(
      "SELECT id, code, name FROM units WHERE tenant_id = $1 ORDER BY sort_key, id", params,
      [&](const SqlRow& row) -> Status {
        units.push_back({row.integer(0), row.text(1), row.text(2)});
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return units;
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
  auto inserted = connection_.execute(
      "INSERT INTO organizations (tenant_id, id, code, name, kind, superior_tenant_id, "
      "superior_id, external, "
      "sort_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      params);
  if (!inserted) return std::unexpected(inserted.error());
  Organization created = organization;
  created.id = *id;
  return created;
}

Result<std::optional<Organization>> RegistryStore::find_organization(Id tenant,
                                                                     std::string_view code) {
  const SqlValue params[] = {tenant, std::string(code)};
  std::optional<Organization> found;
  auto status = connection_.query(
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 AND code = $2",
      params, [&](const SqlRow& row) -> Status {
        found = read_organization(row);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::vector<Organization>> RegistryStore::list_organizations(Id tenant) {
  const SqlValue params[] = {tenant};
  std::vector<Organization> organizations;
  auto status = connection_.query(
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 ORDER BY external, sort_key, id",
      params, [&](const SqlRow& row) -> Status {
        organizations.push_back(read_organization(row));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return organizations;
}

Status RegistryStore::insert_person(Id tenant, Id id, const Person& person, const NameKeys& keys) {
  const SqlValue params[] = {
      tenant,
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
  auto inserted = connection_.execute(
      "INSERT INTO persons (tenant_id, id, full_name, name_key, search_key, sort_key, gender, "
      "birth_date, "
      "id_number, phone, email, address, unit_id, position) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      params);
  if (!inserted) return std::unexpected(inserted.error());
  return {};
}

Result<Person> RegistryStore::create_person(Id tenant, const Person& person) {
  auto id = reserve_ids(tenant, "persons", 1);
  if (!id) return std::unexpected(id.error());
  auto inserted = insert_person(tenant, *id, person, person_name_keys(person.full_name));
  if (!inserted) {
    Error error = inserted.error();
    if (error.code == "store.duplicate") {
      error.message = {
          fmt::format("Đã có người mang số CCCD {}.", person.id_number),
          fmt::format("Someone with ID number {} is already registered.", person.id_number)};
      error.where.field = "id_number";
    }
    return std::unexpected(error);
  }
  Person created = person;
  created.id = *id;
  return created;
}

Result<std::optional<Person>> RegistryStore::find_person(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<Person> found;
  auto status = connection_.query(
      fmt::format("SELECT {} FROM persons p WHERE p.tenant_id = $1 AND p.id = $2", kPersonColumns),
      params, [&](const SqlRow& row) -> Status {
        found = read_person(row);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::optional<Person>> RegistryStore::find_person_by_id_number(Id tenant,
                                                                      std::string_view id_number) {
  const SqlValue params[] = {tenant, std::string(id_number)};
  std::optional<Person> found;
  auto status = connection_.query(fmt::format("SELECT {} FROM persons p WHERE p.tenant_id = $1 AND "
                                              "p.id_number = $2 AND p.id_number <> ''",
                                              kPersonColumns),
                                  params, [&](const SqlRow& row) -> Status {
                                    found = read_person(row);
                                    return {};
                                  });
  if (!status) return std::unexpected(status.error());
  return found;
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
  auto inserted = connection_.execute(
      "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, status, "
      "card_number, "
      "left_on, leave_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      params);
  if (!inserted) {
    Error error = inserted.error();
    if (error.code == "store.duplicate") {
      error.message = {"Người này đã là thành viên của tổ chức.",
                       "This person is already a member of the organization."};
    }
    return std::unexpected(error);
  }
  Membership created = membership;
  created.id = *id;
  return created;
}

Result<std::vector<Membership>> RegistryStore::memberships_of(Id tenant, Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  std::vector<Membership> memberships;
  auto status = connection_.query(
      fmt::format(
          "SELECT {} FROM memberships m JOIN organizations o ON o.tenant_id = m.tenant_id AND "
          "o.id = m.organization_id WHERE m.tenant_id = $1 AND m.person_id = $2 ORDER BY "
          "o.sort_key, m.id",
          kMembershipColumns),
      params, [&](const SqlRow& row) -> Status {
        memberships.push_back(read_membership(row, 0));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return memberships;
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
  auto inserted = connection_.execute(
      "INSERT INTO committee_roles (tenant_id, id, organization_id, person_id, role, term, "
      "term_start, term_end) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      params);
  if (!inserted) return std::unexpected(inserted.error());
  CommitteeRole created = role;
  created.id = *id;
  return created;
}

Result<std::vector<CommitteeRole>> RegistryStore::committee_of(Id tenant, Id organization_id) {
  const SqlValue params[] = {tenant, organization_id};
  std::vector<CommitteeRole> roles;
  auto status = connection_.query(
      "SELECT c.id, c.organization_id, c.person_id, c.role, c.term, c.term_start, c.term_end "
      "FROM committee_roles c JOIN persons p ON p.tenant_id = c.tenant_id AND p.id = c.person_id "
      "WHERE c.tenant_id = $1 AND c.organization_id = $2 "
      "ORDER BY CASE c.role WHEN 'chair' THEN 0 WHEN 'vice-chair' THEN 1 WHEN 'secretary' THEN 2 "
      "ELSE 3 END, "
      "p.sort_key, c.id",
      params, [&](const SqlRow& row) -> Status {
        roles.push_back(read_committee_role(row));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return roles;
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
  auto inserted = connection_.execute(
      "INSERT INTO partner_units (tenant_id, id, name, address, contact_name, contact_phone, note, "
      "sort_key) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      params);
  if (!inserted) return std::unexpected(inserted.error());
  PartnerUnit created = partner;
  created.id = *id;
  return created;
}

Result<std::vector<PartnerUnit>> RegistryStore::list_partner_units(Id tenant) {
  const SqlValue params[] = {tenant};
  std::vector<PartnerUnit> partners;
  auto status = connection_.query(
      "SELECT id, name, address, contact_name, contact_phone, note FROM partner_units WHERE "
      "tenant_id = $1 "
      "ORDER BY sort_key, id",
      params, [&](const SqlRow& row) -> Status {
        partners.push_back(
            {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)});
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return partners;
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

Status RegistryStore::list_members(Id tenant, const MemberQuery& query,
                                   const std::function<Status(const MemberListing&)>& callback) {
  MemberFilter filter = member_filter(tenant, query);
  std::string sql = fmt::format(
      "SELECT {}, u.name, {}, {}{} FROM persons p LEFT JOIN units u ON u.tenant_id = p.tenant_id "
      "AND u.id = p.unit_id"
      "{} WHERE {} ORDER BY p.sort_key, p.id",
      kPersonColumns, organization_codes_sql(connection_.engine()),
      organization_ids_sql(connection_.engine()),
      query.organization_id ? fmt::format(", {}", kMembershipColumns) : "", filter.joins,
      filter.where);
  if (query.limit >= 0) {
    filter.params.emplace_back(query.limit);
    sql += fmt::format(" LIMIT ${}", filter.params.size());
    filter.params.emplace_back(query.offset);
    sql += fmt::format(" OFFSET ${}", filter.params.size());
  }
  return connection_.query(sql, filter.params, [&](const SqlRow& row) -> Status {
    MemberListing listing;
    listing.person = read_person(row);
    listing.unit_name = row.text(kPersonColumnCount);
    listing.organization_codes = row.text(kPersonColumnCount + 1);
    listing.organization_ids = parse_ids(row.text(kPersonColumnCount + 2));
    if (query.organization_id) listing.membership = read_membership(row, kPersonColumnCount + 3);
    return callback(listing);
  });
}

Result<std::int64_t> RegistryStore::count_members(Id tenant, const MemberQuery& query) {
  const MemberFilter filter = member_filter(tenant, query);
  auto count = query_integer(
      connection_,
      fmt::format("SELECT count(*) FROM persons p{} WHERE {}", filter.joins, filter.where),
      filter.params);
  if (!count) return std::unexpected(count.error());
  return count->value_or(0);
}

Status RegistryStore::update_person(Id tenant, const Person& person) {
  const NameKeys keys = person_name_keys(person.full_name);
  const SqlValue params[] = {
      tenant,
      person.id,
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
  auto updated = connection_.execute(
      "UPDATE persons SET full_name = $3, name_key = $4, search_key = $5, sort_key = $6, gender = "
      "$7, birth_date = $8, id_number = $9, phone = $10, email = $11, address = $12, unit_id = "
      "$13, position = $14 WHERE tenant_id = $1 AND id = $2",
      params);
  if (!updated) {
    Error error = updated.error();
    if (error.code == "store.duplicate") {
      error.message = {
          fmt::format("Đã có người mang số CCCD {}.", person.id_number),
          fmt::format("Someone with ID number {} is already registered.", person.id_number)};
      error.where.field = "id_number";
    }
    return std::unexpected(error);
  }
  return {};
}

Result<std::optional<Membership>> RegistryStore::find_membership(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<Membership> found;
  auto status = connection_.query(
      fmt::format("SELECT {} FROM memberships m WHERE m.tenant_id = $1 AND m.id = $2",
                  kMembershipColumns),
      params, [&](const SqlRow& row) -> Status {
        found = read_membership(row, 0);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Status RegistryStore::update_membership(Id tenant, const Membership& membership) {
  const SqlValue params[] = {tenant,
                             membership.id,
                             date_value(membership.joined_on),
                             std::string(code_of(membership.status)),
                             membership.card_number,
                             date_value(membership.left_on),
                             membership.leave_reason};
  auto updated = connection_.execute(
      "UPDATE memberships SET joined_on = $3, status = $4, card_number = $5, left_on = $6, "
      "leave_reason = $7 WHERE tenant_id = $1 AND id = $2",
      params);
  if (!updated) {
    Error error = updated.error();
    if (error.code == "store.duplicate") {
      error.message = {"Người này đang là thành viên của tổ chức theo một hồ sơ khác.",
                       "This person is a current member of the organization in another record."};
    }
    return std::unexpected(error);
  }
  return {};
}

Result<std::optional<Organization>> RegistryStore::find_organization_by_id(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<Organization> found;
  auto status = connection_.query(
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external FROM organizations "
      "WHERE tenant_id = $1 AND id = $2",
      params, [&](const SqlRow& row) -> Status {
        found = read_organization(row);
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::optional<Unit>> RegistryStore::find_unit_by_id(Id tenant, Id id) {
  const SqlValue params[] = {tenant, id};
  std::optional<Unit> found;
  auto status =
      connection_.query("SELECT id, code, name FROM units WHERE tenant_id = $1 AND id = $2", params,
                        [&](const SqlRow& row) -> Status {
                          found = Unit{row.integer(0), row.text(1), row.text(2)};
                          return {};
                        });
  if (!status) return std::unexpected(status.error());
  return found;
}

Result<std::vector<CommitteeRole>> RegistryStore::committee_roles_of_person(Id tenant,
                                                                            Id person_id) {
  const SqlValue params[] = {tenant, person_id};
  std::vector<CommitteeRole> roles;
  auto status = connection_.query(
      "SELECT id, organization_id, person_id, role, term, term_start, term_end FROM "
      "committee_roles WHERE tenant_id = $1 AND person_id = $2 ORDER BY term_start DESC, id",
      params, [&](const SqlRow& row) -> Status {
        roles.push_back(read_committee_role(row));
        return {};
      });
  if (!status) return std::unexpected(status.error());
  return roles;
}

}  // namespace dk::store
