#pragma once
// PDFs read back with poppler's tools (pdftotext, pdfinfo, pdffonts), as a PDF viewer would read
// them, rather than by looking for strings in the PDF's bytes: if poppler extracts the exact
// Vietnamese text, the fonts are embedded with a correct Unicode map and a person can copy a name
// out of the document. scripts/setup.sh installs poppler-utils.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "support/temp_dir.hpp"

namespace dk::testing {

inline std::optional<std::filesystem::path> find_in_path(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  std::string_view folders = path;
  while (!folders.empty()) {
    const auto colon = folders.find(':');
    const std::string_view folder = folders.substr(0, colon);
    folders.remove_prefix(colon == std::string_view::npos ? folders.size() : colon + 1);
    if (folder.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(folder) / tool;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// Runs a poppler tool on the PDF (written to a temporary file) and returns what it printed:
// `tool options file after`.
inline std::string poppler(const std::string& tool, const std::string& options,
                           const std::string& pdf, const std::string& after = "") {
  const auto program = find_in_path(tool);
  if (!program) {
    ADD_FAILURE() << tool << " is not on PATH: install poppler-utils (scripts/setup.sh does)";
    return {};
  }
  TempDir folder;
  const std::filesystem::path file = folder / "document.pdf";
  std::ofstream(file, std::ios::binary) << pdf;
  const std::string command =
      "'" + program->string() + "' " + options + " '" + file.string() + "' " + after + " 2>&1";
  std::string output;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return output;
  }
  char buffer[4096];
  for (std::size_t got; (got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
    output.append(buffer, got);
  }
  EXPECT_EQ(::pclose(pipe), 0) << command << "\n" << output;
  return output;
}

inline std::string text_of(const std::string& pdf) {
  return poppler("pdftotext", "-layout", pdf, "-");
}
inline std::string info_of(const std::string& pdf) {
  return poppler("pdfinfo", "", pdf);
}

inline int pages_of(const std::string& pdf) {
  std::smatch match;
  const std::string info = info_of(pdf);
  if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) return 0;
  return std::stoi(match[1]);
}

}  // namespace dk::testing
