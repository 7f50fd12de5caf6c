// Funds and campaigns: created, listed with their totals, changed by those who run them.

#include "service/funds.hpp"

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

}  // namespace dk::service
