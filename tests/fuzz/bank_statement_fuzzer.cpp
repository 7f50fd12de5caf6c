// A bank statement export (CSV or XLSX): its header row is searched for, its amounts and dates
// read; whatever the bytes, the answer is lines or a located error.
#include "fuzz_support.hpp"
#include "io/bank_statement.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& path = dk::fuzz::write_input(dk::fuzz::text_of(data, size));
  dk::io::ReadOptions options;
  options.max_row_bytes = 4096;
  auto lines = dk::io::read_bank_statement(path, options, 1000);
  if (!lines) {
    dk::fuzz::check_error(lines.error());
    return 0;
  }
  // Fingerprints are one per line, whatever the lines hold.
  if (dk::io::statement_fingerprints(*lines).size() != lines->size()) std::abort();
  return 0;
}
