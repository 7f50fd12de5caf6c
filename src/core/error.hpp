#pragma once
// The error every layer returns across its boundary: a kind that adapters map to an HTTP status
// or an exit code, a stable machine code, and the message in Vietnamese and English.

#include <expected>
#include <string>
#include <utility>
#include <vector>

namespace dk {

enum class ErrorKind {
  invalid_input,  // the user's input is wrong; they can fix it
  not_found,
  conflict,  // the input clashes with what is stored (a duplicate, a stale change)
  forbidden,
  unauthenticated,
  rate_limited,  // too many attempts: wait and try again
  unavailable,   // a file, a database or a server could not be reached
  internal,      // a bug or a broken invariant: not the user's fault
};

// A user-facing text in both languages the product speaks.
struct Text {
  std::string vi;
  std::string en;
  const std::string& in(std::string_view language) const { return language == "en" ? en : vi; }
};

// Where in the input a problem sits, so that the user can find it (a line of a file, a column).
struct Location {
  std::uint64_t line = 0;  // 0: not tied to a line
  std::string field;       // empty: not tied to a field
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;  // stable, e.g. "import.date_invalid"; clients and tests match on it
  Text message;
  Location where;
  std::int64_t retry_after_seconds = 0;  // for rate_limited: how long to wait
};

template <class T>
using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string code, std::string vi, std::string en,
                                   Location where = {}) {
  return std::unexpected(
      Error{kind, std::move(code), Text{std::move(vi), std::move(en)}, std::move(where)});
}

// "dòng 12, cột “Ngày sinh”: …" — the message with its location, in one language.
std::string describe(const Error& error, std::string_view language);

}  // namespace dk

// TRY(expression): the value of a Result (nothing, for a Status), or, when it holds an error,
// returns that error from the enclosing function (or lambda), as Ladybird's TRY does. It saves
// the two lines per call that hand propagation takes (`auto x = f(); if (!x) return
// std::unexpected(x.error());`), which buried what a use case does under what can go wrong.
// A GNU statement expression (g++ and clang have them); __extension__ keeps -Wpedantic quiet.
// Do not nest one TRY inside another's argument: name the inner value first.
#define TRY(...)                                                                    \
  __extension__({                                                                   \
    auto dk_try_result_ = (__VA_ARGS__);                                            \
    if (!dk_try_result_) return std::unexpected(std::move(dk_try_result_).error()); \
    *std::move(dk_try_result_);                                                     \
  })
