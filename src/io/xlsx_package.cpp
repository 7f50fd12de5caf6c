#include "io/xlsx_package.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace dk::io {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

// An archive bomb — a megabyte that expands to gigabytes — is refused by its expansion ratio,
// before any of it is read: the XML of a real sheet packs to between a fifth and a twentieth of
// its size, so a hundredfold is generous; a part small when expanded may expand as it likes. The
// bound holds while reading too, whatever sizes the archive's directory claims.
constexpr std::uint64_t kMaxExpansion = 100;
constexpr std::uint64_t kAlwaysAllowedBytes = std::uint64_t{1} << 20;

Error part_too_large(std::string_view part, std::uint64_t limit, bool by_ratio) {
  if (by_ratio) {
    return xlsx_invalid(
        fmt::format("phần “{}” khi giải nén lớn gấp hơn {} lần khi nén (tệp “bom nén”?)", part,
                    kMaxExpansion),
        fmt::format("the part “{}” expands to more than {} times its packed size (an archive "
                    "bomb?)",
                    part, kMaxExpansion));
  }
  return xlsx_invalid(fmt::format("phần “{}” khi giải nén lớn hơn {} MiB", part, limit >> 20),
                      fmt::format("the part “{}” expands to more than {} MiB", part, limit >> 20));
}

std::string zip_error_text(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

}  // namespace

Error xlsx_invalid(std::string_view detail_vi, std::string_view detail_en, std::uint64_t line) {
  return Error{ErrorKind::invalid_input, "import.xlsx_invalid",
               Text{fmt::format("Tệp XLSX bị hỏng hoặc không phải bảng tính Excel: {}. Hãy mở "
                                "tệp trong Excel và lưu lại dưới dạng “Excel Workbook (.xlsx)”.",
                                detail_vi),
                    fmt::format("The XLSX file is damaged or is not an Excel workbook: {}. Open "
                                "it in Excel and save it again as “Excel Workbook (.xlsx)”.",
                                detail_en)},
               Location{line, {}}};
}

Result<std::size_t> XlsxPart::read(char* data, std::size_t size) {
  const zip_int64_t got = zip_fread(file_.get(), data, size);
  if (got < 0) {
    const std::string reason = zip_error_strerror(zip_file_get_error(file_.get()));
    return std::unexpected(
        xlsx_invalid(fmt::format("không giải nén được “{}” ({})", name_, reason),
                     fmt::format("“{}” cannot be unpacked ({})", name_, reason)));
  }
  bytes_read_ += static_cast<std::uint64_t>(got);
  if (bytes_read_ > max_bytes_)
    return std::unexpected(part_too_large(name_, max_bytes_, by_ratio_));
  return static_cast<std::size_t>(got);
}

Result<XlsxPackage> XlsxPackage::open(const std::filesystem::path& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive) return XlsxPackage(archive);
  const std::string reason = zip_error_text(code);
  if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
    return fail(ErrorKind::unavailable, "import.file_unreadable",
                fmt::format("Không mở được tệp “{}” ({}).", path.string(), reason),
                fmt::format("The file “{}” cannot be opened ({}).", path.string(), reason));
  }
  return std::unexpected(
      xlsx_invalid(fmt::format("không đọc được tệp nén ZIP ({})", reason),
                   fmt::format("its ZIP container cannot be read ({})", reason)));
}

std::optional<zip_uint64_t> XlsxPackage::find(std::string_view part_name) const {
  const std::string name(part_name);
  // Part names are case-insensitive in OPC, and some tools write "xl/SharedStrings.xml".
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<zip_uint64_t>(index);
}

bool XlsxPackage::has(std::string_view part_name) const {
  return find(part_name).has_value();
}

Result<XlsxPart> XlsxPackage::open_part(std::string_view part_name, std::uint64_t max_bytes) const {
  const std::optional<zip_uint64_t> index = find(part_name);
  if (!index) {
    return std::unexpected(xlsx_invalid(fmt::format("thiếu phần “{}”", part_name),
                                        fmt::format("the part “{}” is missing", part_name)));
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  const bool stated = zip_stat_index(archive_.get(), *index, 0, &stat) == 0;
  std::uint64_t limit = max_bytes;
  bool by_ratio = false;
  if (stated && (stat.valid & ZIP_STAT_COMP_SIZE)) {
    // A packed size past 2^64 / 100 is a lie; the product wraps, and `max_bytes` still caps it.
    const std::uint64_t ratio_limit = std::max(kAlwaysAllowedBytes, stat.comp_size * kMaxExpansion);
    by_ratio = ratio_limit < limit;
    limit = std::min(limit, ratio_limit);
  }
  if (stated && (stat.valid & ZIP_STAT_SIZE) && stat.size > limit)
    return std::unexpected(part_too_large(part_name, limit, by_ratio));
  zip_file_t* file = zip_fopen_index(archive_.get(), *index, 0);
  if (!file) {
    const std::string reason = zip_error_strerror(zip_get_error(archive_.get()));
    return std::unexpected(
        xlsx_invalid(fmt::format("không mở được phần “{}” ({})", part_name, reason),
                     fmt::format("the part “{}” cannot be opened ({})", part_name, reason)));
  }
  return XlsxPart(file, std::string(part_name), limit, by_ratio);
}

Status XlsxPackage::parse_part(std::string_view part_name, std::uint64_t max_bytes,
                               XmlHandler& handler) const {
  auto part = TRY(open_part(part_name, max_bytes));
  XmlParser parser(handler);
  std::vector<char> chunk(kChunkBytes);
  for (;;) {
    auto got = TRY(part.read(chunk.data(), chunk.size()));
    const XmlStatus status = parser.feed(std::string_view(chunk.data(), got), got == 0);
    if (status == XmlStatus::failed) {
      if (parser.aborted_by_handler()) return {};
      const std::string reason = parser.error_text();
      return std::unexpected(xlsx_invalid(
          fmt::format("phần “{}” không phải XML hợp lệ ({})", part_name, reason),
          fmt::format("the part “{}” is not well-formed XML ({})", part_name, reason)));
    }
    if (got == 0) return {};
  }
}

std::string resolve_part_name(std::string_view base, std::string_view target) {
  std::string joined;
  if (target.starts_with('/')) {
    joined = std::string(target.substr(1));
  } else {
    joined = std::string(base);
    if (!joined.empty()) joined += '/';
    joined += target;
  }
  // Fold "a/../b" and "./" away; a target never needs to climb above the root.
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string piece = joined.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string name;
  for (const std::string& piece : parts) {
    if (!name.empty()) name += '/';
    name += piece;
  }
  return name;
}

}  // namespace dk::io
