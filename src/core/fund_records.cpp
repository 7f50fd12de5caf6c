#include "core/fund_records.hpp"

namespace dk {
namespace {
constexpr CodeEntry<StatementLineStatus> kLineStatuses[] = {
    {StatementLineStatus::open, "open", "Chưa đối chiếu", "Not matched yet", "chua"},
    {StatementLineStatus::booked, "booked", "Đã ghi sổ", "Booked", "da ghi"},
    {StatementLineStatus::ignored, "ignored", "Bỏ qua", "Ignored", "bo qua"},
    {StatementLineStatus::money_out, "money_out", "Tiền ra", "Money out", "tien ra"},
};
}  // namespace

template <>
std::span<const CodeEntry<StatementLineStatus>> code_entries() {
  return kLineStatuses;
}

}  // namespace dk
