#pragma once
// Answers that are files to save, not pages to show.

#include <string>
#include <string_view>

namespace dk::http {

// Content-Disposition for a file name that may hold Vietnamese letters: an ASCII fallback, and the
// name itself in RFC 5987's encoding. `disposition` is "attachment" or "inline".
std::string content_disposition(std::string_view disposition, std::string_view file_name);

}  // namespace dk::http
