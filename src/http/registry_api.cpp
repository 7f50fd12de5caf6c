// /api/v1 registry resources: the agency, units, organizations, partner units, people,
// memberships and committee roles, and the audit log.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/legal_rules.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "http/json_views.hpp"
#include "service/audit.hpp"
#include "service/organizations.hpp"
#include "service/people.hpp"
#include "service/people_export.hpp"

namespace dk::http {
namespace {

template <class Item, class ToJson>
HttpResponse list_response(const std::vector<Item>& items, ToJson&& to_json) {
  boost::json::array array;
  for (const Item& item : items) array.push_back(to_json(item));
  return ok(200, boost::json::object{{"items", std::move(array)},
                                     {"total", static_cast<std::int64_t>(items.size())}});
}

template <class Value>
Result<HttpResponse> respond(const Result<Value>& result, int status, auto&& to_json) {
  if (!result) return std::unexpected(result.error());
  return ok(status, to_json(*result));
}

// Every reader's status, in order; the first failure wins.
Status all_read(std::initializer_list<Status> reads) {
  for (const Status& read : reads) {
    if (!read) return read;
  }
  return {};
}

Result<HttpResponse> get_agency(ApiCall& call) {
  return respond(service::read_agency(call.connection, call.who()), 200, agency_json);
}

Result<HttpResponse> get_units(ApiCall& call) {
  auto units = TRY(service::list_units(call.connection, call.who()));
  return list_response(units, [](const service::UnitSummary& summary) {
    boost::json::object json = unit_json(summary.unit);
    json["people"] = summary.people;
    return json;
  });
}

Result<HttpResponse> post_unit(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Unit unit;
  std::optional<std::string> code;
  if (auto read =
          all_read({body.required_text("name", unit.name), body.text("code", code), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  unit.code = code.value_or("");
  return respond(service::create_unit(call.connection, call.who(), unit), 201, unit_json);
}

Result<HttpResponse> get_organizations(ApiCall& call) {
  auto organizations = TRY(service::list_organizations(call.connection, call.who()));
  return list_response(organizations, [&](const service::OrganizationSummary& summary) {
    boost::json::object json = organization_json(summary.organization, call.language);
    json["member_count"] = summary.members;
    return json;
  });
}

Result<HttpResponse> get_organization(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(service::read_organization(call.connection, call.who(), id), 200,
                 [&](const service::OrganizationRecord& record) {
                   return organization_record_json(record, call.language);
                 });
}

Result<HttpResponse> get_partner_units(ApiCall& call) {
  auto partners = TRY(service::list_partner_units(call.connection, call.who()));
  return list_response(partners, partner_unit_json);
}

Result<HttpResponse> post_partner_unit(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  PartnerUnit partner;
  std::optional<std::string> address, contact_name, contact_phone, note;
  if (auto read = all_read({body.required_text("name", partner.name), body.text("address", address),
                            body.text("contact_name", contact_name),
                            body.text("contact_phone", contact_phone), body.text("note", note),
                            body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  partner.address = address.value_or("");
  partner.contact_name = contact_name.value_or("");
  partner.contact_phone = contact_phone.value_or("");
  partner.note = note.value_or("");
  return respond(service::create_partner_unit(call.connection, call.who(), partner), 201,
                 partner_unit_json);
}

// The filters of a list of people (search, organization_id, unit_id, include_former, membership),
// its order (sort) and the page (limit, offset).
Result<service::PeopleRequest> people_request(const HttpRequest& http) {
  service::PeopleRequest request;
  request.search = query_value(http, "search").value_or("");
  auto organization = query_integer_value(http, "organization_id");
  auto unit = query_integer_value(http, "unit_id");
  auto limit = query_integer_value(http, "limit");
  auto offset = query_integer_value(http, "offset");
  for (const auto* read : {&organization, &unit, &limit, &offset}) {
    if (!*read) return std::unexpected(read->error());
  }
  request.organization_id = *organization;
  request.unit_id = *unit;
  request.limit = limit->value_or(50);
  request.offset = offset->value_or(0);
  const auto former = query_value(http, "include_former");
  if (former && *former != "true" && *former != "false") return bad_parameter("include_former");
  request.include_former = former == "true";
  if (const auto membership = query_value(http, "membership")) {
    if (*membership == "current") {
      request.membership = MembershipState::current;
    } else if (*membership == "none") {
      request.membership = MembershipState::none;
    } else {
      return bad_parameter("membership");
    }
  }
  const std::string order = query_value(http, "sort").value_or("name");
  if (order == "name") {
    request.order = PeopleOrder::name;
  } else if (order == "-name") {
    request.order = PeopleOrder::name_descending;
  } else if (order == "unit") {
    request.order = PeopleOrder::unit;
  } else {
    return bad_parameter("sort");
  }
  return request;
}

Result<HttpResponse> get_people(ApiCall& call) {
  auto request = TRY(people_request(call.request));
  auto page = TRY(service::list_people(call.connection, call.who(), request));
  boost::json::array items;
  for (const service::PersonView& view : page.items)
    items.push_back(person_json(view, call.language));
  return ok(200, boost::json::object{{"items", std::move(items)},
                                     {"total", page.total},
                                     {"total_exact", page.total_exact},
                                     {"limit", request.limit},
                                     {"offset", request.offset}});
}

Result<HttpResponse> export_people(ApiCall& call) {
  auto request = people_request(call.request);
  if (!request) return std::unexpected(request.error());
  const std::string format = query_value(call.request, "format").value_or("xlsx");
  if (format != "csv" && format != "xlsx") return bad_parameter("format");
  auto file = TRY(service::export_people(
      call.connection, call.who(), *request,
      format == "csv" ? service::ExportFormat::csv : service::ExportFormat::xlsx, call.language));
  HttpResponse response{200, file.content_type, std::move(file.content), {}, ""};
  // The name is ASCII by construction, so it needs no RFC 5987 encoding.
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}\"", file.file_name));
  response.headers.emplace_back("X-Row-Count", std::to_string(file.rows));
  return response;
}

Result<HttpResponse> get_person(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  // The rule that decides who sees the personal fields, as in force today: the page cites it.
  const LegalRule& rule =
      rule_in_force(LegalTopic::personal_data, vietnam_date(call.who().clock()));
  return respond(service::read_person(call.connection, call.who(), id), 200,
                 [&](const service::PersonRecord& record) {
                   boost::json::object json = person_record_json(record, call.language);
                   json["personal_data_rule"] = {
                       {"vi", rule.citation_vi},
                       {"en", rule.citation_en},
                       {"effective_from", format_iso(rule.effective_from)}};
                   return json;
                 });
}

// The person fields a body may set, shared by create and update.
Status read_person_fields(JsonBody& body, service::PersonChanges& changes) {
  std::optional<std::optional<Gender>> gender;
  return all_read({body.text("full_name", changes.full_name), body.code("gender", changes.gender),
                   body.date("birth_date", changes.birth_date),
                   body.text("id_number", changes.id_number), body.text("phone", changes.phone),
                   body.text("email", changes.email), body.text("address", changes.address),
                   body.nullable_integer("unit_id", changes.unit_id),
                   body.text("position", changes.position)});
}

Result<HttpResponse> post_person(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  service::PersonChanges fields;
  service::NewPerson request;
  std::optional<std::int64_t> organization;
  std::optional<std::optional<CivilDate>> joined_on;
  std::optional<std::string> card_number;
  if (auto read =
          all_read({read_person_fields(body, fields), body.integer("organization_id", organization),
                    body.date("joined_on", joined_on), body.text("card_number", card_number),
                    body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  if (!fields.full_name || fields.full_name->empty()) {
    return fail(ErrorKind::invalid_input, "field.required", "Thiếu trường “full_name”.",
                "The field “full_name” is required.", Location{0, "full_name"});
  }
  Person& person = request.person;
  person.full_name = *fields.full_name;
  person.gender = fields.gender.value_or(std::nullopt);
  person.birth_date = fields.birth_date.value_or(std::nullopt);
  person.id_number = fields.id_number.value_or("");
  person.phone = fields.phone.value_or("");
  person.email = fields.email.value_or("");
  person.address = fields.address.value_or("");
  person.unit_id = fields.unit_id.value_or(std::nullopt);
  person.position = fields.position.value_or("");
  request.organization_id = organization;
  request.joined_on = joined_on.value_or(std::nullopt);
  request.card_number = card_number.value_or("");
  return respond(service::create_person(call.connection, call.who(), std::move(request)), 201,
                 [&](const service::PersonRecord& record) {
                   return person_record_json(record, call.language);
                 });
}

Result<HttpResponse> patch_person(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::PersonChanges changes;
  if (auto read = all_read({read_person_fields(body, changes), body.finish()}); !read)
    return std::unexpected(read.error());
  return respond(service::update_person(call.connection, call.who(), id, changes), 200,
                 [&](const service::PersonRecord& record) {
                   return person_record_json(record, call.language);
                 });
}

Result<HttpResponse> delete_person(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  const std::string reason = query_value(call.request, "reason").value_or("");
  return respond(service::remove_person(call.connection, call.who(), id, reason), 200,
                 [&](const service::PersonRecord& record) {
                   return person_record_json(record, call.language);
                 });
}

Result<HttpResponse> post_membership(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> person, organization;
  std::optional<std::optional<CivilDate>> joined_on;
  std::optional<std::string> card_number;
  std::optional<std::optional<MembershipStatus>> status;
  if (auto read = all_read(
          {body.integer("person_id", person), body.integer("organization_id", organization),
           body.date("joined_on", joined_on), body.text("card_number", card_number),
           body.code("status", status), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  for (const auto& [value, field] :
       {std::pair{person, "person_id"}, {organization, "organization_id"}}) {
    if (!value) {
      return fail(ErrorKind::invalid_input, "field.required",
                  fmt::format("Thiếu trường “{}”.", field),
                  fmt::format("The field “{}” is required.", field), Location{0, field});
    }
  }
  Membership membership;
  membership.person_id = *person;
  membership.organization_id = *organization;
  membership.joined_on = joined_on.value_or(std::nullopt);
  membership.card_number = card_number.value_or("");
  membership.status = status.value_or(std::nullopt).value_or(MembershipStatus::active);
  return respond(
      service::create_membership(call.connection, call.who(), membership), 201,
      [&](const Membership& created) { return membership_json(created, call.language); });
}

Result<HttpResponse> patch_membership(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::MembershipChanges changes;
  std::optional<std::optional<MembershipStatus>> status;
  if (auto read = all_read({body.date("joined_on", changes.joined_on), body.code("status", status),
                            body.text("card_number", changes.card_number),
                            body.date("left_on", changes.left_on),
                            body.text("leave_reason", changes.leave_reason), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  if (status) {
    if (!*status) {
      return fail(ErrorKind::invalid_input, "field.required", "Trạng thái không được để trống.",
                  "The status must not be null.", Location{0, "status"});
    }
    changes.status = **status;
  }
  return respond(
      service::update_membership(call.connection, call.who(), id, changes), 200,
      [&](const Membership& updated) { return membership_json(updated, call.language); });
}

Result<HttpResponse> post_committee_role(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::int64_t> person, organization;
  std::optional<std::optional<CommitteeRoleKind>> kind;
  std::optional<std::string> term;
  std::optional<std::optional<CivilDate>> start, end;
  if (auto read = all_read({body.integer("person_id", person),
                            body.integer("organization_id", organization), body.code("role", kind),
                            body.text("term", term), body.date("term_start", start),
                            body.date("term_end", end), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  if (!person || !organization || !kind || !*kind) {
    const char* field = !person ? "person_id" : !organization ? "organization_id" : "role";
    return fail(ErrorKind::invalid_input, "field.required",
                fmt::format("Thiếu trường “{}”.", field),
                fmt::format("The field “{}” is required.", field), Location{0, field});
  }
  CommitteeRole role;
  role.person_id = *person;
  role.organization_id = *organization;
  role.role = **kind;
  role.term = term.value_or("");
  role.term_start = start.value_or(std::nullopt);
  role.term_end = end.value_or(std::nullopt);
  return respond(
      service::create_committee_role(call.connection, call.who(), role), 201,
      [&](const CommitteeRole& created) { return committee_role_json(created, call.language); });
}

HttpResponse no_content() {
  return HttpResponse{204, "", "", {}, ""};
}

Result<HttpResponse> patch_agency(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  service::AgencyChanges changes;
  if (auto read = all_read({body.text("name", changes.name),
                            body.text("province", changes.province), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  return respond(service::update_agency(call.connection, call.who(), changes), 200, agency_json);
}

Result<HttpResponse> patch_unit(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::UnitChanges changes;
  if (auto read = all_read(
          {body.text("name", changes.name), body.text("code", changes.code), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  return respond(service::update_unit(call.connection, call.who(), id, changes), 200, unit_json);
}

Result<HttpResponse> delete_unit(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  if (auto done = service::delete_unit(call.connection, call.who(), id); !done)
    return std::unexpected(done.error());
  return no_content();
}

// The superior an organization body names: an organization id recorded in this agency.
Status read_superior(JsonBody& body, std::optional<std::optional<Id>>& superior) {
  return body.nullable_integer("superior_id", superior);
}

Result<HttpResponse> post_organization(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Organization organization;
  std::optional<std::optional<OrganizationKind>> kind;
  std::optional<std::optional<Id>> superior;
  std::optional<bool> external;
  if (auto read = all_read({body.required_text("code", organization.code),
                            body.required_text("name", organization.name), body.code("kind", kind),
                            read_superior(body, superior), body.boolean("external", external),
                            body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  organization.kind = kind.value_or(std::nullopt).value_or(OrganizationKind::other);
  organization.external = external.value_or(false);
  if (superior && *superior)
    organization.superior = OrganizationRef{call.who().principal.tenant, **superior};
  return respond(
      service::create_organization(call.connection, call.who(), organization), 201,
      [&](const Organization& created) { return organization_json(created, call.language); });
}

Result<HttpResponse> patch_organization(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::OrganizationChanges changes;
  std::optional<std::optional<OrganizationKind>> kind;
  if (auto read = all_read({body.text("name", changes.name), body.text("code", changes.code),
                            body.code("kind", kind), read_superior(body, changes.superior_id),
                            body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  if (kind && *kind) changes.kind = **kind;
  return respond(
      service::update_organization(call.connection, call.who(), id, changes), 200,
      [&](const Organization& updated) { return organization_json(updated, call.language); });
}

Result<HttpResponse> patch_partner_unit(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  service::PartnerUnitChanges changes;
  if (auto read = all_read({body.text("name", changes.name), body.text("address", changes.address),
                            body.text("contact_name", changes.contact_name),
                            body.text("contact_phone", changes.contact_phone),
                            body.text("note", changes.note), body.finish()});
      !read) {
    return std::unexpected(read.error());
  }
  return respond(service::update_partner_unit(call.connection, call.who(), id, changes), 200,
                 partner_unit_json);
}

Result<HttpResponse> delete_partner_unit(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  if (auto done = service::delete_partner_unit(call.connection, call.who(), id); !done)
    return std::unexpected(done.error());
  return no_content();
}

Result<HttpResponse> delete_committee_role(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond(
      service::end_committee_role(call.connection, call.who(), id), 200,
      [&](const CommitteeRole& ended) { return committee_role_json(ended, call.language); });
}

Result<HttpResponse> get_audit(ApiCall& call) {
  AuditQuery query;
  query.entity = query_value(call.request, "entity");
  query.action = query_value(call.request, "action");
  auto entity_id = query_integer_value(call.request, "entity_id");
  auto account_id = query_integer_value(call.request, "account_id");
  auto limit = query_integer_value(call.request, "limit");
  auto offset = query_integer_value(call.request, "offset");
  for (const auto* read : {&entity_id, &account_id, &limit, &offset}) {
    if (!*read) return std::unexpected(read->error());
  }
  query.entity_id = *entity_id;
  query.account_id = *account_id;
  query.limit = limit->value_or(50);
  query.offset = offset->value_or(0);
  if (query.limit < 1 || query.limit > 500) return bad_parameter("limit");
  if (query.offset < 0) return bad_parameter("offset");
  auto page = TRY(service::read_audit_log(call.connection, call.who(), query));
  boost::json::array items;
  for (const AuditEntry& entry : page.entries) items.push_back(audit_entry_json(entry));
  return ok(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

}  // namespace

void add_registry_routes(std::vector<Route>& routes) {
  constexpr Guard kSignedIn = Guard::signed_in;
  routes.insert(routes.end(),
                {
                    {"GET", "/api/v1/agency", kSignedIn, get_agency},
                    {"PATCH", "/api/v1/agency", kSignedIn, patch_agency},
                    {"GET", "/api/v1/units", kSignedIn, get_units},
                    {"POST", "/api/v1/units", kSignedIn, post_unit},
                    {"PATCH", "/api/v1/units/:id", kSignedIn, patch_unit},
                    {"DELETE", "/api/v1/units/:id", kSignedIn, delete_unit},
                    {"GET", "/api/v1/organizations", kSignedIn, get_organizations},
                    {"POST", "/api/v1/organizations", kSignedIn, post_organization},
                    {"GET", "/api/v1/organizations/:id", kSignedIn, get_organization},
                    {"PATCH", "/api/v1/organizations/:id", kSignedIn, patch_organization},
                    {"GET", "/api/v1/partner-units", kSignedIn, get_partner_units},
                    {"POST", "/api/v1/partner-units", kSignedIn, post_partner_unit},
                    {"PATCH", "/api/v1/partner-units/:id", kSignedIn, patch_partner_unit},
                    {"DELETE", "/api/v1/partner-units/:id", kSignedIn, delete_partner_unit},
                    {"GET", "/api/v1/people", kSignedIn, get_people},
                    {"GET", "/api/v1/people/export", kSignedIn, export_people},
                    {"POST", "/api/v1/people", kSignedIn, post_person},
                    {"GET", "/api/v1/people/:id", kSignedIn, get_person},
                    {"PATCH", "/api/v1/people/:id", kSignedIn, patch_person},
                    {"DELETE", "/api/v1/people/:id", kSignedIn, delete_person},
                    {"POST", "/api/v1/memberships", kSignedIn, post_membership},
                    {"PATCH", "/api/v1/memberships/:id", kSignedIn, patch_membership},
                    {"POST", "/api/v1/committee-roles", kSignedIn, post_committee_role},
                    {"DELETE", "/api/v1/committee-roles/:id", kSignedIn, delete_committee_role},
                    {"GET", "/api/v1/audit", kSignedIn, get_audit},
                });
}

}  // namespace dk::http
