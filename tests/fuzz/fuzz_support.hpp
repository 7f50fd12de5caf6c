#pragma once
// What the fuzz targets share: the input as text, and a file holding it for the readers that take
// a path (an upload is kept in a temporary file before it is read, so this is the real path).

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace dk::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// One file per process, rewritten for each input.
inline const std::filesystem::path& input_file() {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("doanket-fuzz-" + std::to_string(getpid()));
  return path;
}

inline const std::filesystem::path& write_input(std::string_view bytes) {
  std::ofstream(input_file(), std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return input_file();
}

// Every error a reader returns is shown to a person: it must name something and say it in both
// languages. A target calls this on each error so that a malformed message is a finding too.
template <class Error>
void check_error(const Error& error) {
  if (error.code.empty() || error.message.vi.empty() || error.message.en.empty()) std::abort();
}

}  // namespace dk::fuzz
