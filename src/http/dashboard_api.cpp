// /api/v1/dashboard: the agency at a glance for those who run it.

#include <boost/json.hpp>

#include "core/registry_codes.hpp"
#include "http/api.hpp"
#include "service/registry_dashboard.hpp"

namespace dk::http {
namespace {

boost::json::value optional_id(const std::optional<Id>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

Result<HttpResponse> get_dashboard(ApiCall& call) {
  auto dashboard = TRY(service::read_dashboard(call.connection, call.who()));
  const std::string_view language = call.language;
  boost::json::array organizations;
  for (const auto& [organization, members] : dashboard.organizations) {
    organizations.push_back({{"id", organization.id},
                             {"code", organization.code},
                             {"name", organization.name},
                             {"kind", code_of(organization.kind)},
                             {"kind_label", label_of(organization.kind).in(language)},
                             {"members", members}});
  }
  boost::json::array units;
  for (const auto& [unit, people] : dashboard.units) {
    units.push_back(
        {{"id", unit ? boost::json::value(unit->id) : boost::json::value(nullptr)},
         {"name", unit ? unit->name : (language == "en" ? "No department" : "Chưa xếp phòng, ban")},
         {"members", people}});
  }
  boost::json::array organization_units;
  for (const auto& count : dashboard.organization_units) {
    organization_units.push_back({{"organization_id", count.organization_id},
                                  {"unit_id", optional_id(count.unit_id)},
                                  {"members", count.members}});
  }
  boost::json::array kinds;
  for (const auto& kind : dashboard.kinds) {
    kinds.push_back({{"kind", code_of(kind.kind)},
                     {"kind_label", label_of(kind.kind).in(language)},
                     {"organizations", kind.organizations},
                     {"members", kind.members}});
  }
  boost::json::array several;
  for (const auto& person : dashboard.in_several_first) {
    several.push_back({{"id", person.person_id},
                       {"full_name", person.full_name},
                       {"organizations", boost::json::array(person.organization_codes.begin(),
                                                            person.organization_codes.end())}});
  }
  boost::json::object json{
      {"people", dashboard.people},
      {"organizations", std::move(organizations)},
      {"units", std::move(units)},
      {"organization_units", std::move(organization_units)},
      {"kinds", std::move(kinds)},
      {"in_several", {{"count", dashboard.in_several}, {"people", std::move(several)}}}};
  return json_response(200, boost::json::serialize(json));
}

}  // namespace

void add_dashboard_routes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/dashboard", Guard::signed_in, get_dashboard});
}

}  // namespace dk::http
