#pragma once
// An HTTP request and response as the API handlers see them: plain values, so that the handlers
// neither know the server library nor pay for its headers.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dk::http {

inline constexpr std::size_t kMaxJsonBody = 1 << 20;  // 1 MiB: far more than any record needs
// An uploaded file (a member list): an office's list of thousands of people is a few MiB.
inline constexpr std::size_t kMaxUploadBody = 20 << 20;

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;  // decoded
  std::map<std::string, std::string> headers;              // names in lower case
  std::map<std::string, std::string> route;                // ":id" and the like
  std::string body;
  std::string address;  // the client's IP address

  // The header's value, or "" when absent.
  std::string header(const std::string& lower_case_name) const {
    auto found = headers.find(lower_case_name);
    return found == headers.end() ? std::string() : found->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string account;  // who made the request, for the access log ("" when nobody signed in)
};

}  // namespace dk::http
