#pragma once
// The title rules shipped with the product (issue 18): what we could check of the Law on
// Emulation and Commendation 06/2022/QH15 (in force 01/01/2024) and Circular 01/2024/TT-BNV, as
// versions an administrator may add to (a new version with a later date) but never has to write.
// Where the law leaves a value to the organization, or where we found the value only in the rules
// the 2022 law replaced, the criterion or quota is marked `own_choice` — the organization keeps it
// or changes it. Sources and what is not verified: docs/emulation.md.

#include <vector>

#include "core/emulation_rules.hpp"

namespace dk {

// Title codes of the shipped rules.
inline constexpr std::string_view kAdvancedWorker = "lao-dong-tien-tien";
inline constexpr std::string_view kGrassrootsFighter = "chien-si-thi-dua-co-so";
inline constexpr std::string_view kProvincialFighter = "chien-si-thi-dua-cap-tinh";
inline constexpr std::string_view kAdvancedCollective = "tap-the-lao-dong-tien-tien";
inline constexpr std::string_view kExcellentCollective = "tap-the-lao-dong-xuat-sac";

std::vector<TitleRule> shipped_title_rules();

}  // namespace dk
