// FundStore: the ledger — transactions and their lines, the checks over them, receipt numbers,
// and the year's donation totals the reports group.

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/fund_store.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {

// ---- ledger ---------------------------------------------------------------------------------

Result<Id> FundStore::post(LedgerEntry entry) {
  auto id = TRY(reserve_ids(connection_, entry.tenant_id, "ledger_transactions", 1));
  const SqlValue params[] = {entry.tenant_id,
                             id,
                             entry.fund_id,
                             std::string(code_of(entry.kind)),
                             date_value(entry.occurred_on),
                             entry.amount,
                             optional_code(entry.method),
                             optional_code(entry.payer_kind),
                             nullable(entry.person_id),
                             nullable(entry.unit_id),
                             entry.payer_name,
                             std::int64_t{entry.anonymous ? 1 : 0},
                             entry.beneficiary,
                             entry.memo,
                             entry.reference,
                             nullable(entry.pledge_id),
                             nullable(entry.to_fund_id),
                             nullable(entry.reverses_id),
                             nullable(entry.receipt_number),
                             nullable(entry.statement_line_id),
                             nullable(entry.disbursement_id),
                             nullable(entry.recorded_by),
                             seconds_of(entry.recorded_at),
                             nullable(entry.approved_by),
                             nullable_instant(entry.approved_at)};
  TRY(connection_.execute(
      "INSERT INTO ledger_transactions (tenant_id, id, fund_id, kind, occurred_on, amount, "
      "method, payer_kind, person_id, unit_id, payer_name, anonymous, beneficiary, memo, "
      "reference, pledge_id, to_fund_id, reverses_id, receipt_number, statement_line_id, "
      "disbursement_id, recorded_by, recorded_at, approved_by, approved_at) VALUES ($1, $2, $3, "
      "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, "
      "$23, $24, $25)",
      params));
  std::int64_t line_no = 0;
  for (const LedgerLine& line : entry.lines) {
    const SqlValue values[] = {entry.tenant_id,
                               id,
                               ++line_no,
                               line.fund_id,
                               std::string(code_of(line.account)),
                               line.amount,
                               line.pledge_id == 0 ? SqlValue{} : SqlValue{line.pledge_id}};
    TRY(connection_.execute(
        "INSERT INTO ledger_lines (tenant_id, transaction_id, line_no, fund_id, account, amount, "
        "pledge_id) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        values));
  }
  return id;
}

Result<std::vector<LedgerEntry>> FundStore::read_entries(std::string_view where,
                                                         std::vector<SqlValue> params) {
  const std::string sql = fmt::format(
      "SELECT t.id, t.tenant_id, t.fund_id, t.kind, t.occurred_on, t.amount, t.method, "
      "t.payer_kind, t.person_id, t.unit_id, t.payer_name, t.anonymous, t.beneficiary, t.memo, "
      "t.reference, t.pledge_id, t.to_fund_id, t.reverses_id, t.receipt_number, "
      "t.statement_line_id, t.disbursement_id, t.recorded_by, t.recorded_at, t.approved_by, "
      "t.approved_at, r.id, ra.id, ra.login, rap.full_name, aa.id, aa.login, aap.full_name "
      "FROM ledger_transactions t "
      "LEFT JOIN ledger_transactions r ON r.tenant_id = t.tenant_id AND r.reverses_id = t.id"
      "{} {} WHERE {} ORDER BY t.id",
      account_join("ra", "t.recorded_by"), account_join("aa", "t.approved_by"), where);
  auto entries = query_all(connection_, sql, params, [](const SqlRow& row) {
    LedgerEntry entry;
    entry.id = row.integer(0);
    entry.tenant_id = row.integer(1);
    entry.fund_id = row.integer(2);
    entry.kind = parse_code<EntryKind>(row.text(3)).value_or(EntryKind::donation);
    entry.occurred_on = date_at(row, 4);
    entry.amount = row.integer(5);
    entry.method = optional_enum<PaymentMethod>(row, 6);
    entry.payer_kind = optional_enum<PayerKind>(row, 7);
    entry.person_id = optional_integer(row, 8);
    entry.unit_id = optional_integer(row, 9);
    entry.payer_name = row.text(10);
    entry.anonymous = row.integer(11) != 0;
    entry.beneficiary = row.text(12);
    entry.memo = row.text(13);
    entry.reference = row.text(14);
    entry.pledge_id = optional_integer(row, 15);
    entry.to_fund_id = optional_integer(row, 16);
    entry.reverses_id = optional_integer(row, 17);
    if (!row.is_null(18)) entry.receipt_number = row.text(18);
    entry.statement_line_id = optional_integer(row, 19);
    entry.disbursement_id = optional_integer(row, 20);
    entry.recorded_by = optional_integer(row, 21);
    entry.recorded_at = instant_of(row.integer(22));
    entry.approved_by = optional_integer(row, 23);
    entry.approved_at = optional_instant(row, 24);
    entry.reversed_by = optional_integer(row, 25);
    entry.recorder = account_at(row, 26).value_or(AccountName{});
    entry.approver = account_at(row, 29);
    return entry;
  });
  if (!entries) return std::unexpected(entries.error());
  if (entries->empty()) return entries;
  if (auto lines = read_lines(entries->front().tenant_id, *entries); !lines)
    return std::unexpected(lines.error());
  return entries;
}

Status FundStore::read_lines(Id tenant, std::vector<LedgerEntry>& entries) {
  std::map<Id, LedgerEntry*> by_id;
  for (LedgerEntry& entry : entries) by_id[entry.id] = &entry;
  // One query for the lot: the range of ids read, filtered to those asked for.
  const SqlValue params[] = {tenant, by_id.begin()->first, by_id.rbegin()->first};
  return connection_.query(
      "SELECT transaction_id, fund_id, account, amount, pledge_id FROM ledger_lines "
      "WHERE tenant_id = $1 AND transaction_id BETWEEN $2 AND $3 "
      "ORDER BY transaction_id, line_no",
      params, [&](const SqlRow& row) -> Status {
        auto entry = by_id.find(row.integer(0));
        if (entry == by_id.end()) return {};
        entry->second->lines.push_back(
            {row.integer(1), parse_code<LedgerAccount>(row.text(2)).value_or(LedgerAccount::cash),
             row.integer(3), row.is_null(4) ? 0 : row.integer(4)});
        return {};
      });
}

Result<std::optional<LedgerEntry>> FundStore::find_entry(Id tenant, Id id) {
  auto entries = TRY(read_entries("t.tenant_id = $1 AND t.id = $2", {tenant, id}));
  if (entries.empty()) return std::optional<LedgerEntry>{};
  return std::optional<LedgerEntry>(std::move(entries.front()));
}

Result<std::vector<LedgerEntry>> FundStore::entries(Id tenant, Id fund) {
  return read_entries("t.tenant_id = $1 AND (t.fund_id = $2 OR t.to_fund_id = $2)", {tenant, fund});
}

Result<std::vector<RecordedTransaction>> FundStore::all_transactions(Id tenant) {
  std::vector<RecordedTransaction> transactions;
  const SqlValue params[] = {tenant};
  // Transactions with their lines in one pass: a ledger of a million lines is read once.
  std::map<std::pair<Id, Id>, std::size_t> index;
  auto headers = connection_.query(
      "SELECT t.tenant_id, t.id, t.kind, t.amount, t.reverses_id FROM ledger_transactions t "
      "WHERE t.tenant_id = $1 ORDER BY t.id",
      params, [&](const SqlRow& row) -> Status {
        index[{row.integer(0), row.integer(1)}] = transactions.size();
        transactions.push_back({row.integer(1),
                                parse_code<EntryKind>(row.text(2)).value_or(EntryKind::donation),
                                row.integer(3),
                                row.is_null(4) ? 0 : row.integer(4),
                                {}});
        return {};
      });
  if (!headers) return std::unexpected(headers.error());
  // Lines whose transaction is missing are kept under a transaction of their own, so that the
  // check reports them as unbalanced instead of losing them.
  auto lines = connection_.query(
      "SELECT l.tenant_id, l.transaction_id, l.fund_id, l.account, l.amount, l.pledge_id FROM "
      "ledger_lines l WHERE l.tenant_id = $1 ORDER BY l.transaction_id, l.line_no",
      params, [&](const SqlRow& row) -> Status {
        const std::pair<Id, Id> key{row.integer(0), row.integer(1)};
        auto found = index.find(key);
        if (found == index.end()) {
          found = index.emplace(key, transactions.size()).first;
          transactions.push_back({key.second, EntryKind::donation, 0, 0, {}});
        }
        transactions[found->second].lines.push_back(
            {row.integer(2), parse_code<LedgerAccount>(row.text(3)).value_or(LedgerAccount::cash),
             row.integer(4), row.is_null(5) ? 0 : row.integer(5)});
        return {};
      });
  if (!lines) return std::unexpected(lines.error());
  return transactions;
}

Result<std::vector<Id>> FundStore::agencies_with_ledgers() {
  return query_all(connection_, "SELECT DISTINCT tenant_id FROM funds ORDER BY tenant_id", {},
                   [](const SqlRow& row) { return row.integer(0); });
}

Result<std::vector<Id>> FundStore::pledges_off_ledger(Id tenant) {
  // pledges_promised is credited by the pledge and debited back as it is paid or cancelled: what
  // stays credited is the unpaid part, between nothing and the promise, and nothing once
  // cancelled.
  const SqlValue params[] = {tenant};
  return query_all(
      connection_,
      "SELECT p.id FROM pledges p LEFT JOIN (SELECT pledge_id, CAST(SUM(amount) AS BIGINT) AS "
      "promised FROM "
      "ledger_lines WHERE tenant_id = $1 AND account = 'pledges_promised' GROUP BY pledge_id) l "
      "ON l.pledge_id = p.id WHERE p.tenant_id = $1 AND (COALESCE(l.promised, 0) > 0 OR "
      "-COALESCE(l.promised, 0) > p.amount OR (p.cancelled_at IS NOT NULL AND "
      "COALESCE(l.promised, 0) <> 0)) ORDER BY p.id",
      params, [](const SqlRow& row) { return row.integer(0); });
}

Result<std::vector<Id>> FundStore::approvals_without_payment(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(
      connection_,
      "SELECT d.id FROM disbursements d WHERE d.tenant_id = $1 AND d.status = 'approved' AND "
      "NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.tenant_id = d.tenant_id AND "
      "t.disbursement_id = d.id) ORDER BY d.id",
      params, [](const SqlRow& row) { return row.integer(0); });
}

Result<std::string> FundStore::next_receipt_number(Id tenant, int year) {
  auto number = TRY(reserve_ids(connection_, tenant, fmt::format("receipts-{}", year), 1));
  return fmt::format("PT-{}-{:04}", year, number);
}

// ---- reports --------------------------------------------------------------------------------

Result<std::vector<DonationTotal>> FundStore::year_totals(std::string_view select_key,
                                                          std::string_view from, Id tenant,
                                                          int year) {
  // Donations net of their reversals (a reversal is dated when it was made, and counts there);
  // disbursements likewise. Lines, not headers, so that a transfer's two sides land on two funds.
  const SqlValue params[] = {tenant, fmt::format("{:04}-01-01", year),
                             fmt::format("{:04}-12-31", year)};
  return query_all(
      connection_,
      fmt::format("SELECT {0}, CAST(SUM(CASE WHEN l.account = 'donations' THEN -l.amount ELSE 0 "
                  "END) AS BIGINT), CAST(SUM(CASE WHEN l.account = 'disbursements' THEN "
                  "l.amount ELSE 0 END) AS BIGINT) "
                  "FROM ledger_lines l JOIN ledger_transactions t ON t.tenant_id = l.tenant_id "
                  "AND t.id = l.transaction_id {1} WHERE l.tenant_id = $1 AND t.occurred_on "
                  "BETWEEN $2 AND $3 AND l.account IN ('donations', 'disbursements') "
                  "GROUP BY 1, 2 ORDER BY 3 DESC, 2",
                  select_key, from),
      params, [](const SqlRow& row) {
        return DonationTotal{row.is_null(0) ? 0 : row.integer(0), row.text(1), row.integer(2),
                             row.integer(3)};
      });
}

Result<std::vector<DonationTotal>> FundStore::year_by_organization(Id tenant, int year) {
  // A fund organized jointly counts in full for each of its organizers.
  return year_totals(
      "o.id, o.name",
      "JOIN fund_organizers fo ON fo.tenant_id = l.tenant_id AND fo.fund_id = l.fund_id "
      "JOIN organizations o ON o.tenant_id = fo.tenant_id AND o.id = fo.organization_id",
      tenant, year);
}

Result<std::vector<DonationTotal>> FundStore::year_by_unit(Id tenant, int year) {
  // The department a person belonged to when they gave (kept on the entry), or the giving
  // department; outside givers under no department. A reversal carries its original's unit.
  return year_totals("u.id, COALESCE(u.name, '')",
                     "LEFT JOIN units u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id", tenant,
                     year);
}

}  // namespace dk::store
