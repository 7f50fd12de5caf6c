#pragma once
// A file of our own in the system's temporary folder, removed when it goes out of scope: where an
// upload waits to be read and an XLSX is written before it is sent (the file-format libraries
// work on paths).

#include <filesystem>
#include <string>

#include "core/error.hpp"

namespace dk::service {

class TemporaryFile {
 public:
  // Creates an empty file, only the owner may read, named doanket-XXXXXX<suffix>.
  static Result<TemporaryFile> create(std::string_view suffix);
  // Creates it holding `content`.
  static Result<TemporaryFile> holding(std::string_view content, std::string_view suffix);

  TemporaryFile(TemporaryFile&& other) noexcept : path_(std::move(other.path_)) {
    other.path_.clear();
  }
  TemporaryFile& operator=(TemporaryFile&&) = delete;
  TemporaryFile(const TemporaryFile&) = delete;
  ~TemporaryFile();

  const std::filesystem::path& path() const { return path_; }
  Result<std::string> read() const;

 private:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace dk::service
