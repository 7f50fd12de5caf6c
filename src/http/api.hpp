#pragma once
// The API under /api/v1: a table of routes, each with who may call it and its handler, and the
// one dispatcher that signs the caller in from the session cookie, checks the CSRF token of every
// state-changing request, runs the handler and turns any error into problem+json.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "http/exchange.hpp"
#include "http/query_string.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::http {

inline constexpr std::string_view kSessionCookie = "dk_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

struct ApiSettings {
  std::chrono::seconds session_lifetime{std::chrono::hours(12)};
  bool secure_cookies = false;  // set when served over TLS
  Clock clock = system_clock();
  // The server's database, for the writes that share group commits (check-ins); without one (a
  // test calling the handlers directly), each commits alone.
  service::Database* database = nullptr;
};

struct ApiCall {
  const HttpRequest& request;
  service::Connection& connection;
  const ApiSettings& settings;
  std::string language;
  std::optional<service::Actor> actor;  // set for routes that need a session

  const service::Actor& who() const { return *actor; }
};

using Handler = Result<HttpResponse> (*)(ApiCall& call);

enum class Guard { anyone, signed_in };

struct Route {
  std::string_view method;
  std::string_view pattern;  // express-style: "/api/v1/people/:id(\\d+)"
  Guard guard;
  Handler handler;
  std::size_t max_body = kMaxJsonBody;  // larger for the routes that take a file
};

std::vector<Route> api_routes();
HttpResponse dispatch(const Route& route, const HttpRequest& request,
                      service::Connection& connection, const ApiSettings& settings);
// For requests no route matches.
HttpResponse not_found(const HttpRequest& request);

// Shared by the handlers.
HttpResponse json_response(int status, const std::string& body);
Result<Id> route_id(const HttpRequest& request, const std::string& name = "id");
std::string session_token(const HttpRequest& request);
// The ":person" of a route: "me" (the caller) or an id.
Result<Id> person_in_route(const ApiCall& call);

// What an Idempotency-Key stands for: a retry repeats the method, the path and the body. A JSON
// body counts by its canonical form (keys sorted at every level, no spaces): a client that sends
// the same fields in another order, or spaced differently, repeats the same request.
std::string request_text(const HttpRequest& request);

// Runs `work` once per Idempotency-Key the client sends (without one: every time); a retry gets the
// first answer again.
Result<HttpResponse> answer_once(ApiCall& call, const std::function<Result<HttpResponse>()>& work);

// Routes of each part of the API, registered by api_routes().
void add_session_routes(std::vector<Route>& routes);
void add_registry_routes(std::vector<Route>& routes);
void add_import_routes(std::vector<Route>& routes);
void add_dashboard_routes(std::vector<Route>& routes);
void add_activity_routes(std::vector<Route>& routes);
void add_calendar_routes(std::vector<Route>& routes);
void add_plan_routes(std::vector<Route>& routes);
void add_engagement_routes(std::vector<Route>& routes);
void add_support_request_routes(std::vector<Route>& routes);
void add_directive_routes(std::vector<Route>& routes);
void add_notification_routes(std::vector<Route>& routes);
void add_poll_routes(std::vector<Route>& routes);
void add_emulation_routes(std::vector<Route>& routes);
void add_emulation_rule_routes(std::vector<Route>& routes);
void add_news_routes(std::vector<Route>& routes);
void add_bulletin_routes(std::vector<Route>& routes);
void add_contest_routes(std::vector<Route>& routes);
void add_contest_attempt_routes(std::vector<Route>& routes);
void add_club_routes(std::vector<Route>& routes);
void add_fund_routes(std::vector<Route>& routes);

}  // namespace dk::http
