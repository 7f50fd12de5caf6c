#pragma once
// What a call came to, in one comparable word: the code of its error, or "ok". A test asserts a
// refusal in one line, and a call that succeeded where it should have failed reads as "ok" in the
// failure message instead of reading an error that is not there.

#include <string>

#include "core/error.hpp"

namespace dk::testing {

template <class T>
std::string error_code(const Result<T>& result) {
  return result ? "ok" : result.error().code;
}

}  // namespace dk::testing
