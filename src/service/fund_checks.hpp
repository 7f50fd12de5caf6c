#pragma once
// The checks the funds' use cases share: an amount in range, a booking date that is not in the
// future, a fund still open, a pledge that exists. Internal to service/.

#include <string_view>

#include "core/fund_records.hpp"
#include "service/actor.hpp"

namespace dk::store {
class FundStore;
}

namespace dk::service {

Status require_amount(Dong amount, std::string_view field = "amount");

// Money is booked on the day it moved: not in the future (a typo of the year would open a
// receipt series of its own and count in that year's report), and not before the ledger era.
Status require_booking_date(const Actor& actor, CivilDate date, std::string_view field,
                            long days_ahead = 0);

Status require_open(const Fund& fund);

Result<Pledge> existing_pledge(store::FundStore& funds, const Actor& actor, Id id);

}  // namespace dk::service
