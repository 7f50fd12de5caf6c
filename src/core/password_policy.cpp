#include "core/password_policy.hpp"

#include <fmt/format.h>

#include "core/vietnamese_text.hpp"

namespace dk {

Status check_password(std::string_view password) {
  const std::size_t length = count_characters(password);
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
