#include "service/fund_checks.hpp"

#include <fmt/format.h>

#include "store/fund_store.hpp"

namespace dk::service {

Status require_amount(Dong amount, std::string_view field) {
  if (amount <= 0 || amount >= kMaxAmount) {
    return fail(ErrorKind::invalid_input, "money.invalid",
                "Số tiền phải là số đồng lớn hơn 0 và nhỏ hơn một triệu tỷ.",
                "The amount must be a whole number of đồng above 0 and below 10^15.",
                Location{0, std::string(field)});
  }
  return {};
}

// Money is booked on the day it moved: not in the future (a typo of the year would open a
// receipt series of its own and count in that year's report), and not before the ledger era.
Status require_booking_date(const Actor& actor, CivilDate date, std::string_view field,
                            long days_ahead) {
  const CivilDate latest = add_days(vietnam_date(actor.clock()), days_ahead);
  if (date > latest || date < CivilDate{2000, 1, 1}) {
    return fail(ErrorKind::invalid_input, "funds.date_out_of_range",
                fmt::format("Ngày {} không hợp lệ: phải từ 01/01/2000 đến {}.",
                            format_vietnamese(date), format_vietnamese(latest)),
                fmt::format("The date {} is out of range: from 01/01/2000 to {}.",
                            format_vietnamese(date), format_vietnamese(latest)),
                Location{0, std::string(field)});
  }
  return {};
}

Status require_open(const Fund& fund) {
  if (fund.status == FundStatus::closed) {
    return fail(ErrorKind::conflict, "funds.closed",
                fmt::format("Cuộc vận động “{}” đã kết thúc, không nhận thêm.", fund.name),
                fmt::format("“{}” is closed and takes no more gifts.", fund.name));
  }
  return {};
}

Result<Pledge> existing_pledge(store::FundStore& funds, const Actor& actor, Id id) {
  auto found = TRY(funds.find_pledge(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "funds.pledge_not_found",
                fmt::format("Không có đăng ký ủng hộ số {}.", id),
                fmt::format("There is no pledge {}.", id), Location{0, "pledge_id"});
  }
  return std::move(*found);
}

}  // namespace dk::service
