#pragma once
// The built web app, served by `doanket serve` at `/`: the copy packed into the binary at build
// time, or a folder (--web-root, in development) read once at start. Either way it is held in
// memory (a few MiB), so that a request can never reach a file outside it, and answered with the
// cache headers a hashed build wants — its assets kept for a year, index.html revalidated every
// time.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/exchange.hpp"

namespace dk::http {

class StaticFiles {
 public:
  // Reads every regular file under `root`; fails when it has no index.html.
  static Result<StaticFiles> load(const std::filesystem::path& root);
  // The copy in the binary; nothing when the binary was built without one.
  static Result<std::optional<StaticFiles>> embedded();

  // The answer for a GET or HEAD of `path` outside /api/: the file, or index.html for an address
  // of the app itself (the app routes in the browser), or nothing for a missing asset.
  std::optional<HttpResponse> answer(const HttpRequest& request) const;

  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string gzipped;  // empty when compression does not pay
    std::string content_type;
    std::string cache_control;
  };
  HttpResponse respond(const File& file, const HttpRequest& request) const;

  std::map<std::string, File, std::less<>> files_;  // by URL path: "/index.html", "/assets/…"
};

}  // namespace dk::http
