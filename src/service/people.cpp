#include "service/people.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/contact_fields.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/account_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

constexpr std::size_t kLongestText = 500;
constexpr std::int64_t kLargestPage = 500;
constexpr std::int64_t kLargestOffset = 10'000'000;

std::unexpected<Error> invalid(std::string_view field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::string(field)});
}

std::unexpected<Error> person_not_found(Id id) {
  return fail(ErrorKind::not_found, "person.not_found",
              fmt::format("Không có người mang mã {}.", id),
              fmt::format("There is no person with id {}.", id));
}

// Brings every field of a person to its canonical form, or says which field is wrong and why.
Status canonicalize(store::RegistryStore& registry, Id tenant, const CivilDate& today,
                    Person& person) {
  person.full_name = title_case_name(normalize_text(person.full_name));
  if (person.full_name.empty()) {
    return invalid("full_name", "person.name_missing", "Họ và tên không được để trống.",
                   "The full name must not be empty.");
  }
  if (person.full_name.size() > 200) {
    return invalid("full_name", "person.name_too_long", "Họ và tên dài quá 200 ký tự.",
                   "The full name is longer than 200 characters.");
  }
  auto text_field = [&](std::string& value, std::string_view field) -> Status {
    value = normalize_text(value);
    if (value.size() > kLongestText) {
      return invalid(
          field, "person.text_too_long",
          fmt::format("Trường “{}” dài quá {} ký tự.", field, kLongestText),
          fmt::format("The field “{}” is longer than {} characters.", field, kLongestText));
    }
    return {};
  };
  if (auto ok = text_field(person.address, "address"); !ok) return ok;
  if (auto ok = text_field(person.position, "position"); !ok) return ok;
  if (!person.id_number.empty()) {
    auto number = canonical_id_number(person.id_number);
    if (!number) {
      return invalid("id_number", "person.id_number_invalid",
                     "Số CCCD phải có 12 chữ số (hoặc 9 với CMND cũ).",
                     "The ID number must have 12 digits (or 9 for an old ID card).");
    }
    person.id_number = *number;
  }
  if (!person.phone.empty()) {
    auto phone = canonical_phone(person.phone);
    if (!phone) {
      return invalid("phone", "person.phone_invalid",
                     "Số điện thoại không hợp lệ (ví dụ 0912345678).",
                     "The phone number is not valid (e.g. 0912345678).");
    }
    person.phone = *phone;
  }
  if (!person.email.empty()) {
    auto email = canonical_email(person.email);
    if (!email) {
      return invalid("email", "person.email_invalid", "Địa chỉ email không hợp lệ.",
                     "The e-mail address is not valid.");
    }
    person.email = *email;
  }
  if (person.birth_date) {
    const CivilDate earliest{1900, 1, 1};
    if (days_from_civil(*person.birth_date) < days_from_civil(earliest) ||
        days_from_civil(*person.birth_date) > days_from_civil(today)) {
      return invalid("birth_date", "person.birth_date_invalid",
                     "Ngày sinh phải từ 01/01/1900 đến hôm nay.",
                     "The date of birth must be between 01/01/1900 and today.");
    }
  }
  if (person.unit_id) {
    auto unit = TRY(registry.find_unit_by_id(tenant, *person.unit_id));
    if (!unit) {
      return invalid("unit_id", "unit.not_found",
                     fmt::format("Không có đơn vị mang mã {}.", *person.unit_id),
                     fmt::format("There is no unit with id {}.", *person.unit_id));
    }
  }
  return {};
}

// The organizations a person is a current member of.
std::vector<Id> current_organizations(const std::vector<Membership>& memberships) {
  std::vector<Id> organizations;
  for (const Membership& membership : memberships) {
    if (membership.status != MembershipStatus::left)
      organizations.push_back(membership.organization_id);
  }
  return organizations;
}

