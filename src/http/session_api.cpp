// /api/v1/session: signing in and out, who is signed in, changing one's password.

#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api.hpp"
#include "http/json_body.hpp"
#include "http/json_response.hpp"
#include "service/account_admin.hpp"
#include "service/authentication.hpp"

namespace dk::http {
namespace {

std::string session_cookie(const std::string& token, std::int64_t max_age, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, token,
                     max_age, secure ? "; Secure" : "");
}

boost::json::object session_json(const service::Actor& actor) {
  const Principal& principal = actor.principal;
  boost::json::array roles;
  if (principal.administrator) roles.emplace_back("administrator");
  if (principal.leadership) roles.emplace_back("leadership");
  if (principal.is_officer()) roles.emplace_back("officer");
  if (!principal.member_of.empty()) roles.emplace_back("member");
  boost::json::array officer_of(principal.officer_of.begin(), principal.officer_of.end());
  boost::json::array member_of(principal.member_of.begin(), principal.member_of.end());
  return {{"account_id", principal.account_id},  {"agency_id", principal.tenant},
          {"person_id", principal.person_id},    {"login", actor.login},
          {"full_name", actor.full_name},        {"roles", std::move(roles)},
          {"officer_of", std::move(officer_of)}, {"member_of", std::move(member_of)},
          {"csrf_token", actor.csrf_token}};
}

Result<HttpResponse> sign_in(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  service::SignInRequest request;
  for (auto read : {body.required_text("login", request.login),
                    body.required_text("password", request.password), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  request.address = call.request.address;
  auto signed_in = TRY(service::sign_in(call.connection, request, call.settings.clock,
                                        call.settings.session_lifetime));
  boost::json::object json = session_json(signed_in.actor);
  json["expires_at"] = service::unix_seconds(signed_in.expires_at);
  HttpResponse response = json_response(201, boost::json::serialize(json));
  response.headers.emplace_back(
      "Set-Cookie", session_cookie(signed_in.token, call.settings.session_lifetime.count(),
                                   call.settings.secure_cookies));
  response.account = signed_in.actor.login;
  return response;
}

Result<HttpResponse> current_session(ApiCall& call) {
  return json_response(200, boost::json::serialize(session_json(call.who())));
}

Result<HttpResponse> sign_out(ApiCall& call) {
  if (auto done = service::sign_out(call.connection, call.who()); !done)
    return std::unexpected(done.error());
  HttpResponse response{204, "", "", {}, ""};
  response.headers.emplace_back("Set-Cookie", session_cookie("", 0, call.settings.secure_cookies));
  return response;
}

Result<HttpResponse> change_password(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  std::string current;
  std::string next;
  for (auto read : {body.required_text("current_password", current),
                    body.required_text("new_password", next), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (auto done = service::change_password(call.connection, call.who(), current, next); !done)
    return std::unexpected(done.error());
  return HttpResponse{204, "", "", {}, ""};
}

boost::json::object account_json(const service::AccountView& account) {
  boost::json::array grants;
  for (const Grant grant : account.grants)
    grants.emplace_back(grant == Grant::administrator ? "administrator" : "leadership");
  return {{"id", account.id},
          {"person_id", account.person_id},
          {"login", account.login},
          {"full_name", account.full_name},
          {"disabled", account.disabled},
          {"grants", std::move(grants)}};
}

Result<HttpResponse> get_accounts(ApiCall& call) {
  auto accounts = TRY(service::list_accounts(call.connection, call.who()));
  boost::json::array items;
  for (const auto& account : accounts) items.push_back(account_json(account));
  return items_response(std::move(items));
}

Result<HttpResponse> post_account(ApiCall& call) {
  auto body = TRY(JsonBody::parse(call.request));
  service::NewAccount account;
  std::optional<std::int64_t> person;
  std::optional<bool> administrator, leadership;
  for (auto read : {body.integer("person_id", person), body.required_text("login", account.login),
                    body.required_text("password", account.password),
                    body.boolean("administrator", administrator),
                    body.boolean("leadership", leadership), body.finish()}) {
    if (!read) return std::unexpected(read.error());
  }
  if (!person) {
    return fail(ErrorKind::invalid_input, "field.required", "Thiếu trường “person_id”.",
                "The field “person_id” is required.", Location{0, "person_id"});
  }
  account.person_id = *person;
  if (administrator.value_or(false)) account.grants.push_back(Grant::administrator);
  if (leadership.value_or(false)) account.grants.push_back(Grant::leadership);
  auto created = TRY(service::create_account(call.connection, call.who(), std::move(account)));
  return json_response(201, boost::json::serialize(account_json(created)));
}

Result<HttpResponse> delete_account(ApiCall& call) {
  auto id = TRY(route_id(call.request));
  auto disabled = TRY(service::disable_account(call.connection, call.who(), id));
  return json_response(200, boost::json::serialize(account_json(disabled)));
}

}  // namespace

void add_session_routes(std::vector<Route>& routes) {
  routes.insert(routes.end(),
                {
                    {"POST", "/api/v1/session", Guard::anyone, sign_in},
                    {"GET", "/api/v1/session", Guard::signed_in, current_session},
                    {"DELETE", "/api/v1/session", Guard::signed_in, sign_out},
                    {"PUT", "/api/v1/session/password", Guard::signed_in, change_password},
                    {"GET", "/api/v1/accounts", Guard::signed_in, get_accounts},
                    {"POST", "/api/v1/accounts", Guard::signed_in, post_account},
                    {"DELETE", "/api/v1/accounts/:id", Guard::signed_in, delete_account},
                });
}

}  // namespace dk::http
