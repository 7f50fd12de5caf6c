// /api/v1/clubs and /api/v1/club-schedules: clubs, members, weekly sessions with cancellations and
// moves, and session attendance.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "core/instant_text.hpp"
#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/clubs.hpp"

namespace dk::http {
namespace {

// "17:00" → 1020; "24:00" is the end of the day.
std::optional<int> minute_of_day(std::string_view text) {
  int hours = 0, minutes = 0;
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  if (std::from_chars(text.data(), text.data() + 2, hours).ec != std::errc() ||
      std::from_chars(text.data() + 3, text.data() + 5, minutes).ec != std::errc()) {
    return std::nullopt;
  }
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) return std::nullopt;
  return hours * 60 + minutes;
}

Result<int> read_minute(JsonBody& body, std::string_view field, bool needed) {
  std::optional<std::string> text;
  TRY(body.text(field, text));
  if (!text) {
    if (needed) return JsonBody::missing(field);
    return -1;
  }
  auto minute = minute_of_day(*text);
  if (!minute) {
    return fail(
        ErrorKind::invalid_input, "body.time_of_day_invalid",
        fmt::format("Trường “{}”: “{}” không phải là giờ (viết 17:00).", field, *text),
        fmt::format("The field “{}”: “{}” is not a time of day (write 17:00).", field, *text),
        Location{0, std::string(field)});
  }
  return *minute;
}

boost::json::object club_json(const Club& club, std::string_view language) {
  return {{"id", club.id},
          {"organization_id", club.organization_id},
          {"name", club.name},
          {"kind", code_of(club.kind)},
          {"kind_label", label_of(club.kind).in(language)},
          {"description", club.description}};
}

boost::json::object schedule_json(const ClubSchedule& schedule, std::string_view language) {
  boost::json::array days;
  for (Weekday day : schedule.rule.days) days.push_back(boost::json::string(code_of(day)));
  boost::json::array exceptions;
  for (const RuleException& exception : schedule.exceptions) {
    boost::json::object item{{"date", format_iso(exception.date)}};
    if (exception.moved_to) {
      item["moved_to"] = {{"date", format_iso(exception.moved_to->date)},
                          {"start", format_minute_of_day(exception.moved_to->start_minute)},
                          {"end", format_minute_of_day(exception.moved_to->end_minute)}};
    } else {
      item["moved_to"] = nullptr;
    }
    exceptions.push_back(std::move(item));
  }
  return {{"id", schedule.id},
          {"club_id", schedule.club_id},
          {"days", std::move(days)},
          {"description", describe(schedule.rule).in(language)},
          {"start", format_minute_of_day(schedule.rule.start_minute)},
          {"end", format_minute_of_day(schedule.rule.end_minute)},
          {"first_date", format_iso(schedule.rule.first)},
          {"last_date", schedule.rule.last ? boost::json::value(format_iso(*schedule.rule.last))
                                           : boost::json::value(nullptr)},
          {"place", schedule.place},
          {"rrule", rrule(schedule.rule)},
          {"exceptions", std::move(exceptions)}};
}

Result<CivilDate> date_query(const HttpRequest& request, std::string_view name) {
  auto text = query_value(request, name);
  if (!text) {
    return fail(ErrorKind::invalid_input, "query.missing", fmt::format("Thiếu tham số “{}”.", name),
                fmt::format("The query parameter “{}” is missing.", name),
                Location{0, std::string(name)});
  }
  auto date = parse_civil_date(*text);
  if (!date) return bad_parameter(name);
  return *date;
}

Result<HttpResponse> get_clubs(ApiCall& call) {
  auto organization = TRY(query_integer_value(call.request, "organization_id"));
  auto clubs = TRY(service::list_clubs(call.connection, call.who(), organization,
                                       query_value(call.request, "mine") == "true"));
  boost::json::array items;
  for (const Club& club : clubs) items.push_back(club_json(club, call.language));
  return items_response(std::move(items));
}

Result<HttpResponse> post_club(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  Club club;
  std::optional<std::int64_t> organization;
  std::optional<std::optional<ClubKind>> kind;
  std::optional<std::string> description;
  for (const Status& read :
       {body.integer("organization_id", organization), body.required_text("name", club.name),
        body.code("kind", kind), body.text("description", description), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!organization) return JsonBody::missing("organization_id");
  club.organization_id = *organization;
  club.kind = kind && *kind ? **kind : ClubKind::sports;
  club.description = description.value_or("");
  auto created = TRY(service::create_club(call.connection, call.who(), std::move(club)));
  return ok(201, club_json(created, call.language));
}

Result<HttpResponse> get_club(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto record = TRY(service::read_club(call.connection, call.who(), id));
  boost::json::object json = club_json(record.club, call.language);
  boost::json::array members;
  for (const auto& member : record.members) {
    members.push_back({{"person_id", member.person_id},
                       {"full_name", member.full_name},
                       {"joined_on", format_iso(member.joined_on)}});
  }
  boost::json::array schedules;
  for (const auto& schedule : record.schedules)
    schedules.push_back(schedule_json(schedule, call.language));
  json["members"] = std::move(members);
  json["schedules"] = std::move(schedules);
  json["manageable"] = record.manageable;
  json["member"] = record.member;
  return ok(200, json);
}

Result<HttpResponse> post_members(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  std::optional<std::vector<std::int64_t>> people;
  if (!call.request.body.empty()) {
    auto body = TRY(JsonBody::parse(call.request));
    for (const Status& read : {body.integers("person_ids", people), body.finish()}) {
      if (!read) return std::unexpected(read.error());
    }
  }
  if (auto joined = service::join_club(call.connection, call.who(), id,
                                       people.value_or(std::vector<std::int64_t>{}));
      !joined) {
    return std::unexpected(joined.error());
  }
  return get_club(call);
}

Result<HttpResponse> delete_member(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto person = TRY(person_in_route(call));
  if (auto left = service::leave_club(call.connection, call.who(), id, person); !left)
    return std::unexpected(left.error());
  return HttpResponse{204, "", "", {}, ""};
}

Result<HttpResponse> post_schedule(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  ClubSchedule schedule;
  std::optional<std::vector<std::string>> days;
  std::optional<std::optional<CivilDate>> first, last;
  std::optional<std::string> place;
  auto start = TRY(read_minute(body, "start", true));
  auto end = TRY(read_minute(body, "end", true));
  for (const Status& read :
       {body.texts("days", days), body.date("first_date", first), body.date("last_date", last),
        body.text("place", place), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  for (const std::string& code : days.value_or(std::vector<std::string>{})) {
    auto day = parse_code<Weekday>(code);
    if (!day) {
      return fail(ErrorKind::invalid_input, "club.day_unknown",
                  fmt::format("“{}” không phải là một ngày trong tuần.", code),
                  fmt::format("“{}” is not a day of the week.", code), Location{0, "days"});
    }
    schedule.rule.days.push_back(*day);
  }
  if (!first || !*first) return JsonBody::missing("first_date");
  schedule.rule.start_minute = start;
  schedule.rule.end_minute = end;
  schedule.rule.first = **first;
  schedule.rule.last = last.value_or(std::nullopt);
  schedule.place = place.value_or("");
  auto added =
      TRY(service::add_club_schedule(call.connection, call.who(), id, std::move(schedule)));
  return ok(201, schedule_json(added, call.language));
}

Result<HttpResponse> get_sessions(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto from = TRY(date_query(call.request, "from"));
  auto to = TRY(date_query(call.request, "to"));
  if (days_from_civil(to) - days_from_civil(from) > 400) return bad_parameter("to");
  auto sessions = TRY(service::club_sessions(call.connection, call.who(), id, from, to));
  boost::json::array items;
  for (const auto& session : sessions) {
    items.push_back({{"schedule_id", session.schedule_id},
                     {"date", format_iso(session.occurrence.original_date)},
                     {"starts_at", format_instant(session.occurrence.starts_at)},
                     {"ends_at", format_instant(session.occurrence.ends_at)},
                     {"moved", session.occurrence.moved},
                     {"place", session.place}});
  }
  return items_response(std::move(items));
}

Result<HttpResponse> post_change(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::optional<CivilDate>> date, moved_date;
  auto start = TRY(read_minute(body, "start", false));
  auto end = TRY(read_minute(body, "end", false));
  for (const Status& read :
       {body.date("date", date), body.date("moved_to_date", moved_date), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!date || !*date) return JsonBody::missing("date");
  RuleException change{**date, std::nullopt};
  if (moved_date && *moved_date) {
    if (start < 0) return JsonBody::missing("start");
    if (end < 0) return JsonBody::missing("end");
    change.moved_to = MovedSession{**moved_date, start, end};
  }
  if (auto changed = service::change_club_session(call.connection, call.who(), id, change);
      !changed) {
    return std::unexpected(changed.error());
  }
  return ok(200, boost::json::object{{"date", format_iso(change.date)},
                                     {"cancelled", !change.moved_to.has_value()}});
}

Result<HttpResponse> post_session_attendance(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto body = TRY(JsonBody::parse(call.request));
  std::optional<std::optional<CivilDate>> date;
  std::optional<std::vector<std::int64_t>> people;
  std::optional<std::optional<AttendanceState>> state;
  for (const Status& read : {body.date("date", date), body.integers("person_ids", people),
                             body.code("state", state), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!date || !*date) return JsonBody::missing("date");
  if (!people) return JsonBody::missing("person_ids");
  if (auto recorded =
          service::record_session_attendance(call.connection, call.who(), id, **date, *people,
                                             state && *state ? **state : AttendanceState::present);
      !recorded) {
    return std::unexpected(recorded.error());
  }
  return ok(200, boost::json::object{{"recorded", static_cast<std::int64_t>(people->size())}});
}

Result<HttpResponse> get_session_attendance(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto date = TRY(date_query(call.request, "date"));
  auto records = TRY(service::session_attendance(call.connection, call.who(), id, date));
  boost::json::array items;
  for (const auto& record : records) {
    items.push_back({{"person_id", record.person_id},
                     {"full_name", record.full_name},
                     {"state", code_of(record.state)},
                     {"state_label", label_of(record.state).in(call.language)}});
  }
  return items_response(std::move(items));
}

}  // namespace

void add_club_routes(std::vector<Route>& routes) {
  constexpr Guard kSignedIn = Guard::signed_in;
  routes.insert(
      routes.end(),
      {
          {"GET", "/api/v1/clubs", kSignedIn, get_clubs},
          {"POST", "/api/v1/clubs", kSignedIn, post_club},
          {"GET", "/api/v1/clubs/:id", kSignedIn, get_club},
          {"POST", "/api/v1/clubs/:id/members", kSignedIn, post_members},
          {"DELETE", "/api/v1/clubs/:id/members/:person", kSignedIn, delete_member},
          {"POST", "/api/v1/clubs/:id/schedules", kSignedIn, post_schedule},
          {"GET", "/api/v1/clubs/:id/sessions", kSignedIn, get_sessions},
          {"POST", "/api/v1/club-schedules/:id/changes", kSignedIn, post_change},
          {"POST", "/api/v1/club-schedules/:id/attendance", kSignedIn, post_session_attendance},
          {"GET", "/api/v1/club-schedules/:id/attendance", kSignedIn, get_session_attendance},
      });
}

}  // namespace dk::http
