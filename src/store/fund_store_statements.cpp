// FundStore: imported bank statements and their lines, each matched to a donation or set aside.

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/fund_store.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {

// ---- bank statements ------------------------------------------------------------------------

Result<BankStatement> FundStore::create_statement(Id tenant, const std::string& file_name,
                                                  std::optional<Id> by_account, Instant now) {
  auto id = reserve_ids(connection_, tenant, "bank_statements", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {tenant, *id, file_name, nullable(by_account), seconds_of(now)};
  TRY(connection_.execute(
      "INSERT INTO bank_statements (tenant_id, id, file_name, imported_by, imported_at, lines, "
      "new_lines) VALUES ($1, $2, $3, $4, $5, 0, 0)",
      params));
  BankStatement statement;
  statement.id = *id;
  statement.file_name = file_name;
  statement.imported_by = by_account;
  statement.imported_at = now;
  return statement;
}

Result<bool> FundStore::add_statement_line(Id tenant, const BankStatementLine& line) {
  auto id = TRY(reserve_ids(connection_, tenant, "bank_statement_lines", 1));
  const SqlValue params[] = {tenant,
                             id,
                             line.statement_id,
                             line.line_no,
                             date_value(line.booked_on),
                             line.amount,
                             line.reference,
                             line.counterparty,
                             line.bank_reference,
                             line.fingerprint,
                             std::string(code_of(line.status))};
  // The bank's number, with the date and amount (a fee may share it), names the same transfer
  // in an export whose note reads differently; the fingerprint covers exports without it.
  if (!line.bank_reference.empty()) {
    const SqlValue same[] = {tenant, line.bank_reference, format_iso(line.booked_on), line.amount};
    auto known = TRY(query_integer(
        connection_,
        "SELECT COUNT(*) FROM bank_statement_lines WHERE tenant_id = $1 AND bank_reference = $2 "
        "AND booked_on = $3 AND amount = $4",
        same));
    if (known.value_or(0) > 0) return false;
  }
  auto inserted = TRY(connection_.execute(
      "INSERT INTO bank_statement_lines (tenant_id, id, statement_id, line_no, booked_on, "
      "amount, reference, counterparty, bank_reference, fingerprint, status) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT (tenant_id, fingerprint) DO NOTHING",
      params));
  return inserted == 1;
}

Status FundStore::set_statement_counts(Id tenant, Id statement, std::int64_t lines,
                                       std::int64_t new_lines) {
  const SqlValue params[] = {tenant, statement, lines, new_lines};
  TRY(connection_.execute(
      "UPDATE bank_statements SET lines = $3, new_lines = $4 WHERE tenant_id = $1 AND id = $2",
      params));
  return {};
}

Result<std::vector<BankStatement>> FundStore::statements(Id tenant) {
  const SqlValue params[] = {tenant};
  return query_all(
      connection_,
      "SELECT t.id, t.file_name, t.imported_by, t.imported_at, t.lines, t.new_lines, "
      "(SELECT COUNT(*) FROM bank_statement_lines l WHERE l.tenant_id = t.tenant_id AND "
      "l.statement_id = t.id AND l.status = 'open'), ia.id, ia.login, iap.full_name "
      "FROM bank_statements t" +
          account_join("ia", "t.imported_by") + " WHERE t.tenant_id = $1 ORDER BY t.id DESC",
      params, [](const SqlRow& row) {
        BankStatement statement;
        statement.id = row.integer(0);
        statement.file_name = row.text(1);
        statement.imported_by = optional_integer(row, 2);
        statement.imported_at = instant_of(row.integer(3));
        statement.lines = row.integer(4);
        statement.new_lines = row.integer(5);
        statement.open_lines = row.integer(6);
        statement.importer = account_at(row, 7).value_or(AccountName{});
        return statement;
      });
}

Result<std::vector<BankStatementLine>> FundStore::read_statement_lines(
    std::string_view where, std::vector<SqlValue> params) {
  return query_all(
      connection_,
      fmt::format("SELECT id, statement_id, line_no, booked_on, amount, reference, counterparty, "
                  "bank_reference, fingerprint, status, transaction_id, note "
                  "FROM bank_statement_lines WHERE {} ORDER BY line_no, id",
                  where),
      params, [](const SqlRow& row) {
        BankStatementLine line;
        line.id = row.integer(0);
        line.statement_id = row.integer(1);
        line.line_no = row.integer(2);
        line.booked_on = date_at(row, 3);
        line.amount = row.integer(4);
        line.reference = row.text(5);
        line.counterparty = row.text(6);
        line.bank_reference = row.text(7);
        line.fingerprint = row.text(8);
        line.status =
            parse_code<StatementLineStatus>(row.text(9)).value_or(StatementLineStatus::open);
        line.transaction_id = optional_integer(row, 10);
        line.note = row.text(11);
        return line;
      });
}

Result<std::vector<BankStatementLine>> FundStore::statement_lines(Id tenant, Id statement) {
  return read_statement_lines("tenant_id = $1 AND statement_id = $2", {tenant, statement});
}

Result<std::optional<BankStatementLine>> FundStore::find_statement_line(Id tenant, Id id) {
  auto lines = TRY(read_statement_lines("tenant_id = $1 AND id = $2", {tenant, id}));
  if (lines.empty()) return std::optional<BankStatementLine>{};
  return std::optional<BankStatementLine>(std::move(lines.front()));
}

Result<bool> FundStore::set_line_status(Id tenant, Id id, StatementLineStatus from,
                                        StatementLineStatus to, std::optional<Id> transaction,
                                        const std::string& note) {
  const SqlValue params[] = {
      tenant, id, std::string(code_of(from)), std::string(code_of(to)), nullable(transaction),
      note};
  auto updated = TRY(connection_.execute(
      "UPDATE bank_statement_lines SET status = $4, transaction_id = $5, note = $6 "
      "WHERE tenant_id = $1 AND id = $2 AND status = $3",
      params));
  return updated == 1;
}

}  // namespace dk::store
