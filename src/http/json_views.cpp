#include "http/json_views.hpp"

namespace dk::http {
namespace {

template <class Enum>
boost::json::value code_json(const std::optional<Enum>& value) {
  if (!value) return nullptr;
  return boost::json::string(code_of(*value));
}

template <class Enum>
boost::json::value label_json(const std::optional<Enum>& value, std::string_view language) {
  if (!value) return nullptr;
  return boost::json::string(label_of(*value).in(language));
}

boost::json::value id_json(const std::optional<Id>& id) {
  if (!id) return nullptr;
  return *id;
}

}  // namespace

boost::json::value date_json(const std::optional<CivilDate>& date) {
  if (!date) return nullptr;
  return boost::json::string(format_iso(*date));
}

boost::json::object agency_json(const Agency& agency) {
  return {{"id", agency.id},
          {"code", agency.code},
          {"name", agency.name},
          {"province", agency.province}};
}

boost::json::object unit_json(const Unit& unit) {
  return {{"id", unit.id}, {"code", unit.code}, {"name", unit.name}};
}

boost::json::object organization_json(const Organization& organization, std::string_view language) {
  boost::json::object json{{"id", organization.id},
                           {"code", organization.code},
                           {"name", organization.name},
                           {"kind", code_of(organization.kind)},
                           {"kind_label", label_of(organization.kind).in(language)},
                           {"external", organization.external}};
  if (organization.superior) {
    json["superior"] = {{"agency_id", organization.superior->agency_id},
                        {"organization_id", organization.superior->organization_id}};
  } else {
    json["superior"] = nullptr;
  }
  return json;
}

boost::json::object partner_unit_json(const PartnerUnit& partner) {
  return {{"id", partner.id},
          {"name", partner.name},
          {"address", partner.address},
          {"contact_name", partner.contact_name},
          {"contact_phone", partner.contact_phone},
          {"note", partner.note}};
}

boost::json::object membership_json(const Membership& membership, std::string_view language) {
  return {{"id", membership.id},
          {"person_id", membership.person_id},
          {"organization_id", membership.organization_id},
          {"joined_on", date_json(membership.joined_on)},
          {"status", code_of(membership.status)},
          {"status_label", label_of(membership.status).in(language)},
          {"card_number", membership.card_number},
          {"left_on", date_json(membership.left_on)},
          {"leave_reason", membership.leave_reason}};
}

boost::json::object committee_role_json(const CommitteeRole& role, std::string_view language) {
  boost::json::object json{{"id", role.id},
                           {"organization_id", role.organization_id},
                           {"person_id", role.person_id},
                           {"role", code_of(role.role)},
                           {"role_label", label_of(role.role).in(language)},
                           {"term", role.term},
                           {"term_start", date_json(role.term_start)},
                           {"term_end", date_json(role.term_end)}};
  if (!role.person_name.empty()) json["full_name"] = role.person_name;
  return json;
}

boost::json::object person_json(const service::PersonView& view, std::string_view language) {
  const Person& person = view.person;
  boost::json::object json{{"id", person.id},
                           {"full_name", person.full_name},
                           {"gender", code_json(person.gender)},
                           {"gender_label", label_json(person.gender, language)},
                           {"unit_id", id_json(person.unit_id)},
                           {"unit_name", view.unit_name},
                           {"position", person.position},
                           {"organizations", view.organization_codes},
                           {"personal_data", view.personal_data}};
  // Personal fields are absent, not empty, when the reader may not see them.
  if (view.personal_data) {
    json["birth_date"] = date_json(person.birth_date);
    json["id_number"] = person.id_number;
    json["phone"] = person.phone;
    json["email"] = person.email;
    json["address"] = person.address;
  }
  if (view.membership) json["membership"] = membership_json(*view.membership, language);
  return json;
}

boost::json::object person_record_json(const service::PersonRecord& record,
                                       std::string_view language) {
  boost::json::object json = person_json(record.view, language);
  boost::json::array memberships;
  for (const Membership& membership : record.memberships)
    memberships.push_back(membership_json(membership, language));
  json["memberships"] = std::move(memberships);
  boost::json::array roles;
  for (const CommitteeRole& role : record.committee_roles)
    roles.push_back(committee_role_json(role, language));
  json["committee_roles"] = std::move(roles);
  return json;
}

boost::json::object organization_record_json(const service::OrganizationRecord& record,
                                             std::string_view language) {
  boost::json::object json = organization_json(record.organization, language);
  json["superior_organization"] =
      record.superior ? boost::json::value(organization_json(*record.superior, language))
                      : boost::json::value(nullptr);
  boost::json::array committee;
  for (const CommitteeRole& role : record.committee)
    committee.push_back(committee_role_json(role, language));
  json["committee"] = std::move(committee);
  json["member_count"] = record.members;
  return json;
}

boost::json::object audit_entry_json(const AuditEntry& entry) {
  boost::json::value detail = nullptr;
  boost::system::error_code ignored;
  if (!entry.detail.empty()) detail = boost::json::parse(entry.detail, ignored);
  return {{"id", entry.id},
          {"at", entry.at},
          {"account_id", id_json(entry.account_id)},
          {"action", entry.action},
          {"entity", entry.entity},
          {"entity_id", id_json(entry.entity_id)},
          {"detail", detail},
          {"address", entry.address},
          {"login", entry.login}};
}

}  // namespace dk::http
