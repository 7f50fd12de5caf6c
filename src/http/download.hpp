#pragma once
// Answers that are files to save, not pages to show.

#include <string>
#include <string_view>

#include "http/exchange.hpp"

namespace dk::http {

// Content-Disposition for a file name that may hold Vietnamese letters: an ASCII fallback, and the
// name itself in RFC 5987's encoding. `disposition` is "attachment" or "inline".
std::string content_disposition(std::string_view disposition, std::string_view file_name);

// A 200 whose body is a file the browser saves as `file_name`.
HttpResponse attachment(std::string content_type, std::string body, std::string_view file_name);

}  // namespace dk::http
