#pragma once
// A support request (đề xuất hỗ trợ): an organization asks the agency's leadership for budget, a
// venue, time off or transport, for one of its activities, for a programme of its plan, or for its
// work in general; the leadership approves it, approves it in part or refuses it, with a reason
// for anything short of a full approval; the organization may withdraw it while it waits.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/access.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/fund_records.hpp"
#include "core/money.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class SupportStatus { pending, approved, partly_approved, refused, withdrawn };
template <>
std::span<const CodeEntry<SupportStatus>> code_entries();

// What the leadership decides about a pending request.
enum class SupportDecision { approve, approve_in_part, refuse };
template <>
std::span<const CodeEntry<SupportDecision>> code_entries();

// What is asked besides money; the budget is the amount itself.
struct SupportNeeds {
  std::optional<Dong> amount;  // budget in integer đồng; nothing: no money asked
  bool venue = false;          // a hall, a pitch, a meeting room of the agency
  bool time_off = false;       // members released from work to take part
  bool transport = false;      // the agency's vehicles
};

struct SupportRequest {
  Id id = 0;
  Id tenant_id = 0;
  Id organization_id = 0;
  std::optional<Id> activity_id;   // at most one of activity and programme
  std::optional<Id> programme_id;  // neither: the organization's work in general
  std::string title;               // "Giao lưu bóng đá với TAND tỉnh"
  std::string description;         // what exactly, when, where
  SupportNeeds needs;
  SupportStatus status = SupportStatus::pending;
  Id requested_by = 0;  // the account that asked
  Instant requested_at{};
  // Who closed it and when: the leadership's decision, or the organization's withdrawal.
  std::optional<Id> decided_by;
  std::optional<Instant> decided_at;
  std::optional<Dong> approved_amount;  // of a budget: all of it, part of it, or 0 when refused
  std::string reason;                   // why in part or refused; may explain an approval
};

// A request as a list shows it: the row with the names a person reads.
struct SupportRequestRecord {
  SupportRequest request;
  std::string organization_name;
  std::string activity_title;   // empty without an activity
  std::string programme_title;  // empty without a programme
  AccountName requester;
  std::optional<AccountName> decider;
};

struct SupportRequestQuery {
  std::optional<SupportStatus> status;
  std::optional<Id> organization;
  std::optional<Id> activity;
};

// Who may ask for an organization: its officers and administrators.
bool may_ask_support(const Principal& principal, Id organization);
// Who decides: the leadership and administrators.
bool may_decide_support(const Principal& principal);
// Who reads an organization's requests: the leadership, administrators and its officers.
bool may_read_support(const Principal& principal, Id organization);

// Field-named problems of a new request: a title, something asked, an amount above 0 and below
// kMaxAmount, not both an activity and a programme. (The API bounds the texts' lengths.)
Status validate_support_request(const SupportRequest& request);

// The request once `decision` is taken on it: the status, the approved amount (all of the asked
// budget; `partial_amount` for a part, at least 0 and less than the asked budget; 0 when
// refused) and the reason, which a partial approval and a refusal must give. Fails when the
// request is no longer pending ("support.not_pending", a conflict). Who and when are the caller's.
Result<SupportRequest> decide_support_request(SupportRequest request, SupportDecision decision,
                                              std::optional<Dong> partial_amount,
                                              std::string reason);

// Money asked and approved over a list of requests, from the same rows the list shows: `asked`
// counts every listed request's budget (withdrawn ones too, since the list shows them), and
// `approved` the amounts of the approved and partly approved ones.
struct SupportTotals {
  std::int64_t requests = 0;
  std::int64_t pending = 0;
  Dong asked = 0;
  Dong approved = 0;
};
// Checked sums: money.total_too_large when a total would not fit a Dong.
Result<SupportTotals> total_support(std::span<const SupportRequest> requests);

}  // namespace dk
