// Money in and between funds: donations (each with its receipt number), transfers, reversals.

#include "service/donations.hpp"

#include <fmt/format.h>

#include <algorithm>
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

// Who gave, filled from the registry: a person's name and department at the time, a department's
// name, or an outside giver's name as written.
Status resolve_payer(store::SqlConnection& connection, const Actor& actor, const PayerInput& payer,
                     LedgerEntry& entry) {
  store::RegistryStore registry(connection);
  entry.payer_kind = payer.kind;
  switch (payer.kind) {
    case PayerKind::person: {
      if (!payer.person_id) {
        return fail(ErrorKind::invalid_input, "field.required", "Hãy chọn người ủng hộ.",
                    "Choose who gave.", Location{0, "payer.person_id"});
      }
      auto person = TRY(registry.find_person(actor.principal.tenant, *payer.person_id));
      if (!person) {
        return fail(ErrorKind::invalid_input, "person.not_found",
                    "Không có người này trong cơ quan.", "There is no such person in the agency.",
                    Location{0, "payer.person_id"});
      }
      entry.person_id = person->id;
      entry.unit_id = person->unit_id;
      entry.payer_name = person->full_name;
      return {};
    }
    case PayerKind::unit: {
      if (!payer.unit_id) {
        return fail(ErrorKind::invalid_input, "field.required", "Hãy chọn phòng ủng hộ.",
                    "Choose the giving department.", Location{0, "payer.unit_id"});
      }
      auto unit = TRY(registry.find_unit_by_id(actor.principal.tenant, *payer.unit_id));
      if (!unit) {
        return fail(ErrorKind::invalid_input, "unit.not_found", "Không có phòng này.",
                    "There is no such department.", Location{0, "payer.unit_id"});
      }
      entry.unit_id = unit->id;
      entry.payer_name = unit->name;
      return {};
    }
    case PayerKind::outside: {
      entry.payer_name = normalize_text(payer.name);
      if (entry.payer_name.empty() && !entry.anonymous) {
        return fail(ErrorKind::invalid_input, "field.required", "Hãy ghi tên người ủng hộ.",
                    "Write the giver's name.", Location{0, "payer.name"});
      }
      return {};
    }
  }
  return {};
}

}  // namespace

Result<LedgerEntry> record_donation(store::SqlConnection& connection, const Actor& actor, Id id,
                                    const DonationInput& input) {
  TRY(require_amount(input.amount));
  return store::in_transaction(connection, [&]() -> Result<LedgerEntry> {
    // The fund's row lock first: two donations paying one pledge settle it one after the other,
    // and a campaign closed meanwhile is seen closed.
    auto fund = TRY(locked_fund(connection, actor, id));
    if (!manages_fund(actor, fund)) return refuse();
    TRY(require_open(fund));
    store::FundStore funds(connection);
    LedgerEntry entry;
    entry.kind = EntryKind::donation;
    entry.fund_id = id;
    entry.amount = input.amount;
    entry.method = input.method;
    entry.occurred_on = input.received_on.value_or(vietnam_date(actor.clock()));
    if (auto valid = require_booking_date(actor, entry.occurred_on, "received_on"); !valid)
      return std::unexpected(valid.error());
    entry.anonymous = input.anonymous;
    entry.reference = normalize_text(input.reference);
    entry.memo = normalize_text(input.memo);
    entry.statement_line_id = input.statement_line_id;
    Dong settles = 0;
    PayerInput payer = input.payer.value_or(PayerInput{PayerKind::outside, {}, {}, ""});
    if (input.pledge_id) {
      auto pledge = TRY(existing_pledge(funds, actor, *input.pledge_id));
      if (pledge.fund_id != id || pledge.cancelled) {
        return fail(ErrorKind::invalid_input, "funds.pledge_not_open",
                    "Đăng ký ủng hộ này không thuộc quỹ này hoặc đã hủy.",
                    "This pledge is not an open pledge of this fund.", Location{0, "pledge_id"});
      }
      entry.pledge_id = pledge.id;
      settles = std::min(pledge.outstanding, input.amount);
      if (!input.payer) {
        payer = pledge.person_id ? PayerInput{PayerKind::person, pledge.person_id, {}, ""}
                                 : PayerInput{PayerKind::outside, {}, {}, pledge.payer_name};
      }
    }
    if (!input.payer && !input.pledge_id && !input.anonymous) {
      return fail(ErrorKind::invalid_input, "field.required",
                  "Hãy ghi người ủng hộ hoặc chọn ẩn danh.",
                  "Say who gave, or mark the gift anonymous.", Location{0, "payer"});
    }
    if (auto resolved = resolve_payer(connection, actor, payer, entry); !resolved)
      return std::unexpected(resolved.error());
    entry.lines =
        donation_lines(id, input.method, input.amount, entry.pledge_id.value_or(0), settles);
    auto receipt = TRY(funds.next_receipt_number(actor.principal.tenant, entry.occurred_on.year));
    entry.receipt_number = receipt;
    return post_entry(connection, actor, std::move(entry));
  });
}

