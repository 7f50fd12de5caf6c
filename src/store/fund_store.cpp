// FundStore: funds and what they hold (balances, donation counts, pending payments).
// Ledger rows are inserted, never updated or deleted; a balance is summed from them on each read.

#include "store/fund_store.hpp"

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {

// ---- funds ----------------------------------------------------------------------------------

Result<Fund> FundStore::create_fund(const Fund& fund, std::optional<Id> by_account, Instant now) {
  auto id = reserve_ids(connection_, fund.tenant_id, "funds", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {fund.tenant_id,
                             *id,
                             std::string(code_of(fund.kind)),
                             fund.name,
                             fund.beneficiary,
                             fund.purpose,
                             nullable(fund.target),
                             date_value(fund.starts_on),
                             optional_date(fund.ends_on),
                             std::string(code_of(fund.status)),
                             nullable(by_account),
                             seconds_of(now)};
  TRY(connection_.execute(
      "INSERT INTO funds (tenant_id, id, kind, name, beneficiary, purpose, target, starts_on, "
      "ends_on, status, created_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
      params));
  for (Id organization : fund.organization_ids) {
    const SqlValue organizer[] = {fund.tenant_id, *id, organization};
    TRY(connection_.execute(
        "INSERT INTO fund_organizers (tenant_id, fund_id, organization_id) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING",
        organizer));
  }
  Fund created = fund;
  created.id = *id;
  return created;
}

Status FundStore::update_fund(const Fund& fund, Instant now) {
  const SqlValue params[] = {fund.tenant_id,
                             fund.id,
                             fund.name,
                             fund.beneficiary,
                             fund.purpose,
                             nullable(fund.target),
                             optional_date(fund.ends_on),
                             std::string(code_of(fund.status)),
                             seconds_of(now)};
  auto updated = TRY(connection_.execute(
      "UPDATE funds SET name = $3, beneficiary = $4, purpose = $5, target = $6, ends_on = $7, "
      "status = $8, updated_at = $9 WHERE tenant_id = $1 AND id = $2",
      params));
  if (updated == 0) return no_rows_changed("quỹ");
  return {};
}

Result<std::vector<Fund>> FundStore::read_funds(std::string_view where,
                                                std::vector<SqlValue> params) {
  auto funds = query_all(
      connection_,
      fmt::format("SELECT f.id, f.tenant_id, f.kind, f.name, f.beneficiary, f.purpose, f.target, "
                  "f.starts_on, f.ends_on, f.status FROM funds f WHERE {} "
                  "ORDER BY f.status <> 'open', f.starts_on DESC, f.id DESC",
                  where),
      params, [](const SqlRow& row) {
        Fund fund;
        fund.id = row.integer(0);
        fund.tenant_id = row.integer(1);
        fund.kind = parse_code<FundKind>(row.text(2)).value_or(FundKind::campaign);
        fund.name = row.text(3);
        fund.beneficiary = row.text(4);
        fund.purpose = row.text(5);
        fund.target = optional_integer(row, 6);
        fund.starts_on = date_at(row, 7);
        if (!row.is_null(8)) fund.ends_on = date_at(row, 8);
        fund.status = parse_code<FundStatus>(row.text(9)).value_or(FundStatus::open);
        return fund;
      });
  if (!funds || funds->empty()) return funds;
  const SqlValue tenant[] = {funds->front().tenant_id};
  std::map<Id, std::vector<Id>> organizers;
  auto read = connection_.query(
      "SELECT fund_id, organization_id FROM fund_organizers WHERE tenant_id = $1 "
      "ORDER BY fund_id, organization_id",
      tenant, [&](const SqlRow& row) -> Status {
        organizers[row.integer(0)].push_back(row.integer(1));
        return {};
      });
  if (!read) return std::unexpected(read.error());
  for (Fund& fund : *funds) fund.organization_ids = organizers[fund.id];
  return funds;
}

Result<std::vector<Fund>> FundStore::list_funds(Id tenant, std::optional<FundStatus> status,
                                                std::optional<Id> organization) {
  std::string where = "f.tenant_id = $1";
  // Room for every parameter up front (as in PlanStore::list: g++ 12 at -O3).
  std::vector<SqlValue> params;
  params.reserve(3);
  params.emplace_back(tenant);
  if (status) {
    params.emplace_back(std::string(code_of(*status)));
    where += fmt::format(" AND f.status = ${}", params.size());
  }
  if (organization) {
    params.emplace_back(*organization);
    where += fmt::format(
        " AND EXISTS (SELECT 1 FROM fund_organizers o WHERE o.tenant_id = f.tenant_id AND "
        "o.fund_id = f.id AND o.organization_id = ${})",
        params.size());
  }
  return read_funds(where, std::move(params));
}

Result<std::optional<Fund>> FundStore::find_fund(Id tenant, Id id) {
  auto funds = TRY(read_funds("f.tenant_id = $1 AND f.id = $2", {tenant, id}));
  if (funds.empty()) return std::optional<Fund>{};
  return std::optional<Fund>(std::move(funds.front()));
}

Status FundStore::lock_fund(Id tenant, Id id, Instant now) {
  const SqlValue params[] = {tenant, id, seconds_of(now)};
  auto locked = TRY(connection_.execute(
      "UPDATE funds SET updated_at = $3 WHERE tenant_id = $1 AND id = $2", params));
  if (locked == 0) return no_rows_changed("quỹ");
  return {};
}

// ---- balances -------------------------------------------------------------------------------

namespace {

// What each fund was promised, net of cancellations but not of payments: the lines on
// pledges_promised of pledge entries and of the reversals that cancelled them. Payments move the
// same account, which is why the account's balance alone says only what is still awaited.
constexpr std::string_view kPledged =
    "SELECT l.fund_id, CAST(SUM(-l.amount) AS BIGINT) FROM ledger_lines l JOIN "
    "ledger_transactions t ON t.tenant_id = l.tenant_id AND t.id = l.transaction_id "
    "WHERE l.tenant_id = $1 AND l.account = 'pledges_promised' AND (t.kind = 'pledge' OR "
    "(t.kind = 'reversal' AND EXISTS (SELECT 1 FROM ledger_transactions o WHERE o.tenant_id = "
    "t.tenant_id AND o.id = t.reverses_id AND o.kind = 'pledge'))){} GROUP BY l.fund_id";

}  // namespace

Result<std::map<Id, FundBalance>> FundStore::balances(Id tenant) {
  std::map<Id, FundBalance> result;
  const SqlValue params[] = {tenant};
  auto read = connection_.query(
      "SELECT fund_id, account, CAST(SUM(amount) AS BIGINT) FROM ledger_lines WHERE tenant_id = $1 "
      "GROUP BY fund_id, account",
      params, [&](const SqlRow& row) -> Status {
        const auto account = parse_code<LedgerAccount>(row.text(1));
        if (!account) return {};
        return add_line(result[row.integer(0)],
                        LedgerLine{row.integer(0), *account, row.integer(2)});
      });
  if (!read) return std::unexpected(read.error());
  TRY(connection_.query(fmt::format(kPledged, ""), params, [&](const SqlRow& row) -> Status {
    result[row.integer(0)].pledged = row.integer(1);
    return {};
  }));
  return result;
}

Result<std::map<Id, FundBalance>> FundStore::balances_through(Id tenant, CivilDate last_day) {
  std::map<Id, FundBalance> result;
  const SqlValue params[] = {tenant, format_iso(last_day)};
  TRY(connection_.query(
      "SELECT l.fund_id, l.account, CAST(SUM(l.amount) AS BIGINT) FROM ledger_lines l JOIN "
      "ledger_transactions t ON t.tenant_id = l.tenant_id AND t.id = l.transaction_id "
      "WHERE l.tenant_id = $1 AND t.occurred_on <= $2 GROUP BY l.fund_id, l.account",
      params, [&](const SqlRow& row) -> Status {
        const auto account = parse_code<LedgerAccount>(row.text(1));
        if (!account) return {};
        return add_line(result[row.integer(0)],
                        LedgerLine{row.integer(0), *account, row.integer(2)});
      }));
  return result;
}

Result<FundBalance> FundStore::balance(Id tenant, Id fund) {
  FundBalance result;
  const SqlValue params[] = {tenant, fund};
  auto read = connection_.query(
      "SELECT account, CAST(SUM(amount) AS BIGINT) FROM ledger_lines WHERE tenant_id = $1 AND "
      "fund_id = $2 "
      "GROUP BY account",
      params, [&](const SqlRow& row) -> Status {
        const auto account = parse_code<LedgerAccount>(row.text(0));
        if (!account) return {};
        return add_line(result, LedgerLine{fund, *account, row.integer(1)});
      });
  if (!read) return std::unexpected(read.error());
  TRY(connection_.query(fmt::format(kPledged, " AND l.fund_id = $2"), params,
                        [&](const SqlRow& row) -> Status {
                          result.pledged = row.integer(1);
                          return {};
                        }));
  return result;
}

Result<Dong> FundStore::ledger_total(Id tenant) {
  Dong total = 0;
  const SqlValue params[] = {tenant};
  auto read = connection_.query(
      "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM ledger_lines WHERE tenant_id = $1 "
      "AND amount > 0",
      params, [&](const SqlRow& row) -> Status {
        total = row.integer(0);
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return total;
}

Result<std::map<Id, FundStore::DonationCount>> FundStore::donation_counts(Id tenant) {
  std::map<Id, DonationCount> result;
  const SqlValue params[] = {tenant};
  // A giver is a person, a department or an outside name; anonymous gifts count each on its own.
  auto read = connection_.query(
      "SELECT t.fund_id, COUNT(*), COUNT(DISTINCT CASE "
      "WHEN t.person_id IS NOT NULL THEN 'p' || CAST(t.person_id AS TEXT) "
      "WHEN t.payer_kind = 'unit' THEN 'u' || CAST(t.unit_id AS TEXT) "
      "WHEN t.anonymous = 1 THEN 'a' || CAST(t.id AS TEXT) "
      "ELSE 'o' || t.payer_name END) "
      "FROM ledger_transactions t WHERE t.tenant_id = $1 AND t.kind = 'donation' AND NOT EXISTS "
      "(SELECT 1 FROM ledger_transactions r WHERE r.tenant_id = t.tenant_id AND r.reverses_id = "
      "t.id) GROUP BY t.fund_id",
      params, [&](const SqlRow& row) -> Status {
        result[row.integer(0)] = {row.integer(1), row.integer(2)};
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return result;
}

Result<std::map<Id, Dong>> FundStore::pending_disbursements(Id tenant) {
  std::map<Id, Dong> result;
  const SqlValue params[] = {tenant};
  auto read = connection_.query(
      "SELECT fund_id, CAST(SUM(amount) AS BIGINT) FROM disbursements WHERE tenant_id = $1 AND "
      "status = "
      "'pending' GROUP BY fund_id",
      params, [&](const SqlRow& row) -> Status {
        result[row.integer(0)] = row.integer(1);
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return result;
}

}  // namespace dk::store
