// XLSX (a ZIP of XML parts) as uploaded: a damaged, hostile or bomb-shaped workbook is refused with
// an error, never a crash, a hang or memory without bound.
#include "fuzz_support.hpp"
#include "io/table_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = dk::fuzz::write_input(dk::fuzz::text_of(data, size));
  dk::io::ReadOptions options;
  options.max_row_bytes = 4096;
  auto reader = dk::io::open_table(path, options);
  if (!reader) {
    dk::fuzz::check_error(reader.error());
    return 0;
  }
  dk::io::TableRow row;
  for (int rows = 0; rows < 10000; ++rows) {
    auto more = (*reader)->next(row);
    if (!more) {
      dk::fuzz::check_error(more.error());
      break;
    }
    if (!*more) break;
  }
  return 0;
}
