#pragma once
// Errors as RFC 9457 problem details (application/problem+json): the HTTP status for each kind of
// domain error, a stable machine code, and the message in the language the client asked for.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/exchange.hpp"

namespace dk::http {

int status_for(ErrorKind kind);
HttpResponse problem(const Error& error, std::string_view language);
// With a status of its own (413, 414, 431: limits of HTTP rather than kinds of domain error),
// the same in the answer and in the body's "status".
HttpResponse problem(const Error& error, std::string_view language, int status);
// "en" when the client's Accept-Language prefers English over Vietnamese, else "vi".
std::string language_of(const HttpRequest& request);

}  // namespace dk::http
