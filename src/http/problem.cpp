#include "http/problem.hpp"

#include <boost/json.hpp>

namespace dk::http {

int status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

HttpResponse problem(const Error& error, std::string_view language) {
  return problem(error, language, status_for(error.kind));
}

HttpResponse problem(const Error& error, std::string_view language, int status) {
  HttpResponse response;
  response.status = status;
  response.content_type = "application/problem+json";
  boost::json::object body;
  body["type"] = "urn:doanket:problem:" + error.code;
  body["title"] = error.message.in(language);
  body["status"] = response.status;
  body["detail"] = describe(error, language);
  body["code"] = error.code;
  if (!error.where.field.empty()) body["field"] = error.where.field;
  if (error.where.line != 0) body["line"] = error.where.line;
  body["message"] = {{"vi", error.message.vi}, {"en", error.message.en}};
  response.body = boost::json::serialize(body);
  response.headers.emplace_back("Content-Language", std::string(language));
  if (error.kind == ErrorKind::rate_limited && error.retry_after_seconds > 0)
    response.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds));
  return response;
}

std::string language_of(const HttpRequest& request) {
  // The first language named wins; q-values are rarely used by browsers to reorder these two.
  const std::string accept = request.header("accept-language");
  const auto english = accept.find("en");
  const auto vietnamese = accept.find("vi");
  if (english != std::string::npos && (vietnamese == std::string::npos || english < vietnamese))
    return "en";
  return "vi";
}

}  // namespace dk::http
