#pragma once
// The registry's records as the API's JSON: ids as numbers, dates as ISO 8601 (yyyy-mm-dd), codes
// as in the OpenAPI document, and labels in the client's language where a code has one.

#include <boost/json.hpp>
#include <string_view>

#include "core/audit_entry.hpp"
#include "core/registry.hpp"
#include "service/organizations.hpp"
#include "service/people.hpp"

namespace dk::http {

boost::json::value date_json(const std::optional<CivilDate>& date);
boost::json::object agency_json(const Agency& agency);
boost::json::object unit_json(const Unit& unit);
boost::json::object organization_json(const Organization& organization, std::string_view language);
boost::json::object partner_unit_json(const PartnerUnit& partner);
boost::json::object membership_json(const Membership& membership, std::string_view language);
boost::json::object committee_role_json(const CommitteeRole& role, std::string_view language);
boost::json::object person_json(const service::PersonView& view, std::string_view language);
boost::json::object person_record_json(const service::PersonRecord& record,
                                       std::string_view language);
boost::json::object organization_record_json(const service::OrganizationRecord& record,
                                             std::string_view language);
boost::json::object audit_entry_json(const AuditEntry& entry);

}  // namespace dk::http
