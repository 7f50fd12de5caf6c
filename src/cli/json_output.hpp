#pragma once
// JSON for scripts: members as objects with ISO dates and stable codes, streamed as an array.

#include <iosfwd>
#include <string>

#include "core/member_query.hpp"

namespace dk::cli {

// Serialises one listing (Boost.JSON does the escaping).
std::string member_json(const MemberListing& listing);

// Writes "[", the elements separated by commas, then "]", without holding them all.
class JsonArrayWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out);
  void write(const std::string& element);
  void close();

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace dk::cli
