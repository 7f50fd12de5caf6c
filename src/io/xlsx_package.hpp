#pragma once
// An XLSX file is a ZIP of XML parts. This opens the ZIP, finds parts by name and streams a part
// in chunks, refusing a part whose expanded size passes a limit: a ZIP bomb turns a few kilobytes
// into gigabytes, and the sizes in its directory may lie, so the bytes are counted as they come.

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "io/xml_parser.hpp"

namespace dk::io {

// "import.xlsx_invalid": the file is not a workbook we can read. `detail` says what is wrong.
Error xlsx_invalid(std::string_view detail_vi, std::string_view detail_en, std::uint64_t line = 0);

class XlsxPart {
 public:
  // `max_bytes` is what the part may expand to; `by_ratio` says whether its packed size set it.
  XlsxPart(zip_file_t* file, std::string name, std::uint64_t max_bytes, bool by_ratio)
      : file_(file), name_(std::move(name)), max_bytes_(max_bytes), by_ratio_(by_ratio) {}
  // Up to `size` bytes of the expanded part; 0 at its end.
  Result<std::size_t> read(char* data, std::size_t size);
  const std::string& name() const { return name_; }

 private:
  struct Closer {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
  };
  std::unique_ptr<zip_file_t, Closer> file_;
  std::string name_;
  std::uint64_t max_bytes_;
  bool by_ratio_;
  std::uint64_t bytes_read_ = 0;
};

class XlsxPackage {
 public:
  static Result<XlsxPackage> open(const std::filesystem::path& path);

  bool has(std::string_view part_name) const;
  // Opens a part for streaming. The package must outlive the part.
  Result<XlsxPart> open_part(std::string_view part_name, std::uint64_t max_bytes) const;
  // Reads a whole part through `handler`. A problem the handler keeps for itself (it aborted the
  // parser) is the handler's to report: this returns success then.
  Status parse_part(std::string_view part_name, std::uint64_t max_bytes, XmlHandler& handler) const;

 private:
  struct Discarder {
    void operator()(zip_t* archive) const { zip_discard(archive); }
  };
  explicit XlsxPackage(zip_t* archive) : archive_(archive) {}
  std::optional<zip_uint64_t> find(std::string_view part_name) const;

  std::unique_ptr<zip_t, Discarder> archive_;
};

// Reads a part's name from a relationship target: "worksheets/sheet1.xml" relative to the folder
// of the part that points to it (`base`, "xl"), or "/xl/worksheets/sheet1.xml" from the root.
std::string resolve_part_name(std::string_view base, std::string_view target);

}  // namespace dk::io
