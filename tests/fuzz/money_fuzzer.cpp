// Amounts as people and banks write them: parse_dong reads a whole number of đồng below the limit
// or refuses; what it reads, formatted and read again, is the same amount.
#include "core/money.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto amount = dk::parse_dong(dk::fuzz::text_of(data, size));
  if (!amount) {
    dk::fuzz::check_error(amount.error());
    return 0;
  }
  if (*amount >= dk::kMaxAmount || *amount <= -dk::kMaxAmount) std::abort();
  auto again = dk::parse_dong(dk::format_dong(*amount));
  if (!again || *again != *amount) std::abort();
  dk::Dong total = *amount;
  if (dk::add_to(total, *amount) && total != 2 * *amount) std::abort();
  return 0;
}
