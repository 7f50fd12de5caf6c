#pragma once
// Helpers shared by the io tests: a temporary folder that cleans up after itself, writing and
// reading a whole table, and building or opening ZIP files by hand.

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "io/table_reader.hpp"
#include "io/table_writer.hpp"
#include "support/temp_dir.hpp"

namespace dk::io::testing {

using dk::testing::TempDir;

// Every row up to the end, or the first error.
inline Result<std::vector<TableRow>> read_all(TableReader& reader) {
  std::vector<TableRow> rows;
  for (;;) {
    TableRow row;
    auto more = reader.next(row);
    if (!more) return std::unexpected(more.error());
    if (!*more) return rows;
    rows.push_back(std::move(row));
  }
}

inline Result<std::vector<TableRow>> read_csv(std::string bytes, const ReadOptions& options = {}) {
  auto reader = open_csv(std::make_unique<std::istringstream>(std::move(bytes)), options);
  return read_all(*reader);
}

inline Result<std::vector<TableRow>> read_table(const std::filesystem::path& path,
                                                const ReadOptions& options = {}) {
  auto reader = open_table(path, options);
  if (!reader) return std::unexpected(reader.error());
  return read_all(**reader);
}

// Writes `rows` (the first the header) into a new XLSX, failing the test on any error.
inline void write_xlsx_rows(const std::filesystem::path& path,
                            const std::vector<std::vector<Cell>>& rows,
                            std::string_view sheet = "Hội viên") {
  auto writer = make_xlsx_writer(path, sheet);
  ASSERT_TRUE(writer) << writer.error().message.en;
  for (const std::vector<Cell>& row : rows) {
    auto written = (*writer)->write_row(row);
    ASSERT_TRUE(written) << written.error().message.en;
  }
  auto finished = (*writer)->finish();
  ASSERT_TRUE(finished) << finished.error().message.en;
}

inline std::vector<std::vector<std::string>> cells_of(const std::vector<TableRow>& rows) {
  std::vector<std::vector<std::string>> cells;
  for (const TableRow& row : rows) cells.push_back(row.cells);
  return cells;
}

inline std::vector<std::uint64_t> lines_of(const std::vector<TableRow>& rows) {
  std::vector<std::uint64_t> lines;
  for (const TableRow& row : rows) lines.push_back(row.line);
  return lines;
}

// Writes a ZIP holding `entries` (name → content), deflated.
inline void write_zip(const std::filesystem::path& path,
                      const std::map<std::string, std::string>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("zip_close failed");
  }
}

// The content of one entry of a ZIP (a part of an XLSX).
inline std::string read_zip_entry(const std::filesystem::path& path, const std::string& name) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (!file) {
    zip_discard(archive);
    throw std::runtime_error("no entry " + name);
  }
  std::string content;
  char buffer[4096];
  for (zip_int64_t got; (got = zip_fread(file, buffer, sizeof buffer)) > 0;) {
    content.append(buffer, static_cast<std::size_t>(got));
  }
  zip_fclose(file);
  zip_discard(archive);
  return content;
}

// Where the committed test files are (tests/data/io).
inline std::filesystem::path test_data(std::string_view name) {
  return std::filesystem::path(DK_IO_TEST_DATA) / name;
}

}  // namespace dk::io::testing
