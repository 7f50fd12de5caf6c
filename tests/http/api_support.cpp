#include "http/api_support.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "support/demo_database.hpp"

extern char** environ;

namespace dk::http::testing {
namespace {

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* out) {
  auto& headers = *static_cast<std::map<std::string, std::string>*>(out);
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    auto& slot = headers[name];
    slot = slot.empty() ? value : slot + "\n" + value;
  }
  return size * count;
}

// Runs a command to completion; returns its exit status.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

boost::json::value Reply::json() const {
  boost::system::error_code error;
  auto value = boost::json::parse(body, error);
  if (error) {
    ADD_FAILURE() << "not JSON (" << status << "): " << body;
    return nullptr;
  }
  return value;
}

std::string Reply::code() const {
  boost::system::error_code error;
  auto value = boost::json::parse(body, error);
  if (error || !value.is_object()) return "";
  const auto* code = value.as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->as_string()) : "";
}

Reply Client::send(const Call& call) {
  Reply reply;
  CURL* curl = curl_easy_init();
  const std::string url = base_url_ + call.path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (call.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);  // a HEAD answer has a length but no body
  } else {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  }
  curl_slist* headers = nullptr;
  std::vector<std::string> lines = call.headers;
  if (!call.body.empty() || call.method == "POST" || call.method == "PUT" ||
      call.method == "PATCH") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, call.body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body.size()));
    lines.push_back("Content-Type: " + call.content_type);
  }
  if (!cookie_.empty()) curl_easy_setopt(curl, CURLOPT_COOKIE, cookie_.c_str());
  for (const auto& line : lines) headers = curl_slist_append(headers, line.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &reply.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  const CURLcode result = curl_easy_perform(curl);
  if (result == CURLE_OK) {
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  } else {
    reply.status = -1;  // the connection failed or was closed
    reply.body = curl_easy_strerror(result);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return reply;
}

Reply Client::sign_in(const std::string& login, const std::string& password) {
  Reply reply = send({"POST",
                      "/api/v1/session",
                      R"({"login":")" + login + R"(","password":")" + password + R"("})",
                      "application/json",
                      {}});
  const std::string set_cookie = reply.headers["set-cookie"];
  if (reply.status == 201) {
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_token_ = std::string(reply.json().at("csrf_token").as_string());
  }
  return reply;
}

void ApiTest::SetUp() {
  database_ = std::make_unique<dk::testing::TestDatabase>(GetParam());
  DK_REQUIRE_DATABASE(*database_);
  ASSERT_TRUE(dk::testing::fill_with_demo(*database_, DOANKET_BINARY, [&] {
    return run({DOANKET_BINARY, "--db", database_->target(), "demo"}) == 0;
  })) << "doanket demo failed";
  start_server();
}

void ApiTest::start_server(const std::vector<std::string>& environment,
                           const std::vector<std::string>& options) {
  // The test's environment, each variable of `environment` replacing its namesake.
  std::vector<std::string> variables(environment);
  for (char** entry = environ; *entry; ++entry) {
    const std::string_view variable(*entry);
    const auto name = variable.substr(0, variable.find('=') + 1);
    if (std::ranges::none_of(environment, [&](const auto& own) { return own.starts_with(name); }))
      variables.emplace_back(variable);
  }
  std::vector<char*> envp;
  for (auto& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  int out_pipe[2];
  ASSERT_EQ(pipe2(out_pipe, O_CLOEXEC), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args{DOANKET_BINARY, "--db",     database_->target(),
                                "serve",        "--listen", "127.0.0.1:0"};
  args.insert(args.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  ASSERT_EQ(posix_spawn(&server_, argv[0], &actions, nullptr, argv.data(), envp.data()), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  // The first line the server prints is its address, once it listens.
  std::string line;
  char c = 0;
  while (read(out_pipe[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out_pipe[0]);
  ASSERT_EQ(line.rfind("http://127.0.0.1:", 0), 0u) << "the server printed: " << line;
  base_url_ = line;
}

void ApiTest::TearDown() {
  if (server_ > 0) stop_server();
}

int ApiTest::stop_server() {
  kill(server_, SIGTERM);
  int status = 0;
  waitpid(server_, &status, 0);
  server_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

Client& ApiTest::as(const std::string& login) {
  auto& client = clients_[login];
  if (!client) {
    client = std::make_unique<Client>(base_url_);
    const Reply reply = client->sign_in(login, kDemoPassword);
    EXPECT_EQ(reply.status, 201) << login << ": " << reply.body;
  }
  return *client;
}

void ApiTest::execute_sql(const std::string& sql) {
  auto connection = database_->open();
  ASSERT_TRUE(connection);
  auto done = connection->execute_script(sql);
  ASSERT_TRUE(done) << done.error().message.en;
}

std::int64_t ApiTest::organization_id(const std::string& code) {
  const auto organizations = as("quantri").get("/api/v1/organizations").json();
  for (const auto& item : organizations.at("items").as_array()) {
    if (item.at("code").as_string() == code) return item.at("id").as_int64();
  }
  ADD_FAILURE() << "no organization " << code;
  return 0;
}

}  // namespace dk::http::testing
