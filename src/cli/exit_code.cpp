#include "cli/exit_code.hpp"

namespace dk::cli {

int exit_code_for(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
      return kInvalidInput;
    case ErrorKind::not_found:
      return kNotFound;
    case ErrorKind::conflict:
      return kConflict;
    case ErrorKind::forbidden:
    case ErrorKind::unauthenticated:
    case ErrorKind::rate_limited:
      return kForbidden;
    case ErrorKind::unavailable:
      return kUnavailable;
    case ErrorKind::internal:
      return kInternal;
  }
  return kInternal;
}

}  // namespace dk::cli
