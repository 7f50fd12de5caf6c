#include "service/organizations.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/command_line.hpp"
#include "service/refusal.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"
#include "store/statistics_store.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> invalid(std::string_view field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::string(field)});
}

// A required name: normalized, not empty, not absurdly long.
Status check_name(std::string& name, std::string_view field) {
  name = normalize_text(name);
  if (name.empty()) {
    return invalid(field, "field.required", fmt::format("Trường “{}” không được để trống.", field),
                   fmt::format("The field “{}” must not be empty.", field));
  }
  if (name.size() > 300) {
    return invalid(field, "field.too_long", fmt::format("Trường “{}” dài quá 300 ký tự.", field),
                   fmt::format("The field “{}” is longer than 300 characters.", field));
  }
  return {};
}

Result<Organization> organization_in_agency(store::RegistryStore& registry, Id tenant, Id id,
                                            std::string_view field) {
  auto organization = TRY(registry.find_organization_by_id(tenant, id));
  if (!organization || organization->external) {
    return fail(ErrorKind::not_found, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", id),
                fmt::format("There is no organization with id {} in the agency.", id),
                Location{0, std::string(field)});
  }
  return *organization;
}

Status person_exists(store::RegistryStore& registry, Id tenant, Id id) {
  auto person = TRY(registry.find_person(tenant, id));
  if (!person) {
    return fail(ErrorKind::not_found, "person.not_found",
                fmt::format("Không có người mang mã {}.", id),
                fmt::format("There is no person with id {}.", id), Location{0, "person_id"});
  }
  return {};
}

}  // namespace

Result<Agency> read_agency(store::SqlConnection& connection, const Actor& actor) {
  store::RegistryStore registry(connection);
  auto agencies = TRY(registry.list_agencies());
  for (const Agency& agency : agencies) {
    if (agency.id == actor.principal.tenant) return agency;
  }
  return fail(ErrorKind::internal, "agency.missing", "Không tìm thấy cơ quan của tài khoản.",
              "The account's agency is missing.");
}

Result<std::vector<UnitSummary>> list_units(store::SqlConnection& connection, const Actor& actor) {
  auto units = TRY(store::RegistryStore(connection).list_units(actor.principal.tenant));
  auto counts = TRY(store::StatisticsStore(connection).people_by_unit(actor.principal.tenant));
  std::vector<UnitSummary> summaries;
  for (Unit& unit : units) {
    std::int64_t people = 0;
    for (const UnitCount& count : counts) {
      if (count.unit_id == unit.id) people = count.people;
    }
    summaries.push_back(UnitSummary{std::move(unit), people});
  }
  return summaries;
}

