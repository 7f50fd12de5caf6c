#pragma once
// A list of members as the office reads it: the columns, in Vietnamese or English, and each
// person's values with their kinds (the ordinal a number, dates as dates, an ID number or a phone
// as text) and labels in the reader's language (Nam/Nữ), for tables and exports.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/member_query.hpp"
#include "io/table_writer.hpp"
#include "service/database.hpp"

namespace dk::service {

struct MemberListRequest {
  Id tenant = 0;
  std::optional<std::string> organization_code;
  std::optional<std::string> unit;  // code or name
  std::string search;
  bool include_former = false;
  std::string language = "vi";
};

// Resolves codes and names into a store query (not found → an error naming what was asked for).
Result<MemberQuery> member_query(Connection& connection, const MemberListRequest& request);

std::vector<std::string> member_headers(bool with_membership, std::string_view language);
std::vector<io::Cell> member_cells(const MemberListing& listing, std::int64_t ordinal,
                                   std::string_view language);

// Streams the list's rows, in its order, to `row`.
Status list_members(Connection& connection, const MemberListRequest& request,
                    const std::function<Status(const MemberListing&)>& row);

// Streams the list into a table writer (CSV, XLSX) with its header; returns the number of rows.
Result<std::int64_t> write_member_list(Connection& connection, const MemberListRequest& request,
                                       io::TableWriter& writer);

}  // namespace dk::service
