// RegistryStore: the agency's structure — agencies, units, organizations, their committees and
// partner units.

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

Result<std::vector<std::pair<Id, Organization>>> RegistryStore::organizations_below_elsewhere(
    Id tenant, Id organization) {
  const SqlValue params[] = {tenant, organization};
  return query_all(
      connection_,
      "SELECT id, code, name, kind, superior_tenant_id, superior_id, external, tenant_id FROM "
      "organizations WHERE superior_tenant_id = $1 AND superior_id = $2 AND tenant_id <> $1 AND "
      "external = 0 ORDER BY tenant_id, sort_key, id",
      params, [](const SqlRow& row) {
        return std::pair{row.integer(7), read_organization(row)};
      });
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
