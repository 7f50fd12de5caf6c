// /api/v1/engagement: who takes part, how often, how far across departments and how deep each
// kind of activity goes (docs/engagement.md), the people behind each number, a person's score,
// the organizations that work together, and invitations for the members who went quiet.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "core/engagement_records.hpp"
#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/engagement.hpp"
#include "service/engagement_export.hpp"

namespace dk::http {
namespace {

boost::json::value optional_number(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value day_json(const std::optional<long>& day) {
  return day ? boost::json::value(format_iso(civil_from_days(*day))) : boost::json::value(nullptr);
}

boost::json::object measures_json(const EngagementMeasures& m, bool with_expected) {
  boost::json::array months;
  for (std::int64_t reached : m.reached_in_month) months.push_back(reached);
  return {{"members", m.members},
          {"reached", m.reached},
          {"repeat", m.repeat},
          {"core", m.core},
          {"never", m.members - m.reached},
          {"attended", m.attended},
          {"expected", with_expected ? boost::json::value(m.expected) : nullptr},
          {"lapsed", m.lapsed},
          {"gone_quiet", m.gone_quiet},
          {"units_with_members", m.units_with_members},
          {"units_reached", m.units_reached},
          {"reached_in_month", std::move(months)},
          {"participation_percent", optional_number(percent_of(m.reached, m.members))},
          {"repeat_percent", optional_number(percent_of(m.repeat, m.members))},
          {"attendance_percent",
           with_expected ? optional_number(percent_of(m.attended, m.expected)) : nullptr},
          {"spread_percent", optional_number(percent_of(m.units_reached, m.units_with_members))},
          {"gini", optional_number(m.gini)},
          {"top_tenth_share", optional_number(m.top_tenth_share)}};
}

Result<service::EngagementQuery> read_query(const HttpRequest& request, int current_year) {
  service::EngagementQuery query;
  const auto year = TRY(query_integer_value(request, "year"));
  const auto organization = TRY(query_integer_value(request, "organization"));
  const auto unit = TRY(query_integer_value(request, "unit"));
  const auto quiet_days = TRY(query_integer_value(request, "quiet_days"));
  query.year = static_cast<int>(std::clamp<std::int64_t>(year.value_or(current_year), 0, 100000));
  query.organization = organization;
  query.unit = unit;
  query.quiet_days =
      static_cast<int>(std::clamp<std::int64_t>(quiet_days.value_or(kGoneQuietDays), 0, 100000));
  if (auto kind = query_value(request, "kind")) {
    query.kind = parse_code<ActivityKind>(*kind);
    if (!query.kind) return bad_parameter("kind");
  }
  return query;
}

int current_year(const ApiCall& call) {
  return vietnam_date(call.who().clock()).year;
}

Result<HttpResponse> get_engagement(ApiCall& call) {
  const auto query = TRY(read_query(call.request, current_year(call)));
  const auto overview = TRY(service::engagement_overview(call.connection, call.who(), query));
  const bool with_expected = !query.kind;
  boost::json::array organizations;
  for (const auto& organization : overview.organizations) {
    organizations.push_back({{"id", organization.id},
                             {"code", organization.code},
                             {"name", organization.name},
                             {"year", measures_json(organization.year, with_expected)},
                             {"previous", measures_json(organization.previous, with_expected)}});
  }
  boost::json::array kinds;
  for (const auto& kind : overview.kinds) {
    kinds.push_back({{"kind", code_of(kind.kind)},
                     {"kind_label", label_of(kind.kind).in(call.language)},
                     {"year", measures_json(kind.year, false)},
                     {"previous", measures_json(kind.previous, false)}});
  }
  boost::json::array units;
  for (const auto& unit : overview.units) {
    boost::json::object by_kind;
    for (std::size_t kind = 0; kind < kKindCount; ++kind)
      by_kind[code_of(static_cast<ActivityKind>(kind))] = unit.reached_by_kind[kind];
    units.push_back(
        {{"id", unit.unit_id == 0 ? boost::json::value(nullptr) : boost::json::value(unit.unit_id)},
         {"name", unit.unit_id != 0       ? unit.name
                  : call.language == "en" ? "No department"
                                          : "Chưa xếp phòng, ban"},
         {"members", unit.members},
         {"reached", unit.reached},
         {"reached_by_kind", std::move(by_kind)}});
  }
  boost::json::object json{
      {"definitions", kEngagementDefinitions},
      {"year", overview.year},
      {"as_of", format_iso(overview.today)},
      {"pending", overview.pending},
      {"quiet_days", overview.quiet_days},
      {"gone_quiet_counted", overview.gone_quiet_counted},
      {"kind", query.kind ? boost::json::value(code_of(*query.kind)) : nullptr},
      {"organizations", std::move(organizations)},
      {"total",
       {{"year", measures_json(overview.total, with_expected)},
        {"previous", measures_json(overview.total_previous, with_expected)}}},
      {"kinds", std::move(kinds)},
      {"units", std::move(units)}};
  return ok(200, json);
}

Result<HttpResponse> export_engagement(ApiCall& call) {
  const auto query = TRY(read_query(call.request, current_year(call)));
  const std::string table = query_value(call.request, "table").value_or("organizations");
  std::optional<service::EngagementTable> chosen;
  if (table == "organizations") chosen = service::EngagementTable::organizations;
  if (table == "kinds") chosen = service::EngagementTable::kinds;
  if (table == "units") chosen = service::EngagementTable::units;
  if (table == "months") chosen = service::EngagementTable::months;
  if (!chosen) return bad_parameter("table");
  auto file =
      TRY(service::export_engagement(call.connection, call.who(), query, *chosen, call.language));
  HttpResponse response{200, file.content_type, std::move(file.content), {}, ""};
  // The name is ASCII by construction, so it needs no RFC 5987 encoding.
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}\"", file.file_name));
  response.headers.emplace_back("X-Row-Count", std::to_string(file.rows));
  return response;
}

