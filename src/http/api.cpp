#include "http/api.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <vector>

#include "http/openapi.hpp"
#include "http/problem.hpp"
#include "service/authentication.hpp"
#include "service/idempotency.hpp"

namespace dk::http {
namespace {

bool changes_state(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// `value` written with the keys of every object in byte order.
void write_canonical(const boost::json::value& value, std::string& out) {
  if (value.is_object()) {
    std::vector<const boost::json::key_value_pair*> fields;
    for (const auto& field : value.get_object()) fields.push_back(&field);
    std::ranges::sort(fields, {}, [](const auto* field) { return field->key(); });
    out += '{';
    for (const auto* field : fields) {
      if (out.back() != '{') out += ',';
      out += boost::json::serialize(boost::json::value(field->key()));
      out += ':';
      write_canonical(field->value(), out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (const auto& item : value.get_array()) {
      if (out.back() != '[') out += ',';
      write_canonical(item, out);
    }
    out += ']';
  } else {
    out += boost::json::serialize(value);
  }
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<HttpResponse> openapi_document(ApiCall&) {
  return HttpResponse{200, "application/json", std::string(openapi_json()), {}, ""};
}

Result<HttpResponse> health(ApiCall& call) {
  TRY(service::ping(call.connection));
  return json_response(200, R"({"status":"ok"})");
}

}  // namespace

HttpResponse json_response(int status, const std::string& body) {
  return HttpResponse{status, "application/json", body, {}, ""};
}

std::string request_text(const HttpRequest& request) {
  std::string text = request.method + " " + request.path + "\n";
  boost::system::error_code error;
  const boost::json::value body =
      request.body.empty() ? boost::json::value() : boost::json::parse(request.body, error);
  if (request.body.empty() || error) return text + request.body;
  write_canonical(body, text);
  return text;
}

Result<Id> route_id(const HttpRequest& request, const std::string& name) {
  auto found = request.route.find(name);
  Id id = 0;
  if (found != request.route.end()) {
    const std::string& text = found->second;
    if (text.empty() || text.size() > 18 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      id = 0;
    } else {
      id = std::stoll(text);
    }
  }
  if (id <= 0) {
    return fail(ErrorKind::not_found, "route.bad_id", "Mã trong đường dẫn không hợp lệ.",
                "The id in the path is not valid.");
  }
  return id;
}

Result<Id> person_in_route(const ApiCall& call) {
  if (call.request.route.at("person") == "me") return call.who().principal.person_id;
  return route_id(call.request, "person");
}

std::string session_token(const HttpRequest& request) {
  // Cookie: a=1; dk_session=TOKEN; b=2
  const std::string cookies = request.header("cookie");
  const std::string prefix = std::string(kSessionCookie) + "=";
  size_t start = 0;
  while (start < cookies.size()) {
    while (start < cookies.size() && (cookies[start] == ' ' || cookies[start] == ';')) ++start;
    size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    if (cookies.compare(start, prefix.size(), prefix) == 0)
      return cookies.substr(start + prefix.size(), end - start - prefix.size());
    start = end + 1;
  }
  return "";
}

Result<HttpResponse> answer_once(ApiCall& call, const std::function<Result<HttpResponse>()>& work) {
  const std::string key = call.request.header("idempotency-key");
  if (key.empty()) return work();
  auto answer = service::answer_once(
      call.connection, call.who(), key, service::request_fingerprint(request_text(call.request)),
      [&]() -> Result<service::Answer> {
        auto response = TRY(work());
        return service::Answer{response.status, std::move(response.body)};
      });
  if (!answer) return std::unexpected(answer.error());
  return json_response(answer->status, answer->body);
}

HttpResponse not_found(const HttpRequest& request) {
  return problem(Error{ErrorKind::not_found,
                       "route.not_found",
                       Text{fmt::format("Không có địa chỉ {} {}.", request.method, request.path),
                            fmt::format("There is no {} {}.", request.method, request.path)},
                       {}},
                 language_of(request));
}

HttpResponse dispatch(const Route& route, const HttpRequest& request,
                      service::Connection& connection, const ApiSettings& settings) {
  ApiCall call{request, connection, settings, language_of(request), std::nullopt};
  auto answer = [&]() -> Result<HttpResponse> {
    if (route.guard == Guard::signed_in) {
      auto actor = service::authenticate(connection, session_token(request), request.address,
                                         settings.clock);
      if (!actor) return std::unexpected(actor.error());
      call.actor = std::move(*actor);
      // A state-changing request must echo the session's CSRF token, which a page on another
      // site cannot read.
      if (changes_state(request.method) &&
          !same_secret(request.header(std::string(kCsrfHeader)), call.actor->csrf_token)) {
        return fail(ErrorKind::forbidden, "session.csrf_mismatch",
                    "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Hãy tải lại trang.",
                    "The anti-forgery token (X-CSRF-Token) is missing or wrong. Reload the page.");
      }
    }
    return route.handler(call);
  }();
  HttpResponse response = answer ? std::move(*answer) : problem(answer.error(), call.language);
  if (call.actor) response.account = call.actor->login;
  // API answers are personal: never cached by a proxy, nor by the browser unless the handler
  // said how (a news photo, which never changes at its address, is kept privately for a day).
  const bool cache_said = std::ranges::any_of(
      response.headers, [](const auto& header) { return header.first == "Cache-Control"; });
  if (!cache_said) response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::vector<Route> api_routes() {
  std::vector<Route> routes{
      {"GET", "/healthz", Guard::anyone, health},
      {"GET", "/api/v1/openapi.json", Guard::anyone, openapi_document},
  };
  add_session_routes(routes);
  add_registry_routes(routes);
  add_import_routes(routes);
  add_dashboard_routes(routes);
  add_activity_routes(routes);
  add_calendar_routes(routes);
  add_plan_routes(routes);
  add_engagement_routes(routes);
  add_support_request_routes(routes);
  add_directive_routes(routes);
  add_notification_routes(routes);
  add_poll_routes(routes);
  add_emulation_routes(routes);
  add_emulation_rule_routes(routes);
  add_news_routes(routes);
  add_bulletin_routes(routes);
  add_contest_routes(routes);
  add_contest_attempt_routes(routes);
  add_club_routes(routes);
  add_fund_routes(routes);
  return routes;
}

}  // namespace dk::http
