// Pledges: promised by anyone in the agency, paid through donations, cancelled while unpaid.

#include "service/pledges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "core/access.hpp"
#include "core/money.hpp"
#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/fund_checks.hpp"
#include "service/fund_ledger.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/fund_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {

Result<Pledge> record_pledge(store::SqlConnection& connection, const Actor& actor, Id id,
                             const PledgeInput& input) {
  TRY(require_amount(input.amount));
  auto recorded = store::in_transaction(connection, [&]() -> Result<Pledge> {
    auto fund = locked_fund(connection, actor, id);
    if (!fund) return std::unexpected(fund.error());
    TRY(require_open(*fund));
    Pledge pledge;
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
    LedgerEntry entry;
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
    // The giver's receipt of the promise, in the bell and (by default) the morning's mail.
    if (pledge.person_id) {
      const std::string amount = format_dong(input.amount);
      NotificationEvent event;
      event.tenant_id = pledge.tenant_id;
      event.kind = NotificationKind::pledge_recorded;
      event.created_at = actor.clock();
      event.link = fmt::format("/funds/{}", id);
      event.title = Text{fmt::format("Đã ghi nhận cam kết ủng hộ {} cho “{}”", amount, fund->name),
                         fmt::format("Your pledge of {} to “{}” is recorded", amount, fund->name)};
      TRY(publish_notification(connection, std::move(event),
                               store::people_recipients(std::vector<Id>{*pledge.person_id})));
    }
    return created;
  });
  if (recorded && recorded->person_id)
    signal_notified(actor.principal.tenant, std::vector<Id>{*recorded->person_id});
  return recorded;
}

Result<std::vector<Pledge>> list_pledges(store::SqlConnection& connection, const Actor& actor,
                                         Id id) {
  auto fund = TRY(existing_fund(connection, actor, id));
  const bool everyone = manages_fund(actor, fund) || actor.principal.leadership;
  return store::FundStore(connection)
      .pledges(actor.principal.tenant, id,
               everyone ? std::nullopt : std::optional<Id>(actor.principal.person_id));
}

Result<Pledge> cancel_pledge(store::SqlConnection& connection, const Actor& actor, Id id,
                             const std::string& reason) {
  return store::in_transaction(connection, [&]() -> Result<Pledge> {
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

}  // namespace dk::service
