#pragma once
// Money as the law and the treasurer count it: whole Vietnamese đồng in a 64-bit integer, never a
// floating-point number, shown the Vietnamese way ("2.800.000 đ") and read back from whatever a
// person types or a bank exports ("2,800,000", "2.800.000 VND", "2800000.00").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace dk {

using Dong = std::int64_t;  // integer đồng, never floating point

// Any single amount is below 10^15 đ (a thousand times the state budget's largest line), so that
// sums of millions of amounts still fit an int64 and a typo of extra zeros is caught.
inline constexpr Dong kMaxAmount = 1'000'000'000'000'000;

// Digits grouped by threes with dots, as Vietnamese write them: "2.800.000", "-150.000", "0".
std::string format_dong_digits(Dong amount);

// The amount with its unit: "2.800.000 đ".
std::string format_dong(Dong amount);

// Reads an amount as a person or a bank writes it: "2.800.000", "2800000", "2,800,000",
// "2 800 000", "2.800.000 đ", "2.800.000đ", "2.800.000 VND", "+2.800.000", "-150.000",
// "2.800.000,00", "2800000.00". Space around it (also no-break spaces) is ignored. A fractional
// part must be zero: đồng have no smaller unit, so "12,5" or "1.5" is refused rather than rounded.
// A single separator followed by exactly three digits groups thousands ("1.500" and "1,500" are
// both 1500). Fails with ErrorKind::invalid_input: "money.invalid" for what is not an amount
// (empty, letters, "2.80.000"), "money.too_large" when the magnitude reaches kMaxAmount.
Result<Dong> parse_dong(std::string_view text);

// a + b, or nothing when the sum does not fit a Dong.
std::optional<Dong> checked_add(Dong a, Dong b);

// All the money an agency's ledger ever moves (the sum of its debits) stays below 10^18 đ, and a
// posting that would pass it is refused. Every total a screen or a report shows — of any funds,
// over any period, received, paid out or held — is at most that sum, so such totals, and the
// few of them a report adds together, fit a Dong with room to spare. 10^18 đ is a thousand
// amounts at the largest kMaxAmount, beyond any real agency; a malicious officer reaches it, and
// then gets a clear refusal instead of a wrapped sum.
inline constexpr Dong kMaxLedgerTotal = 1'000'000'000'000'000'000;

// The refusal when a total would leave the range: "money.total_too_large", a conflict with what
// is stored (the amount may be fine; the totals it joins are not), on the field `field`.
Error total_too_large(std::string_view field = "amount");

// total += amount, checked: money.total_too_large (and `total` unchanged) when the sum would not
// fit a Dong. Every place that adds money up uses this, never a bare +=.
Status add_to(Dong& total, Dong amount);

}  // namespace dk
