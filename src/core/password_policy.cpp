#include "core/password_policy.hpp"

#include <fmt/format.h>

namespace dk {
namespace {

// Counts code points, so that "mậtkhẩu" is as long as it looks; assumes valid UTF-8, which every
// input path checks before this.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace

Status check_password(std::string_view password) {
  const std::size_t length = characters(password);
  if (length < kMinimumPasswordLength) {
    return fail(
        ErrorKind::invalid_input, "password.too_short",
        fmt::format("Mật khẩu phải có ít nhất {} ký tự.", kMinimumPasswordLength),
        fmt::format("The password must have at least {} characters.", kMinimumPasswordLength),
        Location{0, "password"});
  }
  if (length > kMaximumPasswordLength) {
    return fail(ErrorKind::invalid_input, "password.too_long",
                fmt::format("Mật khẩu dài quá {} ký tự.", kMaximumPasswordLength),
                fmt::format("The password is longer than {} characters.", kMaximumPasswordLength),
                Location{0, "password"});
  }
  return {};
}

}  // namespace dk
