#include "core/fund.hpp"

namespace dk {
namespace {

constexpr CodeEntry<FundKind> kFundKinds[] = {
    {FundKind::campaign, "campaign", "Cuộc vận động", "Campaign", "cuoc van dong|van dong"},
    {FundKind::standing, "standing", "Quỹ thường xuyên", "Standing fund", "quy|thuong xuyen"},
};
constexpr CodeEntry<FundStatus> kFundStatuses[] = {
    {FundStatus::open, "open", "Đang mở", "Open", "dang mo|mo"},
    {FundStatus::closed, "closed", "Đã kết thúc", "Closed", "da ket thuc|ket thuc|dong"},
};
constexpr CodeEntry<PaymentMethod> kPaymentMethods[] = {
    {PaymentMethod::cash, "cash", "Tiền mặt", "Cash", "tien mat|tm"},
    {PaymentMethod::bank_transfer, "bank_transfer", "Chuyển khoản", "Bank transfer",
     "chuyen khoan|ck|ngan hang"},
};
constexpr CodeEntry<PayerKind> kPayerKinds[] = {
    {PayerKind::person, "person", "Cá nhân", "Person", "ca nhan"},
    {PayerKind::unit, "unit", "Tập thể phòng", "Department", "tap the|phong"},
    {PayerKind::outside, "outside", "Ngoài cơ quan", "Outside giver", "ngoai co quan|ben ngoai"},
};
constexpr CodeEntry<DisbursementStatus> kDisbursementStatuses[] = {
    {DisbursementStatus::pending, "pending", "Chờ duyệt", "Awaiting approval", "cho duyet"},
    {DisbursementStatus::approved, "approved", "Đã duyệt chi", "Approved", "da duyet"},
    {DisbursementStatus::rejected, "rejected", "Không duyệt", "Rejected", "khong duyet|tu choi"},
};
constexpr CodeEntry<PledgeStatus> kPledgeStatuses[] = {
    {PledgeStatus::open, "open", "Chưa nộp đủ", "Awaiting payment", "chua nop"},
    {PledgeStatus::paid, "paid", "Đã nộp đủ", "Paid", "da nop"},
    {PledgeStatus::cancelled, "cancelled", "Đã hủy", "Cancelled", "da huy|huy"},
};

}  // namespace

template <>
std::span<const CodeEntry<FundKind>> code_entries() {
  return kFundKinds;
}
template <>
std::span<const CodeEntry<FundStatus>> code_entries() {
  return kFundStatuses;
}
template <>
std::span<const CodeEntry<PaymentMethod>> code_entries() {
  return kPaymentMethods;
}
template <>
std::span<const CodeEntry<PayerKind>> code_entries() {
  return kPayerKinds;
}
template <>
std::span<const CodeEntry<DisbursementStatus>> code_entries() {
  return kDisbursementStatuses;
}
template <>
std::span<const CodeEntry<PledgeStatus>> code_entries() {
  return kPledgeStatuses;
}

Status validate_fund(const Fund& fund) {
  if (fund.name.empty()) {
    return fail(ErrorKind::invalid_input, "field.required", "Hãy đặt tên cho quỹ.",
                "Give the fund a name.", Location{0, "name"});
  }
  if (fund.organization_ids.empty()) {
    return fail(ErrorKind::invalid_input, "field.required",
                "Hãy chọn ít nhất một tổ chức phát động.", "Choose at least one organizer.",
                Location{0, "organization_ids"});
  }
  if (fund.target && (*fund.target <= 0 || *fund.target >= kMaxAmount)) {
    return fail(ErrorKind::invalid_input, "money.invalid", "Số tiền mục tiêu phải lớn hơn 0.",
                "The target must be more than 0.", Location{0, "target"});
  }
  if (fund.kind == FundKind::standing && fund.ends_on) {
    return fail(ErrorKind::invalid_input, "funds.standing_has_no_end",
                "Quỹ thường xuyên không có ngày kết thúc.", "A standing fund has no end date.",
                Location{0, "ends_on"});
  }
  if (fund.ends_on && *fund.ends_on < fund.starts_on) {
    return fail(ErrorKind::invalid_input, "funds.ends_before_start",
                "Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date.",
                Location{0, "ends_on"});
  }
  return {};
}

}  // namespace dk
