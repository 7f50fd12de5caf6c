#include "http/static_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <system_error>

#include "http/embedded_web_app.hpp"
#include "io/gzip.hpp"

namespace dk::http {
namespace {

namespace fs = std::filesystem;

std::string content_type_of(const fs::path& file) {
  static const std::map<std::string, std::string, std::less<>> kTypes{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ttf", "font/ttf"},
      {".wasm", "application/wasm"},  // the QR decoder; browsers compile only this type streamed
  };
  auto found = kTypes.find(file.extension().string());
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

bool compressible(const std::string& content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/manifest") || content_type == "image/svg+xml" ||
         content_type == "application/wasm";
}

// Vite names every file under assets/ after a hash of its content: a new build makes new names, so
// the browser may keep them for good. index.html names the current ones and must be fresh.
std::string cache_control_of(std::string_view url_path) {
  if (url_path.starts_with("/assets/")) return "public, max-age=31536000, immutable";
  if (url_path == "/index.html") return "no-cache";
  return "public, max-age=3600";
}

// An address the app routes itself (/people/12) rather than a file (/favicon.ico, /assets/x.js).
bool app_address(std::string_view path) {
  if (path.starts_with("/assets/")) return false;
  const auto last = path.substr(path.rfind('/') + 1);
  return last.find('.') == std::string_view::npos;
}

bool accepts_gzip(const HttpRequest& request) {
  return request.header("accept-encoding").find("gzip") != std::string::npos;
}

std::string entity_tag(const std::string& content) {
  return fmt::format("\"{:016x}-{:x}\"", std::hash<std::string>{}(content), content.size());
}

}  // namespace

Result<StaticFiles> StaticFiles::load(const fs::path& root) {
  std::error_code error;
  if (!fs::is_regular_file(root / "index.html", error)) {
    return fail(ErrorKind::unavailable, "web.no_index",
                fmt::format("Thư mục ứng dụng web “{}” không có index.html (hãy chạy "
                            "scripts/setup.sh để dựng nó).",
                            root.string()),
                fmt::format("The web app folder “{}” has no index.html (run scripts/setup.sh to "
                            "build it).",
                            root.string()));
  }
  StaticFiles files;
  for (fs::recursive_directory_iterator it(root, error), end; !error && it != end;
       it.increment(error)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) {
      return fail(ErrorKind::unavailable, "web.read_failed",
                  fmt::format("Không đọc được tệp “{}”.", it->path().string()),
                  fmt::format("Cannot read the file “{}”.", it->path().string()));
    }
    const std::string url_path = "/" + it->path().lexically_relative(root).generic_string();
    File file{content.str(), {}, content_type_of(it->path()), cache_control_of(url_path)};
    if (compressible(file.content_type) && file.content.size() > 1024) {
      std::string packed = io::gzip(file.content);
      if (!packed.empty() && packed.size() < file.content.size() * 9 / 10)
        file.gzipped = std::move(packed);
    }
    files.files_.emplace(url_path, std::move(file));
  }
  if (error) {
    return fail(ErrorKind::unavailable, "web.read_failed",
                fmt::format("Không đọc được thư mục “{}”: {}", root.string(), error.message()),
                fmt::format("Cannot read the folder “{}”: {}", root.string(), error.message()));
  }
  return files;
}

Result<std::optional<StaticFiles>> StaticFiles::embedded() {
  const auto table = embedded_web_app_files();
  if (table.empty()) return std::nullopt;
  const char* blob = embedded_web_app_blob();
  StaticFiles files;
  for (const EmbeddedFile& embedded : table) {
    const std::string stored(blob + embedded.offset, embedded.size);
    File file{
        stored, {}, content_type_of(fs::path(embedded.path)), cache_control_of(embedded.path)};
    if (embedded.gzipped) {
      // Served as stored to browsers that take gzip (all of them); unpacked once for the rest.
      file.gzipped = stored;
      file.content = io::gunzip(stored, embedded.raw_size);
      if (file.content.size() != embedded.raw_size) {
        return fail(
            ErrorKind::internal, "web.embedded_corrupt",
            fmt::format("Bản ứng dụng web trong chương trình hỏng ở tệp “{}”.", embedded.path),
            fmt::format("The web app inside the binary is damaged at “{}”.", embedded.path));
      }
    }
    files.files_.emplace(std::string(embedded.path), std::move(file));
  }
  if (!files.files_.contains("/index.html")) return std::nullopt;
  return files;
}

std::optional<HttpResponse> StaticFiles::answer(const HttpRequest& request) const {
  const std::string_view path =
      request.path == "/" ? std::string_view("/index.html") : std::string_view(request.path);
  if (auto found = files_.find(path); found != files_.end()) return respond(found->second, request);
  if (app_address(path)) return respond(files_.at("/index.html"), request);
  return std::nullopt;
}

HttpResponse StaticFiles::respond(const File& file, const HttpRequest& request) const {
  HttpResponse response;
  response.content_type = file.content_type;
  const std::string tag = entity_tag(file.content);
  response.headers = {{"Cache-Control", file.cache_control}, {"ETag", tag}};
  if (!file.gzipped.empty()) response.headers.emplace_back("Vary", "Accept-Encoding");
  if (file.content_type.starts_with("text/html")) {
    // The app loads nothing from elsewhere but a news video's still picture and, once the reader
    // asks to play it, the video sites' privacy-enhanced players (core/news.hpp); Element Plus
    // sets inline styles on elements.
    response.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' "
        "'unsafe-inline'; "
        "img-src 'self' data: blob: https://i.ytimg.com; font-src 'self' data:; connect-src "
        "'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'");
    response.headers.emplace_back("Referrer-Policy", "same-origin");
  }
  if (request.header("if-none-match") == tag) {
    response.status = 304;
    response.content_type.clear();
    return response;
  }
  if (!file.gzipped.empty() && accepts_gzip(request)) {
    response.headers.emplace_back("Content-Encoding", "gzip");
    response.body = file.gzipped;
  } else {
    response.body = file.content;
  }
  return response;
}

}  // namespace dk::http