// Whether the actor may see that the person exists at all.
bool may_see_person(const Principal& principal, Id person_id,
                    const std::vector<Id>& person_organizations) {
  const PeopleScope scope = people_scope(principal);
  if (scope.everyone || scope.self == person_id) return true;
  return std::ranges::any_of(person_organizations, [&](Id organization) {
    return std::ranges::find(scope.organizations, organization) != scope.organizations.end();
  });
}

// Reads a person with memberships and committee seats, as the actor may see them; records the
// read of personal data if any was shown.
Result<PersonRecord> load_person(store::SqlConnection& connection, const Actor& actor, Id id,
                                 bool audit_read) {
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  auto person = registry.find_person(tenant, id);
  if (!person) return std::unexpected(person.error());
  if (!*person) return person_not_found(id);
  auto memberships = registry.memberships_of(tenant, id);
  if (!memberships) return std::unexpected(memberships.error());
  const std::vector<Id> organizations = current_organizations(*memberships);
  // Someone the actor may not see answers as someone who is not there: a 403 would tell that the
  // id belongs to a person, and let ids be walked to count and place people.
  if (!may_see_person(actor.principal, id, organizations)) return person_not_found(id);
  PersonRecord record;
  record.view.person = std::move(**person);
  record.view.personal_data = may_see_personal_data(actor.principal, id, organizations);
  if (!record.view.personal_data) hide_personal_data(record.view.person);
  if (record.view.person.unit_id) {
    auto unit = TRY(registry.find_unit_by_id(tenant, *record.view.person.unit_id));
    if (unit) record.view.unit_name = unit->name;
  }
  // The codes of the current organizations, in the order lists give them.
  auto all_organizations = TRY(registry.list_organizations(tenant));
  for (const Organization& organization : all_organizations) {
    if (std::ranges::find(organizations, organization.id) == organizations.end()) continue;
    if (!record.view.organization_codes.empty()) record.view.organization_codes += ", ";
    record.view.organization_codes += organization.code;
  }
  record.memberships = std::move(*memberships);
  auto roles = TRY(registry.committee_roles_of_person(tenant, id));
  record.committee_roles = std::move(roles);
  if (audit_read && record.view.personal_data && actor.principal.person_id != id) {
    if (auto audited = record_audit(connection, actor, "read_personal", "person", id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
  }
  return record;
}

std::string fields_detail(const std::vector<std::string_view>& fields) {
  std::string quoted;
  for (const std::string_view field : fields)
    quoted += fmt::format("{}\"{}\"", quoted.empty() ? "" : ",", field);
  return fmt::format("{{\"fields\":[{}]}}", quoted);
}

}  // namespace

void hide_personal_data(Person& person) {
  person.birth_date.reset();
  person.id_number.clear();
  person.phone.clear();
  person.email.clear();
  person.address.clear();
}

MemberQuery visible_people(const Actor& actor, const PeopleRequest& request) {
  MemberQuery query;
  query.search = normalize_text(request.search);
  query.organization_id = request.organization_id;
  query.unit_id = request.unit_id;
  query.include_former = request.include_former;
  query.membership = request.membership;
  query.order = request.order;
  const PeopleScope scope = people_scope(actor.principal);
  if (!scope.everyone) {
    query.within_organizations = scope.organizations;
    query.including_person = scope.self;
  }
  // Whether someone matches a number tells the number: a search by phone or CCCD looks only among
  // the people whose personal data the caller may see.
  if (is_number_search(query.search) && !actor.principal.administrator) {
    query.within_organizations = actor.principal.officer_of;
    query.including_person = actor.principal.person_id;
  }
  return query;
}

Result<PeoplePage> list_people(store::SqlConnection& connection, const Actor& actor,
                               const PeopleRequest& request) {
  if (request.limit < 1 || request.limit > kLargestPage) {
    return invalid("limit", "list.limit_invalid",
                   fmt::format("Số dòng mỗi trang phải từ 1 đến {}.", kLargestPage),
                   fmt::format("The page size must be between 1 and {}.", kLargestPage));
  }
  if (request.offset < 0 || request.offset > kLargestOffset) {
    return invalid("offset", "list.offset_invalid",
                   fmt::format("Vị trí bắt đầu phải từ 0 đến {}.", kLargestOffset),
                   fmt::format("The offset must be between 0 and {}.", kLargestOffset));
  }
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  MemberQuery query = visible_people(actor, request);
  PeoplePage page;
  // Counting every "Nguyễn" of a province costs more than the page itself; past a thousand
  // matches a search is refined, not paged through.
  if (!query.search.empty()) query.count_limit = kSearchCountLimit + 1;
  auto total = registry.count_members(tenant, query);
  if (!total) return std::unexpected(total.error());
  page.total = std::min(*total, query.count_limit < 0 ? *total : kSearchCountLimit);
  page.total_exact = query.count_limit < 0 || *total <= kSearchCountLimit;
  query.limit = request.limit;
  query.offset = request.offset;
  std::vector<Id> shown_personal;
  auto listed = registry.list_members(tenant, query, [&](const MemberListing& listing) {
    PersonView view;
    view.person = listing.person;
    view.personal_data =
        may_see_personal_data(actor.principal, listing.person.id, listing.organization_ids);
    if (view.personal_data) {
      if (listing.person.id != actor.principal.person_id)
        shown_personal.push_back(listing.person.id);
    } else {
      hide_personal_data(view.person);
    }
    view.unit_name = listing.unit_name;
    view.organization_codes = listing.organization_codes;
    view.membership = listing.membership;
    page.items.push_back(std::move(view));
    return Status{};
  });
  if (!listed) return std::unexpected(listed.error());
  if (!shown_personal.empty()) {
    if (auto audited = record_audit(
            connection, actor, "read_personal", "person", std::nullopt,
            fmt::format("{{\"people\":[{}],\"search\":{}}}", fmt::join(shown_personal, ","),
                        std::string(request.search.empty() ? "false" : "true")));
        !audited) {
      return std::unexpected(audited.error());
    }
  }
  return page;
}

Result<PersonRecord> read_person(store::SqlConnection& connection, const Actor& actor, Id id) {
  return load_person(connection, actor, id, true);
}

Result<PersonRecord> create_person(store::SqlConnection& connection, const Actor& actor,
                                   NewPerson request) {
  const Principal& principal = actor.principal;
  if (!may_create_person(principal)) return refuse();
  // An officer adds people to an organization they manage; only an administrator adds people who
  // belong to none.
  if (request.organization_id ? !may_manage_organization(principal, *request.organization_id)
                              : !principal.administrator) {
    return refuse();
  }
  store::RegistryStore registry(connection);
  const Id tenant = principal.tenant;
  auto created = store::in_transaction(connection, [&]() -> Result<Id> {
    if (auto ok = canonicalize(registry, tenant, vietnam_date(actor.clock()), request.person); !ok)
      return std::unexpected(ok.error());
    if (request.organization_id) {
      auto organization = TRY(registry.find_organization_by_id(tenant, *request.organization_id));
      if (!organization || organization->external) {
        return invalid("organization_id", "organization.not_found",
                       "Không có tổ chức này trong cơ quan.",
                       "There is no such organization in the agency.");
      }
    }
    auto person = TRY(registry.create_person(tenant, request.person));
    if (auto audited = record_audit(connection, actor, "create", "person", person.id, "{}");
        !audited) {
      return std::unexpected(audited.error());
    }
    if (request.organization_id) {
      Membership membership;
      membership.person_id = person.id;
      membership.organization_id = *request.organization_id;
      membership.joined_on = request.joined_on.value_or(vietnam_date(actor.clock()));
      membership.card_number = normalize_text(request.card_number);
      auto enrolled = TRY(registry.create_membership(tenant, membership));
      if (auto audited = record_audit(connection, actor, "create", "membership", enrolled.id,
                                      fmt::format("{{\"person\":{}}}", person.id));
          !audited) {
        return std::unexpected(audited.error());
      }
    }
    return person.id;
  });
  if (!created) return std::unexpected(created.error());
  return load_person(connection, actor, *created, false);
}

Result<PersonRecord> update_person(store::SqlConnection& connection, const Actor& actor, Id id,
                                   const PersonChanges& changes) {
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  auto updated = store::in_transaction(connection, [&]() -> Status {
    auto found = TRY(registry.find_person(tenant, id));
    if (!found) return person_not_found(id);
    auto memberships = TRY(registry.memberships_of(tenant, id));
    const std::vector<Id> organizations = current_organizations(memberships);
    if (!may_see_person(actor.principal, id, organizations)) return person_not_found(id);
    if (!may_update_person(actor.principal, id, organizations)) return refuse();
    const bool identity = changes.full_name || changes.gender || changes.birth_date ||
                          changes.id_number || changes.unit_id || changes.position;
    if (identity && !may_change_identity(actor.principal, organizations)) return refuse();

    Person person = *found;
    std::vector<std::string_view> fields;
    auto apply = [&](auto& target, const auto& change, std::string_view field) {
      if (change && target != *change) {
        target = *change;
        fields.push_back(field);
      }
    };
    apply(person.full_name, changes.full_name, "full_name");
    apply(person.gender, changes.gender, "gender");
    apply(person.birth_date, changes.birth_date, "birth_date");
    apply(person.id_number, changes.id_number, "id_number");
    apply(person.phone, changes.phone, "phone");
    apply(person.email, changes.email, "email");
    apply(person.address, changes.address, "address");
    apply(person.unit_id, changes.unit_id, "unit_id");
    apply(person.position, changes.position, "position");
    if (fields.empty()) return {};
    if (auto ok = canonicalize(registry, tenant, vietnam_date(actor.clock()), person); !ok)
      return ok;
    if (auto written = registry.update_person(tenant, person); !written) return written;
    return record_audit(connection, actor, "update", "person", id, fields_detail(fields));
  });
  if (!updated) return std::unexpected(updated.error());
  return load_person(connection, actor, id, false);
}

Result<PersonRecord> remove_person(store::SqlConnection& connection, const Actor& actor, Id id,
                                   std::string reason) {
  if (!actor.principal.administrator) return refuse();
  store::RegistryStore registry(connection);
  const Id tenant = actor.principal.tenant;
  reason = normalize_text(reason);
  if (reason.empty()) reason = "Chuyển công tác / left the agency";
  auto removed = store::in_transaction(connection, [&]() -> Status {
    auto found = TRY(registry.find_person(tenant, id));
    if (!found) return person_not_found(id);
    auto memberships = TRY(registry.memberships_of(tenant, id));
    const CivilDate today = vietnam_date(actor.clock());
    for (Membership membership : memberships) {
      if (membership.status == MembershipStatus::left) continue;
      membership.status = MembershipStatus::left;
      membership.left_on = today;
      membership.leave_reason = reason;
      if (auto written = registry.update_membership(tenant, membership); !written) return written;
    }
    // Whoever leaves the agency leaves its committees and can no longer sign in.
    auto seats = TRY(registry.committee_roles_of_person(tenant, id));
    for (CommitteeRole seat : seats) {
      if (seat.term_end && days_from_civil(*seat.term_end) <= days_from_civil(today)) continue;
      seat.term_end = today;
      if (seat.term_start && days_from_civil(*seat.term_start) > days_from_civil(today))
        seat.term_start = today;
      if (auto written = registry.update_committee_role(tenant, seat); !written) return written;
    }
    if (auto disabled = store::AccountStore(connection).disable_person_account(tenant, id);
        !disabled) {
      return disabled;
    }
    return record_audit(connection, actor, "delete", "person", id, "{}");
  });
  if (!removed) return std::unexpected(removed.error());
  return load_person(connection, actor, id, false);
}

}  // namespace dk::service
