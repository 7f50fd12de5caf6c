#include "core/support_request.hpp"

#include <fmt/format.h>

namespace dk {
namespace {

constexpr CodeEntry<SupportStatus> kStatuses[] = {
    {SupportStatus::pending, "pending", "Chờ quyết định", "Awaiting a decision", "cho duyet"},
    {SupportStatus::approved, "approved", "Đồng ý", "Approved", "da duyet|dong y"},
    {SupportStatus::partly_approved, "partly_approved", "Đồng ý một phần", "Approved in part",
     "mot phan"},
    {SupportStatus::refused, "refused", "Không đồng ý", "Refused", "tu choi|khong duyet"},
    {SupportStatus::withdrawn, "withdrawn", "Đã rút", "Withdrawn", "rut|huy"},
};

constexpr CodeEntry<SupportDecision> kDecisions[] = {
    {SupportDecision::approve, "approve", "Đồng ý", "Approve", "dong y|duyet"},
    {SupportDecision::approve_in_part, "approve_in_part", "Đồng ý một phần", "Approve in part",
     "mot phan"},
    {SupportDecision::refuse, "refuse", "Không đồng ý", "Refuse", "tu choi"},
};

std::unexpected<Error> invalid(std::string field, std::string code, std::string vi,
                               std::string en) {
  return fail(ErrorKind::invalid_input, std::move(code), std::move(vi), std::move(en),
              Location{0, std::move(field)});
}

Status check_amount(Dong amount, std::string field) {
  if (amount <= 0) {
    return invalid(std::move(field), "support.amount_invalid", "Số tiền đề xuất phải lớn hơn 0.",
                   "The amount asked must be more than 0.");
  }
  if (amount >= kMaxAmount) {
    return invalid(
        std::move(field), "money.too_large",
        fmt::format("Số tiền quá lớn (tối đa {}).", format_dong(kMaxAmount - 1)),
        fmt::format("The amount is too large (at most {}).", format_dong(kMaxAmount - 1)));
  }
  return {};
}

}  // namespace

template <>
std::span<const CodeEntry<SupportStatus>> code_entries() {
  return kStatuses;
}
template <>
std::span<const CodeEntry<SupportDecision>> code_entries() {
  return kDecisions;
}

bool may_ask_support(const Principal& principal, Id organization) {
  return principal.administrator || principal.is_officer_of(organization);
}

bool may_decide_support(const Principal& principal) {
  return principal.administrator || principal.leadership;
}

bool may_read_support(const Principal& principal, Id organization) {
  return may_decide_support(principal) || principal.is_officer_of(organization);
}

Status validate_support_request(const SupportRequest& request) {
  if (request.title.empty()) {
    return invalid("title", "support.title_required", "Hãy ghi nội dung đề xuất.",
                   "Say what the request is for.");
  }
  const SupportNeeds& needs = request.needs;
  if (!needs.amount && !needs.venue && !needs.time_off && !needs.transport) {
    return invalid("needs", "support.nothing_asked",
                   "Hãy chọn ít nhất một việc cần hỗ trợ: kinh phí, địa điểm, thời gian hoặc "
                   "phương tiện.",
                   "Ask for at least one thing: budget, a venue, time off or transport.");
  }
  if (needs.amount) TRY(check_amount(*needs.amount, "amount"));
  if (request.activity_id && request.programme_id) {
    return invalid("programme_id", "support.target_ambiguous",
                   "Đề xuất dành cho một hoạt động hoặc một chương trình, không phải cả hai.",
                   "A request is for an activity or a programme, not both.");
  }
  return {};
}

Result<SupportRequest> decide_support_request(SupportRequest request, SupportDecision decision,
                                              std::optional<Dong> partial_amount,
                                              std::string reason) {
  if (request.status != SupportStatus::pending) {
    return fail(ErrorKind::conflict, "support.not_pending",
                fmt::format("Đề xuất này đã ở trạng thái “{}”, không thể quyết định nữa.",
                            label_of(request.status).vi),
                fmt::format("This request is already “{}” and can no longer be decided.",
                            label_of(request.status).en),
                Location{0, "decision"});
  }
  const bool needs_reason = decision != SupportDecision::approve;
  if (needs_reason && reason.empty()) {
    return invalid("reason", "support.reason_required",
                   "Hãy ghi lý do khi đồng ý một phần hoặc không đồng ý.",
                   "Give a reason when approving in part or refusing.");
  }
  if (partial_amount && decision != SupportDecision::approve_in_part) {
    return invalid("approved_amount", "support.amount_unexpected",
                   "Chỉ ghi số tiền được duyệt khi đồng ý một phần.",
                   "An approved amount is given only when approving in part.");
  }
  const std::optional<Dong> asked = request.needs.amount;
  switch (decision) {
    case SupportDecision::approve:
      request.status = SupportStatus::approved;
      request.approved_amount = asked;
      break;
    case SupportDecision::approve_in_part:
      request.status = SupportStatus::partly_approved;
      if (asked) {
        // Part of the budget (0: the other things asked, without money), always less than asked.
        if (!partial_amount) {
          return invalid("approved_amount", "support.approved_amount_required",
                         "Hãy ghi số tiền được duyệt.", "Give the amount approved.");
        }
        if (*partial_amount < 0 || *partial_amount >= *asked) {
          return invalid(
              "approved_amount", "support.approved_amount_invalid",
              fmt::format("Số tiền duyệt một phần phải từ 0 đến dưới {}.", format_dong(*asked)),
              fmt::format("An amount approved in part must be at least 0 and below {}.",
                          format_dong(*asked)));
        }
        request.approved_amount = *partial_amount;
      } else if (partial_amount) {
        return invalid("approved_amount", "support.amount_unexpected",
                       "Đề xuất này không xin kinh phí.", "This request asks for no money.");
      }
      break;
    case SupportDecision::refuse:
      request.status = SupportStatus::refused;
      if (asked) request.approved_amount = 0;
      break;
  }
  request.reason = std::move(reason);
  return request;
}

Result<SupportTotals> total_support(std::span<const SupportRequest> requests) {
  SupportTotals totals;
  for (const SupportRequest& request : requests) {
    ++totals.requests;
    if (request.status == SupportStatus::pending) ++totals.pending;
    if (request.needs.amount) TRY(add_to(totals.asked, *request.needs.amount));
    const bool granted = request.status == SupportStatus::approved ||
                         request.status == SupportStatus::partly_approved;
    if (granted && request.approved_amount) TRY(add_to(totals.approved, *request.approved_amount));
  }
  return totals;
}

}  // namespace dk
