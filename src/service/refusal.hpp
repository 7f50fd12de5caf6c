#pragma once
// The one error every refused use case returns, so that clients see the same code everywhere.

#include "core/error.hpp"

namespace dk::service {

inline std::unexpected<Error> refuse() {
  return fail(ErrorKind::forbidden, "access.forbidden", "Bạn không có quyền làm việc này.",
              "You are not allowed to do this.");
}

}  // namespace dk::service
