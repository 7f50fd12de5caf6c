#pragma once
// What a password must be before it is hashed: long enough to resist guessing offline.

#include <string_view>

#include "core/error.hpp"

namespace dk {

inline constexpr std::size_t kMinimumPasswordLength = 12;  // in characters, not bytes
inline constexpr std::size_t kMaximumPasswordLength = 1024;

Status check_password(std::string_view password);

}  // namespace dk