Result<Unit> create_unit(store::SqlConnection& connection, const Actor& actor, Unit unit) {
  if (!may_manage_structure(actor.principal)) return refuse();
  TRY(check_name(unit.name, "name"));
  unit.code = normalize_text(unit.code);
  store::RegistryStore registry(connection);
  return store::in_transaction(connection, [&]() -> Result<Unit> {
    auto existing = TRY(registry.find_unit(actor.principal.tenant, unit.name));
    if (existing) {
      return fail(ErrorKind::conflict, "unit.duplicate",
                  fmt::format("Đã có đơn vị “{}”.", unit.name),
                  fmt::format("There is already a unit “{}”.", unit.name), Location{0, "name"});
    }
    auto created = registry.create_unit(actor.principal.tenant, unit);
    if (!created) return created;
    if (auto audited = record_audit(connection, actor, "create", "unit", created->id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
    return created;
  });
}

Result<std::vector<OrganizationSummary>> list_organizations(store::SqlConnection& connection,
                                                            const Actor& actor) {
  auto organizations =
      TRY(store::RegistryStore(connection).list_organizations(actor.principal.tenant));
  auto members =
      TRY(store::StatisticsStore(connection).members_by_organization(actor.principal.tenant));
  std::vector<OrganizationSummary> summaries;
  for (Organization& organization : organizations) {
    const auto found = members.find(organization.id);
    summaries.push_back(
        OrganizationSummary{std::move(organization), found == members.end() ? 0 : found->second});
  }
  return summaries;
}

Result<OrganizationRecord> read_organization(store::SqlConnection& connection, const Actor& actor,
                                             Id id) {
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  auto organization = registry.find_organization_by_id(tenant, id);
  if (!organization) return std::unexpected(organization.error());
  if (!*organization) {
    return fail(ErrorKind::not_found, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {}.", id),
                fmt::format("There is no organization with id {}.", id));
  }
  OrganizationRecord record;
  record.organization = **organization;
  if (const auto& superior = record.organization.superior;
      superior && superior->agency_id == tenant) {
    auto found = TRY(registry.find_organization_by_id(tenant, superior->organization_id));
    record.superior = found;
  }
  auto committee = registry.committee_of(tenant, id);
  if (!committee) return std::unexpected(committee.error());
  record.committee = std::move(*committee);
  MemberQuery query;
  query.organization_id = id;
  auto members = registry.count_members(tenant, query);
  if (!members) return std::unexpected(members.error());
  record.members = *members;
  return record;
}

Result<std::vector<PartnerUnit>> list_partner_units(store::SqlConnection& connection,
                                                    const Actor& actor) {
  return store::RegistryStore(connection).list_partner_units(actor.principal.tenant);
}

Result<PartnerUnit> create_partner_unit(store::SqlConnection& connection, const Actor& actor,
                                        PartnerUnit partner) {
  if (!may_manage_structure(actor.principal)) return refuse();
  TRY(check_name(partner.name, "name"));
  for (std::string* text :
       {&partner.address, &partner.contact_name, &partner.contact_phone, &partner.note}) {
    *text = normalize_text(*text);
  }
  store::RegistryStore registry(connection);
  return store::in_transaction(connection, [&]() -> Result<PartnerUnit> {
    auto created = registry.create_partner_unit(actor.principal.tenant, partner);
    if (!created) return created;
    if (auto audited = record_audit(connection, actor, "create", "partner_unit", created->id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
    return created;
  });
}

Result<Membership> create_membership(store::SqlConnection& connection, const Actor& actor,
                                     Membership membership) {
  if (!may_manage_organization(actor.principal, membership.organization_id)) return refuse();
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<Membership> {
    auto organization =
        organization_in_agency(registry, tenant, membership.organization_id, "organization_id");
    if (!organization) return std::unexpected(organization.error());
    if (auto ok = person_exists(registry, tenant, membership.person_id); !ok)
      return std::unexpected(ok.error());
    // Enrolling someone opens their personal data to the organization's officers: an officer may
    // enrol only people already in one of their organizations (new people come with
    // POST /people); anyone else is enrolled by an administrator.
    if (!actor.principal.administrator) {
      auto current = TRY(registry.memberships_of(tenant, membership.person_id));
      const bool shares = std::ranges::any_of(current, [&](const Membership& held) {
        return held.status != MembershipStatus::left &&
               actor.principal.is_officer_of(held.organization_id);
      });
      if (!shares) return refuse();
    }
    membership.card_number = normalize_text(membership.card_number);
    membership.leave_reason = normalize_text(membership.leave_reason);
    if (!membership.joined_on) membership.joined_on = vietnam_date(actor.clock());
    if (membership.status == MembershipStatus::left && !membership.left_on)
      membership.left_on = vietnam_date(actor.clock());
    auto created = registry.create_membership(tenant, membership);
    if (!created) return created;
    if (auto audited = record_audit(connection, actor, "create", "membership", created->id,
                                    fmt::format("{{\"person\":{},\"organization\":{}}}",
                                                created->person_id, created->organization_id));
        !audited) {
      return std::unexpected(audited.error());
    }
    return created;
  });
}

Result<Membership> update_membership(store::SqlConnection& connection, const Actor& actor, Id id,
                                     const MembershipChanges& changes) {
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<Membership> {
    auto found = TRY(registry.find_membership(tenant, id));
    if (!found) {
      return fail(ErrorKind::not_found, "membership.not_found",
                  fmt::format("Không có hồ sơ thành viên mang mã {}.", id),
                  fmt::format("There is no membership with id {}.", id));
    }
    Membership membership = *found;
    if (!may_manage_organization(actor.principal, membership.organization_id)) return refuse();
    if (changes.joined_on) membership.joined_on = *changes.joined_on;
    if (changes.status) membership.status = *changes.status;
    if (changes.card_number) membership.card_number = normalize_text(*changes.card_number);
    if (changes.left_on) membership.left_on = *changes.left_on;
    if (changes.leave_reason) membership.leave_reason = normalize_text(*changes.leave_reason);
    if (membership.status == MembershipStatus::left) {
      if (!membership.left_on) membership.left_on = vietnam_date(actor.clock());
    } else {
      membership.left_on.reset();
      membership.leave_reason.clear();
    }
    if (membership.joined_on && membership.left_on &&
        days_from_civil(*membership.left_on) < days_from_civil(*membership.joined_on)) {
      return invalid("left_on", "membership.left_before_joined",
                     "Ngày ra khỏi tổ chức không thể trước ngày vào.",
                     "The leaving date cannot be before the joining date.");
    }
    if (auto written = registry.update_membership(tenant, membership); !written)
      return std::unexpected(written.error());
    if (auto audited =
            record_audit(connection, actor, "update", "membership", id,
                         fmt::format("{{\"status\":\"{}\"}}", code_of(membership.status)));
        !audited) {
      return std::unexpected(audited.error());
    }
    return membership;
  });
}

Result<CommitteeRole> create_committee_role(store::SqlConnection& connection, const Actor& actor,
                                            CommitteeRole role) {
  if (!may_manage_organization(actor.principal, role.organization_id)) return refuse();
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<CommitteeRole> {
    auto organization =
        organization_in_agency(registry, tenant, role.organization_id, "organization_id");
    if (!organization) return std::unexpected(organization.error());
    if (auto ok = person_exists(registry, tenant, role.person_id); !ok)
      return std::unexpected(ok.error());
    role.term = normalize_text(role.term);
    if (role.term_start && role.term_end &&
        days_from_civil(*role.term_end) < days_from_civil(*role.term_start)) {
      return invalid("term_end", "committee.term_reversed",
                     "Ngày kết thúc nhiệm kỳ không thể trước ngày bắt đầu.",
                     "The end of the term cannot be before its start.");
    }
    auto created = registry.create_committee_role(tenant, role);
    if (!created) return created;
    if (auto audited = record_audit(connection, actor, "create", "committee_role", created->id,
                                    fmt::format("{{\"person\":{},\"organization\":{}}}",
                                                created->person_id, created->organization_id));
        !audited) {
      return std::unexpected(audited.error());
    }
    return created;
  });
}

namespace {

std::unexpected<Error> missing(std::string_view what_vi, std::string_view what_en, Id id) {
  return fail(ErrorKind::not_found, "record.not_found",
              fmt::format("Không có {} mang mã {}.", what_vi, id),
              fmt::format("There is no {} with id {}.", what_en, id));
}

// Runs `change` in a transaction for an administrator and records it in the audit log.
template <class Change>
auto structural_change(store::SqlConnection& connection, const Actor& actor,
                       std::string_view action, std::string_view entity, Id id, Change&& change)
    -> decltype(change()) {
  if (!may_manage_structure(actor.principal)) return refuse();
  return store::in_transaction(connection, [&]() -> decltype(change()) {
    auto result = change();
    if (!result) return result;
    if (auto audited = record_audit(connection, actor, action, entity, id, "{}"); !audited)
      return std::unexpected(audited.error());
    return result;
  });
}

}  // namespace

Result<Agency> update_agency(store::SqlConnection& connection, const Actor& actor,
                             const AgencyChanges& changes) {
  return structural_change(
      connection, actor, "update", "agency", actor.principal.tenant, [&]() -> Result<Agency> {
        auto agency = read_agency(connection, actor);
        if (!agency) return agency;
        if (changes.name) agency->name = *changes.name;
        if (changes.province) agency->province = normalize_text(*changes.province);
        TRY(check_name(agency->name, "name"));
        if (auto written = store::RegistryStore(connection).update_agency(*agency); !written) {
          return std::unexpected(written.error());
        }
        return agency;
      });
}

Result<Unit> update_unit(store::SqlConnection& connection, const Actor& actor, Id id,
                         const UnitChanges& changes) {
  return structural_change(connection, actor, "update", "unit", id, [&]() -> Result<Unit> {
    store::RegistryStore registry(connection);
    auto unit = TRY(registry.find_unit_by_id(actor.principal.tenant, id));
    if (!unit) return missing("đơn vị", "unit", id);
    Unit changed = *unit;
    if (changes.name) changed.name = *changes.name;
    if (changes.code) changed.code = normalize_text(*changes.code);
    TRY(check_name(changed.name, "name"));
    if (auto written = registry.update_unit(actor.principal.tenant, changed); !written)
      return std::unexpected(written.error());
    return changed;
  });
}

Status delete_unit(store::SqlConnection& connection, const Actor& actor, Id id) {
  return structural_change(connection, actor, "delete", "unit", id, [&]() -> Status {
    store::RegistryStore registry(connection);
    auto unit = TRY(registry.find_unit_by_id(actor.principal.tenant, id));
    if (!unit) return missing("đơn vị", "unit", id);
    return registry.delete_unit(actor.principal.tenant, id);
  });
}

// The superior named by id must be an organization recorded in this agency, and not the
// organization itself or one below it.
Status check_superior(store::RegistryStore& registry, Id tenant, Id organization, Id superior) {
  for (Id current = superior, steps = 0; steps < 64; ++steps) {
    if (current == organization) {
      return fail(ErrorKind::invalid_input, "organization.superior_cycle",
                  "Một tổ chức không thể là cấp trên của chính nó.",
                  "An organization cannot be its own superior.", Location{0, "superior_id"});
    }
    auto found = TRY(registry.find_organization_by_id(tenant, current));
    if (!found) {
      return fail(ErrorKind::invalid_input, "organization.not_found",
                  fmt::format("Không có tổ chức cấp trên mang mã {}.", current),
                  fmt::format("There is no superior organization with id {}.", current),
                  Location{0, "superior_id"});
    }
    if (!found->superior || found->superior->agency_id != tenant) return {};
    current = found->superior->organization_id;
  }
  return {};
}

Result<Agency> create_agency(store::SqlConnection& connection, Agency agency, const Clock& clock) {
  TRY(check_name(agency.name, "name"));
  TRY(check_name(agency.code, "code"));
  store::RegistryStore registry(connection);
  return store::in_transaction(connection, [&]() -> Result<Agency> {
    if (TRY(registry.find_agency(agency.code))) {
      return fail(ErrorKind::conflict, "agency.code_taken",
                  fmt::format("Đã có cơ quan mã “{}”.", agency.code),
                  fmt::format("There is already an agency with code “{}”.", agency.code),
                  Location{0, "code"});
    }
    auto created = TRY(registry.create_agency(agency));
    TRY(record_audit(connection, command_line_actor(created.id, clock), "create", "agency",
                     created.id, "{}"));
    return created;
  });
}

Result<Organization> create_organization(store::SqlConnection& connection, const Actor& actor,
                                         Organization organization) {
  if (!may_manage_structure(actor.principal)) return refuse();
  TRY(check_name(organization.name, "name"));
  TRY(check_name(organization.code, "code"));
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<Organization> {
    if (organization.superior) {
      if (auto ok = check_superior(registry, tenant, 0, organization.superior->organization_id);
          !ok) {
        return std::unexpected(ok.error());
      }
    }
    auto existing = TRY(registry.find_organization(tenant, organization.code));
    if (existing) {
      return fail(
          ErrorKind::conflict, "organization.code_taken",
          fmt::format("Đã có tổ chức mã “{}”.", organization.code),
          fmt::format("There is already an organization with code “{}”.", organization.code),
          Location{0, "code"});
    }
    auto created = registry.create_organization(tenant, organization);
    if (!created) return created;
    if (auto audited = record_audit(connection, actor, "create", "organization", created->id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
    return created;
  });
}

Result<Organization> update_organization(store::SqlConnection& connection, const Actor& actor,
                                         Id id, const OrganizationChanges& changes) {
  return structural_change(
      connection, actor, "update", "organization", id, [&]() -> Result<Organization> {
        store::RegistryStore registry(connection);
        const Id tenant = actor.principal.tenant;
        auto found = TRY(registry.find_organization_by_id(tenant, id));
        if (!found) return missing("tổ chức", "organization", id);
        Organization organization = *found;
        if (changes.name) organization.name = *changes.name;
        if (changes.code) organization.code = *changes.code;
        if (changes.kind) organization.kind = *changes.kind;
        if (changes.superior_id) {
          organization.superior.reset();
          if (*changes.superior_id) {
            if (auto ok = check_superior(registry, tenant, id, **changes.superior_id); !ok)
              return std::unexpected(ok.error());
            organization.superior = OrganizationRef{tenant, **changes.superior_id};
          }
        }
        if (auto ok = check_name(organization.name, "name"); !ok)
          return std::unexpected(ok.error());
        if (auto ok = check_name(organization.code, "code"); !ok)
          return std::unexpected(ok.error());
        if (auto written = registry.update_organization(tenant, organization); !written)
          return std::unexpected(written.error());
        return organization;
      });
}

Result<PartnerUnit> update_partner_unit(store::SqlConnection& connection, const Actor& actor, Id id,
                                        const PartnerUnitChanges& changes) {
  return structural_change(
      connection, actor, "update", "partner_unit", id, [&]() -> Result<PartnerUnit> {
        store::RegistryStore registry(connection);
        auto found = TRY(registry.find_partner_unit(actor.principal.tenant, id));
        if (!found) return missing("đơn vị bạn", "partner unit", id);
        PartnerUnit partner = *found;
        if (changes.name) partner.name = *changes.name;
        if (changes.address) partner.address = normalize_text(*changes.address);
        if (changes.contact_name) partner.contact_name = normalize_text(*changes.contact_name);
        if (changes.contact_phone) partner.contact_phone = normalize_text(*changes.contact_phone);
        if (changes.note) partner.note = normalize_text(*changes.note);
        TRY(check_name(partner.name, "name"));
        if (auto written = registry.update_partner_unit(actor.principal.tenant, partner); !written)
          return std::unexpected(written.error());
        return partner;
      });
}

Status delete_partner_unit(store::SqlConnection& connection, const Actor& actor, Id id) {
  return structural_change(connection, actor, "delete", "partner_unit", id, [&]() -> Status {
    store::RegistryStore registry(connection);
    auto found = TRY(registry.find_partner_unit(actor.principal.tenant, id));
    if (!found) return missing("đơn vị bạn", "partner unit", id);
    return registry.delete_partner_unit(actor.principal.tenant, id);
  });
}

Result<CommitteeRole> end_committee_role(store::SqlConnection& connection, const Actor& actor,
                                         Id id) {
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  return store::in_transaction(connection, [&]() -> Result<CommitteeRole> {
    auto found = TRY(registry.find_committee_role(tenant, id));
    if (!found) return missing("vị trí trong ban chấp hành", "committee seat", id);
    CommitteeRole role = *found;
    if (!may_manage_organization(actor.principal, role.organization_id)) return refuse();
    const CivilDate today = vietnam_date(actor.clock());
    if (!role.term_end || days_from_civil(*role.term_end) > days_from_civil(today)) {
      role.term_end = today;
      if (role.term_start && days_from_civil(*role.term_start) > days_from_civil(today))
        role.term_start = today;
      if (auto written = registry.update_committee_role(tenant, role); !written)
        return std::unexpected(written.error());
    }
    if (auto audited = record_audit(connection, actor, "delete", "committee_role", id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
    return role;
  });
}

}  // namespace dk::service
