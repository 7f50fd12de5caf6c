// /api/v1/plans: organizations' year plans with their targets, programmes and progress.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/plans.hpp"

namespace dk::http {
namespace {

boost::json::object plan_json(const service::PlanRecord& record, std::string_view language) {
  const Plan& plan = record.plan;
  boost::json::object targets;
  for (const auto& [kind, target] : plan.activity_targets) targets[code_of(kind)] = target;
  boost::json::array programmes;
  for (const Programme& programme : record.programmes) {
    programmes.push_back(
        {{"id", programme.id}, {"title", programme.title}, {"description", programme.description}});
  }
  boost::json::array kinds;
  for (const KindProgress& kind : record.progress.kinds) {
    kinds.push_back({{"kind", code_of(kind.kind)},
                     {"kind_label", label_of(kind.kind).in(language)},
                     {"target", kind.target},
                     {"held", kind.held},
                     {"planned", kind.planned}});
  }
  auto optional = [](const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
  };
  return {{"id", plan.id},
          {"organization_id", plan.organization_id},
          {"year", plan.year},
          {"title", plan.title},
          {"note", plan.note},
          {"activity_targets", std::move(targets)},
          {"participation_target", optional(plan.participation_target)},
          {"reach_target", optional(plan.reach_target)},
          {"programmes", std::move(programmes)},
          {"progress",
           {{"kinds", std::move(kinds)},
            {"members", record.progress.members},
            {"reached", record.progress.reached},
            {"participation_percent", record.progress.participation_percent}}}};
}

// A plan from a request body; `organization_id` and `year` only when creating.
Result<Plan> read_plan(const HttpRequest& request, bool creating) {
  auto body = TRY(JsonBody::parse(request));
  Plan plan;
  std::optional<std::int64_t> organization, year;
  std::optional<std::string> note;
  std::optional<std::vector<std::pair<std::string, std::int64_t>>> targets;
  std::optional<std::optional<std::int64_t>> participation, reach;
  std::vector<Status> reads{body.required_text("title", plan.title), body.text("note", note),
                            body.counts("activity_targets", targets),
                            body.nullable_integer("participation_target", participation),
                            body.nullable_integer("reach_target", reach)};
  if (creating) {
    reads.push_back(body.integer("organization_id", organization));
    reads.push_back(body.integer("year", year));
  }
  reads.push_back(body.finish());
  for (const Status& read : reads) {
    if (!read) return std::unexpected(read.error());
  }
  if (creating && (!organization || !year))
    return JsonBody::missing(organization ? "year" : "organization_id");
  plan.organization_id = organization.value_or(0);
  plan.year = static_cast<int>(std::clamp<std::int64_t>(year.value_or(0), -1, 100000));
  plan.note = note.value_or("");
  for (const auto& [code, target] : targets.value_or(decltype(targets)::value_type{})) {
    auto kind = parse_code<ActivityKind>(code);
    if (!kind) {
      return fail(ErrorKind::invalid_input, "plan.kind_unknown",
                  fmt::format("“{}” không phải là một loại hoạt động.", code),
                  fmt::format("“{}” is not a kind of activity.", code),
                  Location{0, "activity_targets"});
    }
    plan.activity_targets[*kind] = target;
  }
  plan.participation_target = participation.value_or(std::nullopt);
  plan.reach_target = reach.value_or(std::nullopt);
  return plan;
}

Result<HttpResponse> respond_plan(const Result<service::PlanRecord>& record, int status,
                                  std::string_view language) {
  if (!record) return std::unexpected(record.error());
  return json_response(status, boost::json::serialize(plan_json(*record, language)));
}

Result<HttpResponse> get_plans(ApiCall& call) {
  auto organization = query_integer_value(call.request, "organization_id");
  auto year = query_integer_value(call.request, "year");
  if (!organization) return std::unexpected(organization.error());
  if (!year) return std::unexpected(year.error());
  std::optional<int> year_value;
  if (*year) year_value = static_cast<int>(std::clamp<std::int64_t>(**year, 0, 100000));
  auto plans = TRY(service::list_plans(call.connection, call.who(), *organization, year_value));
  boost::json::array items;
  for (const auto& record : plans) items.push_back(plan_json(record, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> post_plan(ApiCall& call) {
  auto plan = TRY(read_plan(call.request, true));
  return respond_plan(service::create_plan(call.connection, call.who(), std::move(plan)), 201,
                      call.language);
}

Result<HttpResponse> get_plan(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  return respond_plan(service::read_plan(call.connection, call.who(), id), 200, call.language);
}

Result<HttpResponse> put_plan(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto plan = TRY(read_plan(call.request, false));
  return respond_plan(service::update_plan(call.connection, call.who(), id, std::move(plan)), 200,
                      call.language);
}

Result<HttpResponse> post_programme(ApiCall& call) {
  auto id = route_id(call.request);
  if (!id) return std::unexpected(id.error());
  auto body = TRY(JsonBody::parse(call.request));
  Programme programme;
  std::optional<std::string> description;
  for (const Status& read : {body.required_text("title", programme.title),
                             body.text("description", description), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  programme.description = description.value_or("");
  auto added = TRY(service::add_programme(call.connection, call.who(), *id, std::move(programme)));
  return json_response(
      201, boost::json::serialize(boost::json::object{{"id", added.id},
                                                      {"plan_id", added.plan_id},
                                                      {"title", added.title},
                                                      {"description", added.description}}));
}

}  // namespace

void add_plan_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(),
                {
                    {"GET", "/api/v1/plans", Guard::signed_in, get_plans},
                    {"POST", "/api/v1/plans", Guard::signed_in, post_plan},
                    {"GET", "/api/v1/plans/:id", Guard::signed_in, get_plan},
                    {"PUT", "/api/v1/plans/:id", Guard::signed_in, put_plan},
                    {"POST", "/api/v1/plans/:id/programmes", Guard::signed_in, post_programme},
                });
}

}  // namespace dk::http
