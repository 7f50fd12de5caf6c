#include "service/tenant.hpp"

#include <fmt/format.h>

#include <optional>

#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

Result<Agency> resolve_agency(store::SqlConnection& connection,
                              const std::optional<std::string>& code) {
  store::RegistryStore registry(connection);
  if (code) {
    auto found = TRY(registry.find_agency(*code));
    if (!found) {
      return fail(ErrorKind::not_found, "agency.not_found",
                  fmt::format("Không có cơ quan mã “{}”.", *code),
                  fmt::format("There is no agency with code “{}”.", *code));
    }
    return *found;
  }
  auto agencies = TRY(registry.list_agencies());
  if (agencies.empty()) {
    return fail(ErrorKind::not_found, "agency.none",
                "Cơ sở dữ liệu chưa có cơ quan nào. Chạy “doanket demo” hoặc “doanket agency add”.",
                "The database has no agency yet. Run “doanket demo” or “doanket agency add”.");
  }
  if (agencies.size() > 1) {
    std::string codes;
    for (const auto& agency : agencies) codes += (codes.empty() ? "" : ", ") + agency.code;
    return fail(
        ErrorKind::invalid_input, "agency.ambiguous",
        fmt::format("Cơ sở dữ liệu có nhiều cơ quan ({}); chọn một bằng --agency MÃ.", codes),
        fmt::format("The database holds several agencies ({}); choose one with --agency CODE.",
                    codes));
  }
  return agencies.front();
}

}  // namespace dk::service
