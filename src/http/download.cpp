#include "http/download.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace dk::http {

std::string content_disposition(std::string_view disposition, std::string_view file_name) {
  const auto plain = [](unsigned char byte) {
    return byte >= 0x20 && byte < 0x7F && byte != '"' && byte != '\\';
  };
  if (std::ranges::all_of(file_name, [&](char c) { return plain(static_cast<unsigned char>(c)); }))
    return fmt::format("{}; filename=\"{}\"", disposition, file_name);
  std::string ascii, encoded;
  for (const char c : file_name) {
    const auto byte = static_cast<unsigned char>(c);
    if (plain(byte)) {
      ascii.push_back(c);
    } else if (byte < 0x80 || byte >= 0xC0) {
      ascii.push_back('_');  // one per character: a UTF-8 sequence's continuation bytes add none
    }
    const bool unreserved = std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~';
    encoded += unreserved && byte < 0x80 ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return fmt::format("{}; filename=\"{}\"; filename*=UTF-8''{}", disposition, ascii, encoded);
}

HttpResponse attachment(std::string content_type, std::string body, std::string_view file_name) {
  HttpResponse response{200, std::move(content_type), std::move(body), {}, ""};
  response.headers.emplace_back("Content-Disposition",
                                content_disposition("attachment", file_name));
  return response;
}

}  // namespace dk::http
