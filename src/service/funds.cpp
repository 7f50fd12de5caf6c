#include "service/funds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/fund_ledger.hpp"
#include "service/refusal.hpp"
#include "store/registry_store.hpp"

namespace dk::service {
namespace {

Status require_amount(Dong amount, std::string_view field = "amount") {
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
                            long days_ahead = 0) {
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

// Funds as read by people: totals, organizers' names and whether the actor runs them. The
// agency's sums are read once for all of them.
Result<std::vector<FundRecord>> records_of(store::SqlConnection& connection, const Actor& actor,
                                           std::vector<Fund> listed) {
  store::FundStore funds(connection);
  const Id tenant = actor.principal.tenant;
  auto balances = TRY(funds.balances(tenant));
  auto pending = TRY(funds.pending_disbursements(tenant));
  auto counts = TRY(funds.donation_counts(tenant));
  auto organizations = store::RegistryStore(connection).list_organizations(tenant);
  if (!organizations) return std::unexpected(organizations.error());
  std::vector<FundRecord> records;
  for (Fund& fund : listed) {
    FundRecord record;
    record.totals = {(balances)[fund.id], (pending)[fund.id], (counts)[fund.id].donations,
                     (counts)[fund.id].donors};
    for (Id id : fund.organization_ids) {
      auto found = std::ranges::find(*organizations, id, &Organization::id);
      record.organizations.push_back({id, found == organizations->end() ? "" : found->name});
    }
    record.manageable = manages_fund(actor, fund);
    record.fund = std::move(fund);
    records.push_back(std::move(record));
  }
  return records;
}

Result<FundRecord> record_of(store::SqlConnection& connection, const Actor& actor, Fund fund) {
  auto records = TRY(records_of(connection, actor, {std::move(fund)}));
  return std::move(records.front());
}

// Who gave, filled from the registry: a person's name and department at the time, a department's
// name, or an outside giver's name as written.
Status resolve_payer(store::SqlConnection& connection, const Actor& actor, const PayerInput& payer,
                     store::LedgerEntry& entry) {
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

Result<store::Pledge> existing_pledge(store::FundStore& funds, const Actor& actor, Id id) {
  auto found = TRY(funds.find_pledge(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "funds.pledge_not_found",
                fmt::format("Không có đăng ký ủng hộ số {}.", id),
                fmt::format("There is no pledge {}.", id), Location{0, "pledge_id"});
  }
  return std::move(*found);
}

Result<store::Disbursement> existing_disbursement(store::FundStore& funds, const Actor& actor,
                                                  Id id) {
  auto request = TRY(funds.find_disbursement(actor.principal.tenant, id));
  if (!request) {
    return fail(ErrorKind::not_found, "funds.disbursement_not_found",
                fmt::format("Không có đề nghị chi số {}.", id),
                fmt::format("There is no disbursement request {}.", id));
  }
  return std::move(*request);
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

// ---- funds ----------------------------------------------------------------------------------

Result<FundRecord> create_fund(store::SqlConnection& connection, const Actor& actor, Fund fund) {
  fund.tenant_id = actor.principal.tenant;
  fund.name = normalize_text(fund.name);
  fund.beneficiary = normalize_text(fund.beneficiary);
  fund.purpose = normalize_text(fund.purpose);
  fund.status = FundStatus::open;
  std::ranges::sort(fund.organization_ids);
  auto repeated = std::ranges::unique(fund.organization_ids);
  fund.organization_ids.erase(repeated.begin(), repeated.end());
  TRY(validate_fund(fund));
  if (!manages_fund(actor, fund)) return refuse();
  auto organizations = TRY(store::RegistryStore(connection).list_organizations(fund.tenant_id));
  for (Id id : fund.organization_ids) {
    auto found = std::ranges::find(organizations, id, &Organization::id);
    if (found == organizations.end() || found->external) {
      return fail(ErrorKind::invalid_input, "organization.not_found",
                  fmt::format("Không có tổ chức mang mã {} trong cơ quan.", id),
                  fmt::format("There is no organization {} in the agency.", id),
                  Location{0, "organization_ids"});
    }
  }
  auto created = store::in_transaction(connection, [&]() -> Result<Fund> {
    auto stored =
        store::FundStore(connection).create_fund(fund, actor.principal.account_id, actor.clock());
    if (!stored) return stored;
    TRY(record_audit(connection, actor, "create", "fund", stored->id, "{}"));
    return stored;
  });
  if (!created) return std::unexpected(created.error());
  return record_of(connection, actor, std::move(*created));
}

Result<std::vector<FundRecord>> list_funds(store::SqlConnection& connection, const Actor& actor,
                                           std::optional<FundStatus> status,
                                           std::optional<Id> organization) {
  auto listed =
      store::FundStore(connection).list_funds(actor.principal.tenant, status, organization);
  if (!listed) return std::unexpected(listed.error());
  return records_of(connection, actor, std::move(*listed));
}

Result<FundRecord> read_fund(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto fund = TRY(existing_fund(connection, actor, id));
  return record_of(connection, actor, std::move(fund));
}

Result<FundRecord> update_fund(store::SqlConnection& connection, const Actor& actor, Id id,
                               const FundChanges& changes) {
  auto updated = store::in_transaction(connection, [&]() -> Result<Fund> {
    auto fund = existing_fund(connection, actor, id);
    if (!fund) return fund;
    if (!manages_fund(actor, *fund)) return refuse();
    if (changes.name) fund->name = normalize_text(*changes.name);
    if (changes.beneficiary) fund->beneficiary = normalize_text(*changes.beneficiary);
    if (changes.purpose) fund->purpose = normalize_text(*changes.purpose);
    if (changes.target) fund->target = *changes.target;
    if (changes.ends_on) fund->ends_on = *changes.ends_on;
    if (changes.status) {
      if (fund->kind == FundKind::standing && *changes.status == FundStatus::closed) {
        return fail(ErrorKind::invalid_input, "funds.standing_never_closes",
                    "Quỹ thường xuyên không đóng lại.", "A standing fund does not close.",
                    Location{0, "status"});
      }
      fund->status = *changes.status;
    }
    TRY(validate_fund(*fund));
    if (auto stored = store::FundStore(connection).update_fund(*fund, actor.clock()); !stored)
      return std::unexpected(stored.error());
    TRY(record_audit(connection, actor, "update", "fund", id,
                     fmt::format(R"({{"status":"{}"}})", code_of(fund->status))));
    return fund;
  });
  if (!updated) return std::unexpected(updated.error());
  return record_of(connection, actor, std::move(*updated));
}

// ---- pledges --------------------------------------------------------------------------------

Result<store::Pledge> record_pledge(store::SqlConnection& connection, const Actor& actor, Id id,
                                    const PledgeInput& input) {
  TRY(require_amount(input.amount));
  return store::in_transaction(connection, [&]() -> Result<store::Pledge> {
    auto fund = locked_fund(connection, actor, id);
    if (!fund) return std::unexpected(fund.error());
    TRY(require_open(*fund));
    store::Pledge pledge;
    pledge.tenant_id = actor.principal.tenant;
    pledge.fund_id = id;
    pledge.amount = input.amount;
    pledge.note = normalize_text(input.note);
    pledge.pledged_on = vietnam_date(actor.clock());
    pledge.created_by = actor.principal.account_id;
    const std::string outside_name = normalize_text(input.name);
    const bool for_someone_else =
        (input.person_id && *input.person_id != actor.principal.person_id) || !outside_name.empty();
    // Anyone pledges for themselves; an officer of the fund writes down others' promises.
    if (for_someone_else && !manages_fund(actor, *fund)) return refuse();
    if (!outside_name.empty() && !input.person_id) {
      pledge.payer_name = outside_name;
    } else {
      const Id person = input.person_id.value_or(actor.principal.person_id);
      auto found = TRY(store::RegistryStore(connection).find_person(pledge.tenant_id, person));
      if (!found) {
        return fail(ErrorKind::invalid_input, "person.not_found",
                    "Không có người này trong cơ quan.", "There is no such person in the agency.",
                    Location{0, "person_id"});
      }
      pledge.person_id = person;
      pledge.payer_name = found->full_name;
    }
    store::FundStore funds(connection);
    auto created = funds.create_pledge(pledge, actor.clock());
    if (!created) return created;
    store::LedgerEntry entry;
    entry.kind = EntryKind::pledge;
    entry.fund_id = id;
    entry.amount = input.amount;
    entry.occurred_on = pledge.pledged_on;
    entry.person_id = pledge.person_id;
    entry.payer_kind = pledge.person_id ? PayerKind::person : PayerKind::outside;
    entry.payer_name = pledge.payer_name;
    entry.pledge_id = created->id;
    entry.memo = pledge.note;
    entry.lines = pledge_lines(id, created->id, input.amount);
    TRY(post_entry(connection, actor, std::move(entry)));
    created->outstanding = input.amount;
    return created;
  });
}

Result<std::vector<store::Pledge>> list_pledges(store::SqlConnection& connection,
                                                const Actor& actor, Id id) {
  auto fund = TRY(existing_fund(connection, actor, id));
  const bool everyone = manages_fund(actor, fund) || actor.principal.leadership;
  return store::FundStore(connection)
      .pledges(actor.principal.tenant, id,
               everyone ? std::nullopt : std::optional<Id>(actor.principal.person_id));
}

Result<store::Pledge> cancel_pledge(store::SqlConnection& connection, const Actor& actor, Id id,
                                    const std::string& reason) {
  return store::in_transaction(connection, [&]() -> Result<store::Pledge> {
    store::FundStore funds(connection);
    auto unlocked = existing_pledge(funds, actor, id);
    if (!unlocked) return unlocked;
    // Read again under the fund's lock: a donation paying it meanwhile has committed or waits.
    auto fund = TRY(locked_fund(connection, actor, unlocked->fund_id));
    auto pledge = existing_pledge(funds, actor, id);
    if (!pledge) return pledge;
    const bool own = pledge->person_id && *pledge->person_id == actor.principal.person_id;
    if (!own && !manages_fund(actor, fund)) return refuse();
    if (pledge->cancelled) {
      return fail(ErrorKind::conflict, "funds.pledge_cancelled", "Đăng ký ủng hộ này đã hủy.",
                  "This pledge is already cancelled.");
    }
    if (pledge->outstanding != pledge->amount) {
      return fail(ErrorKind::conflict, "funds.pledge_partly_paid",
                  "Đăng ký ủng hộ đã được nộp một phần, không hủy được.",
                  "Part of this pledge is paid; it cannot be cancelled.");
    }
    auto original = TRY(funds.pledge_entry(actor.principal.tenant, pledge->id));
    if (!original) {
      return fail(ErrorKind::internal, "ledger.pledge_entry_missing",
                  "Không tìm thấy bút toán của đăng ký ủng hộ.", "The pledge's entry is missing.");
    }
    // A pledge is a promise: withdrawing it needs no reason, though one may be given.
    const std::string why = normalize_text(reason).empty() ? "Hủy đăng ký ủng hộ" : reason;
    TRY(post_reversal(connection, actor, *original, why));
    if (auto cancelled = funds.cancel_pledge(actor.principal.tenant, id, actor.clock()); !cancelled)
      return std::unexpected(cancelled.error());
    pledge->cancelled = true;
    pledge->outstanding = 0;
    return pledge;
  });
}

// ---- donations, transfers, reversals --------------------------------------------------------

Result<store::LedgerEntry> record_donation(store::SqlConnection& connection, const Actor& actor,
                                           Id id, const DonationInput& input) {
  TRY(require_amount(input.amount));
  return store::in_transaction(connection, [&]() -> Result<store::LedgerEntry> {
    // The fund's row lock first: two donations paying one pledge settle it one after the other,
    // and a campaign closed meanwhile is seen closed.
    auto fund = TRY(locked_fund(connection, actor, id));
    if (!manages_fund(actor, fund)) return refuse();
    TRY(require_open(fund));
    store::FundStore funds(connection);
    store::LedgerEntry entry;
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

Result<std::vector<store::LedgerEntry>> list_entries(store::SqlConnection& connection,
                                                     const Actor& actor, Id id) {
  auto fund = TRY(existing_fund(connection, actor, id));
  if (!manages_fund(actor, fund) && !actor.principal.leadership) return refuse();
  return store::FundStore(connection).entries(actor.principal.tenant, id);
}

Result<store::LedgerEntry> read_entry(store::SqlConnection& connection, const Actor& actor, Id id) {
  auto entry = existing_entry(connection, actor, id);
  if (!entry) return entry;
  auto fund = TRY(existing_fund(connection, actor, entry->fund_id));
  const bool own = entry->person_id && *entry->person_id == actor.principal.person_id;
  if (!own && !manages_fund(actor, fund) && !actor.principal.leadership) return refuse();
  return entry;
}

Result<store::LedgerEntry> transfer_between_funds(store::SqlConnection& connection,
                                                  const Actor& actor, Id from_id,
                                                  const TransferInput& input) {
  TRY(require_amount(input.amount));
  return store::in_transaction(connection, [&]() -> Result<store::LedgerEntry> {
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
    store::LedgerEntry entry;
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

Result<store::LedgerEntry> reverse_entry(store::SqlConnection& connection, const Actor& actor,
                                         Id id, const std::string& reason) {
  return store::in_transaction(connection, [&]() -> Result<store::LedgerEntry> {
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
                               store::StatementLineStatus::booked, store::StatementLineStatus::open,
                               std::nullopt, ""));
    }
    return reversal;
  });
}

// ---- disbursements --------------------------------------------------------------------------

Result<DisbursementView> request_disbursement(store::SqlConnection& connection, const Actor& actor,
                                              Id id, const DisbursementInput& input) {
  TRY(require_amount(input.amount));
  store::Disbursement request;
  request.beneficiary = normalize_text(input.beneficiary);
  if (request.beneficiary.empty()) {
    return fail(ErrorKind::invalid_input, "field.required", "Hãy ghi người hoặc nơi nhận tiền.",
                "Say who receives the money.", Location{0, "beneficiary"});
  }
  auto created = store::in_transaction(connection, [&]() -> Result<store::Disbursement> {
    auto fund = TRY(existing_fund(connection, actor, id));
    if (!manages_fund(actor, fund)) return refuse();
    store::FundStore funds(connection);
    auto balance = TRY(funds.balance(actor.principal.tenant, id));
    if (auto enough = require_held(fund, balance, input.method, input.amount); !enough)
      return std::unexpected(enough.error());
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
  for (store::Disbursement& request : *requests) {
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
    auto request = TRY(existing_disbursement(funds, actor, id));
    auto fund = TRY(existing_fund(connection, actor, request.fund_id));
    if (!manages_fund(actor, fund)) return refuse();
    if (request.requested_by == actor.principal.account_id) {
      return fail(ErrorKind::forbidden, "funds.same_officer",
                  "Người đề nghị chi không tự duyệt được: cần một cán bộ khác duyệt.",
                  "The officer who requested a payment cannot approve it: a second officer must.");
    }
    store::LedgerEntry entry;
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
      return fail(ErrorKind::conflict, "funds.already_decided", "Đề nghị chi này đã được xử lý.",
                  "This request has already been decided.");
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
      return fail(ErrorKind::conflict, "funds.already_decided", "Đề nghị chi này đã được xử lý.",
                  "This request has already been decided.");
    }
    return record_audit(connection, actor, "reject", "disbursement", id, "{}");
  });
  if (!rejected) return std::unexpected(rejected.error());
  return view_of(connection, actor, id);
}

}  // namespace dk::service