Result<std::vector<LedgerEntry>> list_entries(store::SqlConnection& connection, const Actor& actor,
                                              Id id) {
  auto fund = TRY(existing_fund(connection, actor, id));
  if (!manages_fund(actor, fund) && !actor.principal.leadership) return refuse();
  return store::FundStore(connection).entries(actor.principal.tenant, id);
}

Result<LedgerEntry> read_entry(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto entry = existing_entry(connection, actor, id);
  if (!entry) return entry;
  auto fund = TRY(existing_fund(connection, actor, entry->fund_id));
  const bool own = entry->person_id && *entry->person_id == actor.principal.person_id;
  if (!own && !manages_fund(actor, fund) && !actor.principal.leadership) return refuse();
  return entry;
}

Result<LedgerEntry> transfer_between_funds(store::SqlConnection& connection, const Actor& actor,
                                           Id from_id, const TransferInput& input) {
  TRY(require_amount(input.amount));
  return store::in_transaction(connection, [&]() -> Result<LedgerEntry> {
    // Both locked, in id order, before either is checked.
    if (auto first = locked_fund(connection, actor, std::min(from_id, input.to_fund));
        !first && first.error().kind != ErrorKind::not_found)
      return std::unexpected(first.error());
    if (auto second = locked_fund(connection, actor, std::max(from_id, input.to_fund));
        !second && second.error().kind != ErrorKind::not_found)
      return std::unexpected(second.error());
    auto from = TRY(existing_fund(connection, actor, from_id));
    auto to = existing_fund(connection, actor, input.to_fund);
    if (!to) {
      Error error = to.error();
      error.where.field = "to_fund_id";
      return std::unexpected(error);
    }
    if (!manages_fund(actor, from) || !manages_fund(actor, *to)) return refuse();
    if (from_id == input.to_fund && input.from_method == input.to_method) {
      return fail(ErrorKind::invalid_input, "funds.transfer_to_itself",
                  "Không chuyển được tiền sang chính nó.", "Money cannot move to where it is.",
                  Location{0, "to_fund_id"});
    }
    if (from_id != input.to_fund) {
      TRY(require_open(*to));
    }
    LedgerEntry entry;
    entry.kind = EntryKind::transfer;
    entry.fund_id = from_id;
    entry.to_fund_id = input.to_fund;
    entry.amount = input.amount;
    entry.method = input.from_method;
    entry.occurred_on = input.on.value_or(vietnam_date(actor.clock()));
    if (auto valid = require_booking_date(actor, entry.occurred_on, "on"); !valid)
      return std::unexpected(valid.error());
    entry.memo = normalize_text(input.memo);
    entry.beneficiary = to->name;
    entry.lines =
        transfer_lines(from_id, input.from_method, input.to_fund, input.to_method, input.amount);
    return post_entry(connection, actor, std::move(entry));
  });
}

Result<LedgerEntry> reverse_entry(store::SqlConnection& connection, const Actor& actor, Id id,
                                  const std::string& reason) {
  return store::in_transaction(connection, [&]() -> Result<LedgerEntry> {
    auto original = existing_entry(connection, actor, id);
    if (!original) return original;
    // Every fund the reversal moves money in or out of must be the actor's to run: reversing a
    // transfer takes money back out of the fund that received it.
    std::set<Id> touched;
    for (const LedgerLine& line : original->lines) touched.insert(line.fund_id);
    for (Id fund_id : touched) {
      auto fund = TRY(existing_fund(connection, actor, fund_id));
      if (!manages_fund(actor, fund)) return refuse();
    }
    if (original->kind == EntryKind::pledge) {
      return fail(ErrorKind::invalid_input, "funds.reverse_pledge",
                  "Đăng ký ủng hộ được hủy bằng nút “Hủy đăng ký”, không đảo bút toán.",
                  "Cancel a pledge instead of reversing its entry.");
    }
    auto reversal = post_reversal(connection, actor, *original, reason);
    if (!reversal) return reversal;
    // A bank line booked by the reversed donation is open again, to be booked right.
    if (original->statement_line_id) {
      TRY(store::FundStore(connection)
              .set_line_status(actor.principal.tenant, *original->statement_line_id,
                               StatementLineStatus::booked, StatementLineStatus::open, std::nullopt,
                               ""));
    }
    return reversal;
  });
}

// ---- disbursements --------------------------------------------------------------------------

}  // namespace dk::service
