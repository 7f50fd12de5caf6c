#pragma once
// Instants as the API writes and reads them: ISO 8601 with the offset, shown in Vietnam's time
// ("2026-12-05T17:00:00+07:00"), so that a person reading the JSON sees the hour on the clock.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace dk {

// "YYYY-MM-DDTHH:MM:SS+07:00", to the second.
std::string format_instant(Instant instant);

// As a person reads it, in Vietnam's time: "07:30 12/03/2026".
std::string format_vietnamese_time(Instant instant);

// The years an instant may fall in: an Instant holds nanoseconds since 1970 in 64 bits.
inline constexpr int kFirstInstantYear = 1900;
inline constexpr int kLastInstantYear = 2200;

// "YYYY-MM-DDTHH:MM[:SS]" followed by "Z" or "±HH:MM"; without either, the time is Vietnam's.
// Nothing when the text is not such a time, names an impossible one (31/02, 24:30) or a year
// outside kFirstInstantYear … kLastInstantYear.
std::optional<Instant> parse_instant(std::string_view text);

}  // namespace dk
