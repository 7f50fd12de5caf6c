#include "service/temporary_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace dk::service {
namespace {

std::unexpected<Error> unavailable(const std::string& what) {
  return fail(ErrorKind::unavailable, "file.temporary_failed",
              fmt::format("Không ghi được tệp tạm: {}.", what),
              fmt::format("Cannot write a temporary file: {}.", what));
}

}  // namespace

Result<TemporaryFile> TemporaryFile::create(std::string_view suffix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / ("doanket-XXXXXX" + std::string(suffix))).string();
  const int descriptor = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (descriptor < 0) return unavailable(std::error_code(errno, std::generic_category()).message());
  close(descriptor);
  return TemporaryFile(pattern);
}

Result<TemporaryFile> TemporaryFile::holding(std::string_view content, std::string_view suffix) {
  auto file = create(suffix);
  if (!file) return file;
  std::ofstream out(file->path(), std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return unavailable(file->path().string());
  return file;
}

TemporaryFile::~TemporaryFile() {
  if (path_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

Result<std::string> TemporaryFile::read() const {
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in) return unavailable(path_.string());
  return content.str();
}

}  // namespace dk::service
