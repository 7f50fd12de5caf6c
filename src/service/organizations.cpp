#include "service/organizations.hpp"

#include <fmt/format.h>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/registry_store.hpp"

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
  auto organization = registry.find_organization_by_id(tenant, id);
  if (!organization) return std::unexpected(organization.error());
  if (!*organization || (*organization)->external) {
    return fail(ErrorKind::not_found, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", id),
                fmt::format("There is no organization with id {} in the agency.", id),
                Location{0, std::string(field)});
  }
  return **organization;
}

Status person_exists(store::RegistryStore& registry, Id tenant, Id id) {
  auto person = registry.find_person(tenant, id);
  if (!person) return std::unexpected(person.error());
  if (!*person) {
    return fail(ErrorKind::not_found, "person.not_found",
                fmt::format("Không có người mang mã {}.", id),
                fmt::format("There is no person with id {}.", id), Location{0, "person_id"});
  }
  return {};
}

}  // namespace

Result<Agency> read_agency(store::SqlConnection& connection, const Actor& actor) {
  store::RegistryStore registry(connection);
  auto agencies = registry.list_agencies();
  if (!agencies) return std::unexpected(agencies.error());
  for (const Agency& agency : *agencies) {
    if (agency.id == actor.principal.tenant) return agency;
  }
  return fail(ErrorKind::internal, "agency.missing", "Không tìm thấy cơ quan của tài khoản.",
              "The account's agency is missing.");
}

Result<std::vector<Unit>> list_units(store::SqlConnection& connection, const Actor& actor) {
  return store::RegistryStore(connection).list_units(actor.principal.tenant);
}

Result<Unit> create_unit(store::SqlConnection& connection, const Actor& actor, Unit unit) {
  if (!may_manage_structure(actor.principal)) return refuse();
  if (auto ok = check_name(unit.name, "name"); !ok) return std::unexpected(ok.error());
  unit.code = normalize_text(unit.code);
  store::RegistryStore registry(connection);
  return store::in_transaction(connection, [&]() -> Result<Unit> {
    auto existing = registry.find_unit(actor.principal.tenant, unit.name);
    if (!existing) return std::unexpected(existing.error());
    if (*existing) {
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

Result<std::vector<Organization>> list_organizations(store::SqlConnection& connection,
                                                     const Actor& actor) {
  return store::RegistryStore(connection).list_organizations(actor.principal.tenant);
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
    auto found = registry.find_organization_by_id(tenant, superior->organization_id);
    if (!found) return std::unexpected(found.error());
    record.superior = *found;
  }
  auto committee = registry.committee_of(tenant, id);
  if (!committee) return std::unexpected(committee.error());
  record.committee = std::move(*committee);
  store::MemberQuery query;
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
  if (auto ok = check_name(partner.name, "name"); !ok) return std::unexpected(ok.error());
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
    auto found = registry.find_membership(tenant, id);
    if (!found) return std::unexpected(found.error());
    if (!*found) {
      return fail(ErrorKind::not_found, "membership.not_found",
                  fmt::format("Không có hồ sơ thành viên mang mã {}.", id),
                  fmt::format("There is no membership with id {}.", id));
    }
    Membership membership = **found;
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

}  // namespace dk::service
