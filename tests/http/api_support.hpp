#pragma once
// The API suite's harness: a fresh database with the demo agency, the real `doanket serve` on a
// free loopback port, and an HTTP client (libcurl) that keeps a session per demo login.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace dk::http::testing {

struct Reply {
  long status = 0;
  std::map<std::string, std::string> headers;  // names in lower case; repeated ones joined by "\n"
  std::string body;

  boost::json::value json() const;  // null (and a test failure) when the body is not JSON
  std::string code() const;         // a problem's "code", or ""
};

struct Call {
  std::string method = "GET";
  std::string path;
  std::string body;  // sent as application/json unless content_type says otherwise
  std::string content_type = "application/json";
  std::vector<std::string> headers;  // "Name: value"
};

// A client with its own cookie jar: one per signed-in user.
class Client {
 public:
  explicit Client(std::string base_url) : base_url_(std::move(base_url)) {}
  Reply send(const Call& call);
  Reply get(const std::string& path) { return send({"GET", path, "", "", {}}); }
  // With the session's CSRF token, as the web app sends it.
  Reply post(const std::string& path, const std::string& body) {
    return send({"POST", path, body, "application/json", {csrf_header()}});
  }
  Reply put(const std::string& path, const std::string& body) {
    return send({"PUT", path, body, "application/json", {csrf_header()}});
  }
  Reply patch(const std::string& path, const std::string& body) {
    return send({"PATCH", path, body, "application/json", {csrf_header()}});
  }
  Reply remove(const std::string& path) { return send({"DELETE", path, "", "", {csrf_header()}}); }
  // Signs in; returns the reply and keeps the cookie and the CSRF token.
  Reply sign_in(const std::string& login, const std::string& password);
  std::string csrf_header() const { return "X-CSRF-Token: " + csrf_token_; }
  const std::string& cookie() const { return cookie_; }

 private:
  std::string base_url_;
  std::string cookie_;  // "dk_session=…"
  std::string csrf_token_;
};

// A string field of a JSON object, or "" when it is absent or not a string.
inline std::string text_of(const boost::json::value& value, const char* field) {
  const auto* found = value.as_object().if_contains(field);
  return found && found->is_string() ? std::string(found->as_string()) : "";
}

inline constexpr const char* kDemoPassword = "doanket-demo-2026";

// One test: its database (parameter: "sqlite" or "postgres") with the demo agency, and the server.
class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A client signed in as one of the demo logins (quantri, lanhdao, chutichcd, doanvien).
  Client& as(const std::string& login);
  Client anonymous() { return Client(base_url_); }
  // Starts `doanket serve` on the test database (SetUp does, once the demo is loaded), with
  // `environment` ("TZ=America/New_York") over the test's own.
  void start_server(const std::vector<std::string>& environment = {},
                    const std::vector<std::string>& options = {});
  // Sends SIGTERM and returns the server's exit status (it must finish cleanly).
  int stop_server();
  // A statement run directly on the test database (to age a session, say).
  void execute_sql(const std::string& sql);
  // The id of the organization with this code in the demo agency.
  std::int64_t organization_id(const std::string& code);

  std::unique_ptr<dk::testing::TestDatabase> database_;
  std::string base_url_;
  pid_t server_ = -1;
  std::map<std::string, std::unique_ptr<Client>> clients_;
};

}  // namespace dk::http::testing
