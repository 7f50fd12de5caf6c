#include "service/fund_ledger.hpp"

#include <fmt/format.h>

#include <set>

#include "core/access.hpp"
#include "core/money.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "store/fund_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

bool manages_fund(const Actor& actor, const Fund& fund) {
  return may_manage_fund(actor.principal, fund.organization_ids);
}

Result<Fund> existing_fund(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto found = TRY(store::FundStore(connection).find_fund(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "funds.not_found", fmt::format("Không có quỹ số {}.", id),
                fmt::format("There is no fund {}.", id));
  }
  return std::move(*found);
}

Result<Fund> locked_fund(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto locked = store::FundStore(connection).lock_fund(actor.principal.tenant, id, actor.clock());
  if (!locked && locked.error().kind != ErrorKind::not_found)
    return std::unexpected(locked.error());
  return existing_fund(connection, actor, id);
}

Result<LedgerEntry> existing_entry(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto found = TRY(store::FundStore(connection).find_entry(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "funds.entry_not_found",
                fmt::format("Không có bút toán số {}.", id),
                fmt::format("There is no ledger entry {}.", id));
  }
  return std::move(*found);
}

Status require_held(const Fund& fund, const FundBalance& balance, PaymentMethod method,
                    Dong amount) {
  const Dong held = balance.held(method);
  if (amount > held) {
    const bool cash = method == PaymentMethod::cash;
    return fail(
        ErrorKind::conflict, "funds.insufficient_balance",
        fmt::format("Quỹ “{}” chỉ còn {} {}, không chi được {}.", fund.name, format_dong(held),
                    cash ? "tiền mặt" : "trong tài khoản", format_dong(amount)),
        fmt::format("“{}” holds only {} {}; {} cannot be paid out.", fund.name, format_dong(held),
                    cash ? "in cash" : "in the bank", format_dong(amount)),
        Location{0, "amount"});
  }
  return {};
}

Result<LedgerEntry> post_entry(store::SqlConnection& connection, const Actor& actor,
                               LedgerEntry entry) {
  TRY(validate_lines(entry.lines));
  const Id tenant = actor.principal.tenant;
  entry.tenant_id = tenant;
  if (!entry.recorded_by) entry.recorded_by = actor.principal.account_id;
  entry.recorded_at = actor.clock();
  store::FundStore funds(connection);
  std::set<Id> touched;
  for (const LedgerLine& line : entry.lines) touched.insert(line.fund_id);
  // Locks in id order (a std::set's), so that two transfers between the same funds in opposite
  // directions wait for each other instead of deadlocking.
  for (Id fund : touched) {
    if (auto locked = funds.lock_fund(tenant, fund, actor.clock()); !locked)
      return std::unexpected(locked.error());
  }
  // The agency's ledger stays within kMaxLedgerTotal, so that no total shown anywhere can wrap.
  // Postings to other funds may pass this check at the same moment; each adds less than
  // kMaxAmount, far inside the room between the limit and the range of a Dong.
  Dong ledger_total = TRY(funds.ledger_total(tenant));
  for (const LedgerLine& line : entry.lines)
    if (line.amount > 0) TRY(add_to(ledger_total, line.amount));
  if (ledger_total > kMaxLedgerTotal) return std::unexpected(total_too_large());
  for (Id fund_id : touched) {
    auto before = TRY(funds.balance(tenant, fund_id));
    FundBalance after = before;
    for (const LedgerLine& line : entry.lines)
      if (line.fund_id == fund_id) TRY(add_line(after, line));
    if (after.cash >= 0 && after.bank >= 0) continue;
    auto fund = TRY(existing_fund(connection, actor, fund_id));
    // What the posting takes out of the holding that would go below zero.
    const PaymentMethod short_of =
        after.cash < 0 ? PaymentMethod::cash : PaymentMethod::bank_transfer;
    const Dong taken = before.held(short_of) - after.held(short_of);
    TRY(require_held(fund, before, short_of, taken));
    // A holding went below zero although it held what was taken: the sums contradict each other.
    return fail(
        ErrorKind::internal, "funds.balance_inconsistent",
        fmt::format("Số dư của quỹ “{}” không khớp; không ghi được.", fund.name),
        fmt::format("The balance of “{}” does not add up; nothing was recorded.", fund.name));
  }
  auto id = TRY(funds.post(entry));
  auto audited =
      record_audit(connection, actor, code_of(entry.kind), "ledger_entry", id,
                   fmt::format(R"({{"fund_id":{},"amount":{}}})", entry.fund_id, entry.amount));
  if (!audited) return std::unexpected(audited.error());
  return existing_entry(connection, actor, id);
}

Result<LedgerEntry> post_reversal(store::SqlConnection& connection, const Actor& actor,
                                  const LedgerEntry& original, const std::string& reason) {
  if (original.kind == EntryKind::reversal) {
    return fail(ErrorKind::invalid_input, "funds.reverse_reversal",
                "Không đảo một bút toán đảo; hãy ghi lại bút toán đúng.",
                "A reversal is not reversed; record the right entry again instead.");
  }
  if (original.reversed_by) {
    return fail(
        ErrorKind::conflict, "funds.already_reversed",
        fmt::format("Bút toán {} đã được đảo bởi bút toán {}.", original.id, *original.reversed_by),
        fmt::format("Entry {} is already reversed by entry {}.", original.id,
                    *original.reversed_by));
  }
  const std::string why = normalize_text(reason);
  if (why.empty()) {
    return fail(ErrorKind::invalid_input, "field.required", "Hãy ghi lý do đảo bút toán.",
                "Say why the entry is reversed.", Location{0, "reason"});
  }
  LedgerEntry reversal = original;
  reversal.id = 0;
  reversal.kind = EntryKind::reversal;
  reversal.reverses_id = original.id;
  reversal.occurred_on = vietnam_date(actor.clock());
  reversal.memo = why;
  reversal.receipt_number.reset();
  reversal.statement_line_id.reset();
  reversal.disbursement_id.reset();
  reversal.recorded_by.reset();
  reversal.approved_by.reset();
  reversal.approved_at.reset();
  reversal.reversed_by.reset();
  reversal.lines = reversal_lines(original.lines);
  // The unique index on reverses_id stops a second reversal that raced this one.
  return post_entry(connection, actor, std::move(reversal));
}

}  // namespace dk::service
