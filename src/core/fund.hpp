#pragma once
// A fund: a fundraising campaign (cuộc vận động) with a beneficiary, a target and a deadline, or a
// standing fund (the trade union's welfare fund) that never closes. Its money is not stored here:
// every đồng in or out is a ledger transaction (core/ledger), and its totals are derived from them.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/money.hpp"
#include "core/registry.hpp"
#include "core/registry_codes.hpp"

namespace dk {

enum class FundKind { campaign, standing };
enum class FundStatus { open, closed };
enum class PaymentMethod { cash, bank_transfer };
// Who gave: a member, a department giving as a group, or someone from outside the agency.
enum class PayerKind { person, unit, outside };
enum class DisbursementStatus { pending, approved, rejected };
enum class PledgeStatus { open, paid, cancelled };

template <>
std::span<const CodeEntry<FundKind>> code_entries();
template <>
std::span<const CodeEntry<FundStatus>> code_entries();
template <>
std::span<const CodeEntry<PaymentMethod>> code_entries();
template <>
std::span<const CodeEntry<PayerKind>> code_entries();
template <>
std::span<const CodeEntry<DisbursementStatus>> code_entries();
template <>
std::span<const CodeEntry<PledgeStatus>> code_entries();

struct Fund {
  Id id = 0;
  Id tenant_id = 0;
  FundKind kind = FundKind::campaign;
  std::string name;
  std::string beneficiary;
  std::string purpose;
  std::optional<Dong> target;
  CivilDate starts_on;
  std::optional<CivilDate> ends_on;
  FundStatus status = FundStatus::open;
  std::vector<Id> organization_ids;  // the organizers: one or several organizations
};

// A fund's fields as a person entered them: name required, a standing fund has no deadline, a
// target is positive, the deadline is not before the start.
Status validate_fund(const Fund& fund);

}  // namespace dk
