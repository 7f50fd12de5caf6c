// CSV as offices send it (any bytes, any encoding claim): every row is read or the reader stops
// with a located, bilingual error; a member list's rows go through the row checks too.
#include <memory>
#include <sstream>

#include "core/member_record.hpp"
#include "fuzz_support.hpp"
#include "io/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = dk::fuzz::text_of(data, size);
  // The first byte picks the encoding claimed, as the upload form lets a person do.
  dk::io::ReadOptions options;
  options.max_row_bytes = 4096;
  if (!bytes.empty() && (bytes.front() & 1)) options.encoding = "windows-1258";
  auto reader = dk::io::open_csv(std::make_unique<std::istringstream>(std::string(bytes)), options);
  dk::io::TableRow row;
  std::optional<dk::MemberColumns> columns;
  for (int rows = 0; rows < 10000; ++rows) {
    auto more = reader->next(row);
    if (!more) {
      dk::fuzz::check_error(more.error());
      break;
    }
    if (!*more) break;
    if (!columns) {
      auto mapped = dk::map_member_columns(row.cells);
      if (!mapped) break;
      columns = std::move(*mapped);
      continue;
    }
    auto record = dk::read_member_row(*columns, row.cells, row.line, dk::CivilDate{2026, 11, 18});
    if (!record)
      for (const auto& error : record.error()) dk::fuzz::check_error(error);
  }
  return 0;
}
