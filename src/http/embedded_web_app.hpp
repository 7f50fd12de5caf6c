#pragma once
// The built web app as the build packed it into the binary (tools/embed_web_app): a table of its
// files over one blob, each file stored gzipped or as it is.

#include <cstddef>
#include <span>
#include <string_view>

namespace dk::http {

struct EmbeddedFile {
  std::string_view path;  // "/index.html", "/assets/…"
  std::size_t offset;     // in the blob
  std::size_t size;       // as stored
  std::size_t raw_size;   // as served uncompressed
  bool gzipped;
};

// Empty when the binary was built without the web app.
std::span<const EmbeddedFile> embedded_web_app_files();
const char* embedded_web_app_blob();

}  // namespace dk::http
