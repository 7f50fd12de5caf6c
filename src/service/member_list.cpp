#include "service/member_list.hpp"

#include <fmt/format.h>

#include <optional>

#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

Result<MemberQuery> member_query(store::SqlConnection& connection,
                                 const MemberListRequest& request) {
  store::RegistryStore registry(connection);
  MemberQuery query;
  query.search = request.search;
  query.include_former = request.include_former;
  if (request.organization_code) {
    auto organization = TRY(registry.find_organization(request.tenant, *request.organization_code));
    if (!organization) {
      return fail(
          ErrorKind::not_found, "organization.not_found",
          fmt::format("Không có tổ chức mã “{}”.", *request.organization_code),
          fmt::format("There is no organization with code “{}”.", *request.organization_code));
    }
    query.organization_id = organization->id;
  }
  if (request.unit) {
    auto unit = registry.find_unit(request.tenant, *request.unit);
    if (!unit) return std::unexpected(unit.error());
    if (!*unit) {
      return fail(ErrorKind::not_found, "unit.not_found",
                  fmt::format("Không có đơn vị “{}”.", *request.unit),
                  fmt::format("There is no unit “{}”.", *request.unit));
    }
    query.unit_id = (*unit)->id;
  }
  return query;
}

std::vector<std::string> member_headers(bool with_membership, std::string_view language) {
  const bool en = language == "en";
  std::vector<std::string> headers;
  if (en) {
    headers = {"No.",      "Full name", "Date of birth", "Gender",    "Unit",
               "Position", "Phone",     "Email",         "ID number", "Organizations"};
  } else {
    headers = {"STT",     "Họ và tên",     "Ngày sinh", "Giới tính", "Đơn vị",
               "Chức vụ", "Số điện thoại", "Email",     "Số CCCD",   "Tổ chức"};
  }
  if (with_membership) {
    const auto extra = en ? std::vector<std::string>{"Joined on", "Card number", "Status"}
                          : std::vector<std::string>{"Ngày vào", "Số thẻ", "Trạng thái"};
    headers.insert(headers.end(), extra.begin(), extra.end());
  }
  return headers;
}

std::vector<io::Cell> member_cells(const MemberListing& listing, std::int64_t ordinal,
                                   std::string_view language) {
  const Person& person = listing.person;
  std::vector<io::Cell> cells = {
      io::Cell::integer(ordinal),
      person.full_name,
      io::Cell::date(person.birth_date),
      person.gender ? label_of(*person.gender).in(language) : std::string(),
      listing.unit_name,
      person.position,
      person.phone,
      person.email,
      person.id_number,
      listing.organization_codes};
  if (listing.membership) {
    cells.push_back(io::Cell::date(listing.membership->joined_on));
    cells.push_back(listing.membership->card_number);
    cells.push_back(label_of(listing.membership->status).in(language));
  }
  return cells;
}

Status list_members(store::SqlConnection& connection, const MemberListRequest& request,
                    const std::function<Status(const MemberListing&)>& row) {
  auto query = TRY(member_query(connection, request));
  store::RegistryStore registry(connection);
  return registry.list_members(request.tenant, query, row);
}

Result<std::int64_t> write_member_list(store::SqlConnection& connection,
                                       const MemberListRequest& request, io::TableWriter& writer) {
  auto query = TRY(member_query(connection, request));
  if (auto written = writer.write_row(
          io::text_cells(member_headers(query.organization_id.has_value(), request.language)));
      !written) {
    return std::unexpected(written.error());
  }
  std::int64_t count = 0;
  store::RegistryStore registry(connection);
  auto listed =
      registry.list_members(request.tenant, query, [&](const MemberListing& listing) -> Status {
        return writer.write_row(member_cells(listing, ++count, request.language));
      });
  if (!listed) return std::unexpected(listed.error());
  TRY(writer.finish());
  return count;
}

}  // namespace dk::service
