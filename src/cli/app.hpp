#pragma once
// The `doanket` command line: parses the arguments, runs one command, returns the exit code.

#include <iosfwd>

namespace dk::cli {

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace dk::cli