Result<HttpResponse> get_engagement_people(ApiCall& call) {
  const auto query = TRY(read_query(call.request, current_year(call)));
  const auto crowd_text = query_value(call.request, "crowd").value_or("members");
  const auto crowd = parse_code<EngagementCrowd>(crowd_text);
  if (!crowd) return bad_parameter("crowd");
  const auto limit = TRY(query_integer_value(call.request, "limit"));
  const auto offset = TRY(query_integer_value(call.request, "offset"));
  if ((limit && (*limit < 1 || *limit > 500)) || (offset && *offset < 0))
    return bad_parameter(limit && (*limit < 1 || *limit > 500) ? "limit" : "offset");
  const auto page = TRY(service::engagement_people(call.connection, call.who(), query, *crowd,
                                                   limit.value_or(100), offset.value_or(0)));
  boost::json::array people;
  for (const EngagementPerson& person : page.people) {
    people.push_back({{"id", person.person_id},
                      {"full_name", person.full_name},
                      {"unit_id", person.unit_id ? boost::json::value(*person.unit_id) : nullptr},
                      {"unit_name", person.unit_name},
                      {"organization_id", person.organization_id},
                      {"attended", person.attended},
                      {"previous_attended", person.previous_attended},
                      {"last_attended_on", day_json(person.last_attended_day)}});
  }
  return ok(200, boost::json::object{{"definitions", kEngagementDefinitions},
                                     {"crowd", code_of(*crowd)},
                                     {"crowd_label", label_of(*crowd).in(call.language)},
                                     {"items", std::move(people)},
                                     {"more", page.more}});
}

Result<HttpResponse> get_person_engagement(ApiCall& call) {
  const Id person = TRY(route_id(call.request));
  const auto engagement = TRY(service::person_engagement(call.connection, call.who(), person));
  const EngagementScore& score = engagement.score;
  return ok(200, boost::json::object{
                     {"definitions", kEngagementDefinitions},
                     {"person_id", engagement.person_id},
                     {"score", score.score},
                     {"level", score.level},
                     {"last_90_days", score.last_90_days},
                     {"last_365_days", score.last_365_days},
                     {"kinds_last_365_days", score.kinds_last_365_days},
                     {"days_since_last",
                      score.days_since_last ? boost::json::value(*score.days_since_last) : nullptr},
                     {"explanation",
                      call.language == "en" ? score.explanation_en : score.explanation_vi}});
}

