// Disbursements: requested by an officer, approved or refused by a second one; the money leaves
// the fund only on approval, and only if the fund holds it.

#include "service/disbursements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/fund_checks.hpp"
#include "service/fund_ledger.hpp"
#include "service/refusal.hpp"
#include "store/fund_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

namespace {

Result<Disbursement> existing_disbursement(store::FundStore& funds, const Actor& actor, Id id) {
  auto request = TRY(funds.find_disbursement(actor.principal.tenant, id));
  if (!request) {
    return fail(ErrorKind::not_found, "funds.disbursement_not_found",
                fmt::format("Không có đề nghị chi số {}.", id),
                fmt::format("There is no disbursement request {}.", id));
  }
  return std::move(*request);
}

std::unexpected<Error> already_decided() {
  return fail(ErrorKind::conflict, "funds.already_decided", "Đề nghị chi này đã được xử lý.",
              "This request has already been decided.");
}

Result<DisbursementView> view_of(store::SqlConnection& connection, const Actor& actor, Id id) {
  store::FundStore funds(connection);
  auto request = TRY(existing_disbursement(funds, actor, id));
  auto fund = TRY(existing_fund(connection, actor, request.fund_id));
  const bool decides = request.status == DisbursementStatus::pending && manages_fund(actor, fund) &&
                       request.requested_by != actor.principal.account_id;
  return DisbursementView{std::move(request), decides};
}

}  // namespace

Result<DisbursementView> request_disbursement(store::SqlConnection& connection, const Actor& actor,
                                              Id id, const DisbursementInput& input) {
  TRY(require_amount(input.amount));
  Disbursement request;
  request.beneficiary = normalize_text(input.beneficiary);
  if (request.beneficiary.empty()) {
    return fail(ErrorKind::invalid_input, "field.required", "Hãy ghi người hoặc nơi nhận tiền.",
                "Say who receives the money.", Location{0, "beneficiary"});
  }
  auto created = store::in_transaction(connection, [&]() -> Result<Disbursement> {
    auto fund = TRY(existing_fund(connection, actor, id));
    if (!manages_fund(actor, fund)) return refuse();
    store::FundStore funds(connection);
    auto balance = TRY(funds.balance(actor.principal.tenant, id));
    if (auto enough = require_held(fund, balance, input.method, input.amount); !enough)
      return std::unexpected(enough.error());
    // What waits for approval is summed on every list of funds: it stays within the ledger's
    // limit too.
    auto pending = TRY(funds.pending_disbursements(actor.principal.tenant));
    Dong waiting = pending[id];
    TRY(add_to(waiting, input.amount));
    if (waiting > kMaxLedgerTotal) return std::unexpected(total_too_large());
    request.tenant_id = actor.principal.tenant;
    request.fund_id = id;
    request.amount = input.amount;
    request.method = input.method;
    request.purpose = normalize_text(input.purpose);
    request.paid_on = input.paid_on.value_or(vietnam_date(actor.clock()));
    // A payment may be planned for the coming month; it counts only once approved.
    if (auto valid = require_booking_date(actor, request.paid_on, "paid_on", 31); !valid)
      return std::unexpected(valid.error());
    request.requested_by = actor.principal.account_id;
    request.requested_at = actor.clock();
    auto stored = funds.create_disbursement(request);
    if (!stored) return stored;
    TRY(record_audit(connection, actor, "request", "disbursement", stored->id,
                     fmt::format(R"({{"amount":{}}})", input.amount)));
    return stored;
  });
  if (!created) return std::unexpected(created.error());
  return view_of(connection, actor, created->id);
}

Result<std::vector<DisbursementView>> list_disbursements(store::SqlConnection& connection,
                                                         const Actor& actor,
                                                         std::optional<DisbursementStatus> status) {
  store::FundStore funds(connection);
  auto requests = funds.disbursements(actor.principal.tenant, status, std::nullopt);
  if (!requests) return std::unexpected(requests.error());
  auto all = TRY(funds.list_funds(actor.principal.tenant, std::nullopt, std::nullopt));
  std::vector<DisbursementView> views;
  for (Disbursement& request : *requests) {
    auto fund = std::ranges::find(all, request.fund_id, &Fund::id);
    if (fund == all.end()) continue;
    const bool manages = manages_fund(actor, *fund);
    // Payments are on the public statement once made; requests are the officers' business.
    if (!manages && !actor.principal.leadership) continue;
    const bool decides = manages && request.status == DisbursementStatus::pending &&
                         request.requested_by != actor.principal.account_id;
    views.push_back({std::move(request), decides});
  }
  return views;
}

Result<DisbursementView> approve_disbursement(store::SqlConnection& connection, const Actor& actor,
                                              Id id) {
  auto approved = store::in_transaction(connection, [&]() -> Status {
    store::FundStore funds(connection);
    auto unlocked = TRY(existing_disbursement(funds, actor, id));
    // Read again under the fund's lock: an approval of the same request that raced this one has
    // committed or waits, and a request decided already is said to be so, not paid a second time
    // (which the ledger's unique index would refuse as a bare duplicate).
    auto fund = TRY(locked_fund(connection, actor, unlocked.fund_id));
    auto request = TRY(existing_disbursement(funds, actor, id));
    if (!manages_fund(actor, fund)) return refuse();
    if (request.requested_by == actor.principal.account_id) {
      return fail(ErrorKind::forbidden, "funds.same_officer",
                  "Người đề nghị chi không tự duyệt được: cần một cán bộ khác duyệt.",
                  "The officer who requested a payment cannot approve it: a second officer must.");
    }
    if (request.status != DisbursementStatus::pending) return already_decided();
    LedgerEntry entry;
    entry.kind = EntryKind::disbursement;
    entry.fund_id = fund.id;
    entry.amount = request.amount;
    entry.method = request.method;
    entry.occurred_on = request.paid_on;
    entry.beneficiary = request.beneficiary;
    entry.memo = request.purpose;
    entry.disbursement_id = id;
    entry.recorded_by = request.requested_by;
    entry.approved_by = actor.principal.account_id;
    entry.approved_at = actor.clock();
    entry.lines = disbursement_lines(fund.id, request.method, request.amount);
    auto posted = TRY(post_entry(connection, actor, std::move(entry)));
    auto decided =
        funds.decide_disbursement(actor.principal.tenant, id, DisbursementStatus::approved,
                                  actor.principal.account_id, "", posted.id, actor.clock());
    if (!decided) return std::unexpected(decided.error());
    if (!*decided) {
      return already_decided();
    }
    return {};
  });
  if (!approved) return std::unexpected(approved.error());
  return view_of(connection, actor, id);
}

Result<DisbursementView> reject_disbursement(store::SqlConnection& connection, const Actor& actor,
                                             Id id, const std::string& reason) {
  auto rejected = store::in_transaction(connection, [&]() -> Status {
    auto view = TRY(view_of(connection, actor, id));
    auto fund = TRY(existing_fund(connection, actor, view.request.fund_id));
    if (!manages_fund(actor, fund)) return refuse();
    // The requester may withdraw their own request; rejecting is anyone's among the officers.
    auto decided =
        store::FundStore(connection)
            .decide_disbursement(actor.principal.tenant, id, DisbursementStatus::rejected,
                                 actor.principal.account_id, normalize_text(reason), std::nullopt,
                                 actor.clock());
    if (!decided) return std::unexpected(decided.error());
    if (!*decided) {
      return already_decided();
    }
    return record_audit(connection, actor, "reject", "disbursement", id, "{}");
  });
  if (!rejected) return std::unexpected(rejected.error());
  return view_of(connection, actor, id);
}

}  // namespace dk::service
