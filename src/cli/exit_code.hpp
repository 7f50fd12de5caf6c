#pragma once
// The exit codes of `doanket`, documented in docs/cli.md: scripts rely on them.

#include "core/error.hpp"

namespace dk::cli {

enum ExitCode : int {
  kSuccess = 0,
  kInternal = 1,          // a bug: please report it
  kUsage = 2,             // the command line is wrong
  kInvalidInput = 3,      // the input (a file, a value) is wrong; nothing was written
  kNotFound = 4,          // the agency, organization or unit named does not exist
  kConflict = 5,          // it clashes with what is stored (a duplicate)
  kUnavailable = 6,       // the database or a file cannot be opened, read or written
  kForbidden = 7,         // not allowed
  kLedgerUnbalanced = 8,  // funds check: the ledger does not balance
};

int exit_code_for(const Error& error);

}  // namespace dk::cli
