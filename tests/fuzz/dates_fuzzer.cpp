// Dates and instants as typed and as sent: a date that parses is a real one and reads back the
// same; an instant that parses is written and read back to itself.
#include "core/civil_date.hpp"
#include "core/instant_text.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = dk::fuzz::text_of(data, size);
  if (auto date = dk::parse_civil_date(text)) {
    if (date->month < 1 || date->month > 12 || date->day < 1 ||
        date->day > dk::days_in_month(date->year, date->month))
      std::abort();
    if (dk::parse_civil_date(dk::format_iso(*date)) != date) std::abort();
  }
  if (auto instant = dk::parse_instant(text)) {
    if (dk::parse_instant(dk::format_instant(*instant)) != instant) std::abort();
  }
  return 0;
}