Result<HttpResponse> get_coordination(ApiCall& call) {
  const auto year = TRY(query_integer_value(call.request, "year"));
  const int chosen =
      static_cast<int>(std::clamp<std::int64_t>(year.value_or(current_year(call)), 0, 100000));
  const auto result = TRY(service::coordination(call.connection, call.who(), chosen));
  boost::json::array organizations;
  for (const auto& organization : result.organizations) {
    organizations.push_back(
        {{"id", organization.id}, {"code", organization.code}, {"name", organization.name}});
  }
  boost::json::array pairs;
  for (const CoordinationPair& pair : result.pairs) {
    pairs.push_back(
        {{"first", pair.first}, {"second", pair.second}, {"activities", pair.activities}});
  }
  return ok(200, boost::json::object{{"year", result.year},
                                     {"organizations", std::move(organizations)},
                                     {"pairs", std::move(pairs)}});
}

Result<HttpResponse> get_joint_activities(ApiCall& call) {
  const auto year = TRY(query_integer_value(call.request, "year"));
  const auto first = TRY(query_integer_value(call.request, "first"));
  const auto second = TRY(query_integer_value(call.request, "second"));
  if (!first) return bad_parameter("first");
  if (!second) return bad_parameter("second");
  const int chosen =
      static_cast<int>(std::clamp<std::int64_t>(year.value_or(current_year(call)), 0, 100000));
  const auto activities =
      TRY(service::joint_activities(call.connection, call.who(), chosen, *first, *second));
  boost::json::array items;
  for (const JointActivity& activity : activities) {
    items.push_back({{"id", activity.id},
                     {"title", activity.title},
                     {"kind", code_of(activity.kind)},
                     {"kind_label", label_of(activity.kind).in(call.language)},
                     {"starts_at", format_instant(activity.starts_at)}});
  }
  return items_response(std::move(items));
}

Result<HttpResponse> post_invitations(ApiCall& call) {
  const Id activity = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::vector<std::int64_t>> people;
  for (const Status& read : {body.integers("person_ids", people), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!people) return JsonBody::missing("person_ids");
  const auto added = TRY(service::invite_to_activity(
      call.connection, call.who(), activity, std::vector<Id>(people->begin(), people->end())));
  return ok(200, boost::json::object{{"invited", static_cast<std::int64_t>(people->size())},
                                     {"new", added}});
}

Result<HttpResponse> get_my_invitations(ApiCall& call) {
  const auto invitations = TRY(service::my_invitations(call.connection, call.who()));
  boost::json::array items;
  for (const Invitation& invitation : invitations) {
    items.push_back({{"activity_id", invitation.activity.id},
                     {"title", invitation.activity.title},
                     {"kind", code_of(invitation.activity.kind)},
                     {"kind_label", label_of(invitation.activity.kind).in(call.language)},
                     {"starts_at", format_instant(invitation.activity.starts_at)},
                     {"place", invitation.place},
                     {"invited_at", format_instant(invitation.invited_at)},
                     {"invited_by", invitation.invited_by}});
  }
  return items_response(std::move(items));
}

}  // namespace

void add_engagement_routes(std::vector<Route>& routes) {
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/engagement", Guard::signed_in, get_engagement},
          {"GET", "/api/v1/engagement/people", Guard::signed_in, get_engagement_people},
          {"GET", "/api/v1/engagement/export", Guard::signed_in, export_engagement},
          {"GET", "/api/v1/engagement/coordination", Guard::signed_in, get_coordination},
          {"GET", "/api/v1/engagement/coordination/activities", Guard::signed_in,
           get_joint_activities},
          {"GET", "/api/v1/people/:id/engagement", Guard::signed_in, get_person_engagement},
          {"POST", "/api/v1/activities/:id/invitations", Guard::signed_in, post_invitations},
          {"GET", "/api/v1/invitations", Guard::signed_in, get_my_invitations},
      });
}

}  // namespace dk::http
