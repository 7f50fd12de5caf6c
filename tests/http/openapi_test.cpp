// The OpenAPI document and the server's route table describe the same API: every route is
// documented, and nothing is documented that the server does not route.

#include "http/openapi.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <set>

#include "http/api.hpp"

namespace dk::http {
namespace {

// "/api/v1/people/:id" → "/api/v1/people/{id}"; methods in lower case, as OpenAPI writes them.
std::string documented_path(std::string_view pattern) {
  std::string path;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != ':') {
      path.push_back(pattern[i]);
      continue;
    }
    size_t end = i + 1;
    while (end < pattern.size() &&
           (std::isalnum(static_cast<unsigned char>(pattern[end])) || pattern[end] == '_')) {
      ++end;
    }
    path += "{" + std::string(pattern.substr(i + 1, end - i - 1)) + "}";
    i = end - 1;
  }
  return path;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

TEST(OpenApi, DocumentsExactlyTheRoutesTheServerHas) {
  const auto document = boost::json::parse(openapi_json()).as_object();
  EXPECT_EQ(document.at("openapi").as_string(), "3.1.0");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : document.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      documented.emplace(std::string(path), std::string(method));
      EXPECT_TRUE(operation.as_object().contains("responses")) << method << " " << path;
    }
  }
  std::set<std::pair<std::string, std::string>> routed;
  for (const Route& route : api_routes())
    routed.emplace(documented_path(route.pattern), lower(route.method));
  for (const auto& entry : routed) {
    EXPECT_TRUE(documented.contains(entry))
        << "not documented: " << entry.second << " " << entry.first;
  }
  for (const auto& entry : documented) {
    EXPECT_TRUE(routed.contains(entry))
        << "documented, not routed: " << entry.second << " " << entry.first;
  }
}

// Every state-changing route documents the CSRF header it requires, except signing in.
TEST(OpenApi, StateChangingRoutesDocumentTheCsrfHeader) {
  const auto document = boost::json::parse(openapi_json()).as_object();
  for (const Route& route : api_routes()) {
    if (route.method == "GET" || route.guard == Guard::anyone) continue;
    const auto& operation =
        document.at("paths").at(documented_path(route.pattern)).at(lower(route.method)).as_object();
    const auto* parameters = operation.if_contains("parameters");
    const bool has_csrf =
        parameters && std::ranges::any_of(parameters->as_array(), [](const auto& parameter) {
          const auto* ref = parameter.as_object().if_contains("$ref");
          return ref && ref->as_string() == "#/components/parameters/CsrfToken";
        });
    EXPECT_TRUE(has_csrf) << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace dk::http
