#include "store/fund_store.hpp"

#include <fmt/format.h>

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk {
namespace {
constexpr CodeEntry<store::StatementLineStatus> kLineStatuses[] = {
    {store::StatementLineStatus::open, "open", "Chưa đối chiếu", "Not matched yet", "chua"},
    {store::StatementLineStatus::booked, "booked", "Đã ghi sổ", "Booked", "da ghi"},
    {store::StatementLineStatus::ignored, "ignored", "Bỏ qua", "Ignored", "bo qua"},
    {store::StatementLineStatus::money_out, "money_out", "Tiền ra", "Money out", "tien ra"},
};
}  // namespace

template <>
std::span<const CodeEntry<store::StatementLineStatus>> code_entries() {
  return kLineStatuses;
}

namespace store {
namespace {

CivilDate date_at(const SqlRow& row, int column) {
  return parse_civil_date(row.text(column)).value_or(CivilDate{1970, 1, 1});
}

SqlValue date_value(const CivilDate& date) {
  return format_iso(date);
}

SqlValue optional_date(const std::optional<CivilDate>& date) {
  if (!date) return std::monostate{};
  return format_iso(*date);
}

template <class Enum>
SqlValue optional_code(const std::optional<Enum>& value) {
  if (!value) return std::monostate{};
  return std::string(code_of(*value));
}

template <class Enum>
std::optional<Enum> optional_enum(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return parse_code<Enum>(row.text(column));
}

// An account's login and its person's name, from three columns starting at `column`.
std::optional<AccountName> account_at(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return AccountName{row.integer(column), row.text(column + 1), row.text(column + 2)};
}

// The columns account_at reads, for an account id column `id` joined as `alias`.
std::string account_join(std::string_view alias, std::string_view id_column) {
  return fmt::format(
      " LEFT JOIN accounts {0} ON {0}.tenant_id = t.tenant_id AND {0}.id = {1}"
      " LEFT JOIN persons {0}p ON {0}p.tenant_id = {0}.tenant_id AND {0}p.id = {0}.person_id",
      alias, id_column);
}

Status no_rows_changed(std::string_view what) {
  return fail(ErrorKind::not_found, "funds.not_found", fmt::format("Không tìm thấy {}.", what),
              fmt::format("No such {}.", what));
}

}  // namespace

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
                  "ORDER BY f.status, f.starts_on DESC, f.id DESC",
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

Result<std::map<Id, FundBalance>> FundStore::balances(Id tenant) {
  std::map<Id, FundBalance> result;
  const SqlValue params[] = {tenant};
  auto read = connection_.query(
      "SELECT fund_id, account, SUM(amount) FROM ledger_lines WHERE tenant_id = $1 "
      "GROUP BY fund_id, account",
      params, [&](const SqlRow& row) -> Status {
        if (auto account = parse_code<LedgerAccount>(row.text(1)))
          add_line(result[row.integer(0)], LedgerLine{row.integer(0), *account, row.integer(2)});
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return result;
}

Result<FundBalance> FundStore::balance(Id tenant, Id fund) {
  FundBalance result;
  const SqlValue params[] = {tenant, fund};
  auto read = connection_.query(
      "SELECT account, SUM(amount) FROM ledger_lines WHERE tenant_id = $1 AND fund_id = $2 "
      "GROUP BY account",
      params, [&](const SqlRow& row) -> Status {
        if (auto account = parse_code<LedgerAccount>(row.text(0)))
          add_line(result, LedgerLine{fund, *account, row.integer(1)});
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return result;
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
      "SELECT fund_id, SUM(amount) FROM disbursements WHERE tenant_id = $1 AND status = "
      "'pending' GROUP BY fund_id",
      params, [&](const SqlRow& row) -> Status {
        result[row.integer(0)] = row.integer(1);
        return {};
      });
  if (!read) return std::unexpected(read.error());
  return result;
}

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
      "SELECT p.id FROM pledges p LEFT JOIN (SELECT pledge_id, SUM(amount) AS promised FROM "
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

// ---- pledges --------------------------------------------------------------------------------

Result<Pledge> FundStore::create_pledge(const Pledge& pledge, Instant now) {
  auto id = reserve_ids(connection_, pledge.tenant_id, "pledges", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {pledge.tenant_id,
                             *id,
                             pledge.fund_id,
                             nullable(pledge.person_id),
                             pledge.payer_name,
                             pledge.amount,
                             date_value(pledge.pledged_on),
                             pledge.note,
                             nullable(pledge.created_by),
                             seconds_of(now)};
  TRY(connection_.execute(
      "INSERT INTO pledges (tenant_id, id, fund_id, person_id, payer_name, amount, pledged_on, "
      "note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      params));
  Pledge created = pledge;
  created.id = *id;
  return created;
}

Result<std::vector<Pledge>> FundStore::read_pledges(std::string_view where,
                                                    std::vector<SqlValue> params) {
  return query_all(
      connection_,
      fmt::format("SELECT p.id, p.tenant_id, p.fund_id, p.person_id, p.payer_name, p.amount, "
                  "p.pledged_on, p.note, p.created_by, p.cancelled_at, "
                  "COALESCE((SELECT SUM(l.amount) FROM ledger_lines l WHERE l.tenant_id = "
                  "p.tenant_id AND l.pledge_id = p.id AND l.account = 'pledges_receivable'), 0) "
                  "FROM pledges p WHERE {} ORDER BY p.id",
                  where),
      params, [](const SqlRow& row) {
        Pledge pledge;
        pledge.id = row.integer(0);
        pledge.tenant_id = row.integer(1);
        pledge.fund_id = row.integer(2);
        pledge.person_id = optional_integer(row, 3);
        pledge.payer_name = row.text(4);
        pledge.amount = row.integer(5);
        pledge.pledged_on = date_at(row, 6);
        pledge.note = row.text(7);
        pledge.created_by = optional_integer(row, 8);
        pledge.cancelled = !row.is_null(9);
        pledge.outstanding = row.integer(10);
        return pledge;
      });
}

Result<std::optional<Pledge>> FundStore::find_pledge(Id tenant, Id id) {
  auto pledges = TRY(read_pledges("p.tenant_id = $1 AND p.id = $2", {tenant, id}));
  if (pledges.empty()) return std::optional<Pledge>{};
  return std::optional<Pledge>(std::move(pledges.front()));
}

Result<std::vector<Pledge>> FundStore::pledges(Id tenant, Id fund, std::optional<Id> person) {
  if (person)
    return read_pledges("p.tenant_id = $1 AND p.fund_id = $2 AND p.person_id = $3",
                        {tenant, fund, *person});
  return read_pledges("p.tenant_id = $1 AND p.fund_id = $2", {tenant, fund});
}

Result<std::optional<LedgerEntry>> FundStore::pledge_entry(Id tenant, Id pledge) {
  auto entries =
      read_entries("t.tenant_id = $1 AND t.kind = 'pledge' AND t.pledge_id = $2", {tenant, pledge});
  if (!entries) return std::unexpected(entries.error());
  if (entries->empty()) return std::optional<LedgerEntry>{};
  return std::optional<LedgerEntry>(std::move(entries->front()));
}

Status FundStore::cancel_pledge(Id tenant, Id id, Instant now) {
  const SqlValue params[] = {tenant, id, seconds_of(now)};
  auto updated = TRY(connection_.execute(
      "UPDATE pledges SET cancelled_at = $3 WHERE tenant_id = $1 AND id = $2 AND cancelled_at IS "
      "NULL",
      params));
  if (updated == 0) return no_rows_changed("đăng ký ủng hộ");
  return {};
}

// ---- disbursements --------------------------------------------------------------------------

Result<Disbursement> FundStore::create_disbursement(const Disbursement& request) {
  auto id = reserve_ids(connection_, request.tenant_id, "disbursements", 1);
  if (!id) return std::unexpected(id.error());
  const SqlValue params[] = {request.tenant_id,
                             *id,
                             request.fund_id,
                             request.amount,
                             std::string(code_of(request.method)),
                             request.beneficiary,
                             request.purpose,
                             date_value(request.paid_on),
                             request.requested_by,
                             seconds_of(request.requested_at)};
  TRY(connection_.execute(
      "INSERT INTO disbursements (tenant_id, id, fund_id, amount, method, beneficiary, purpose, "
      "paid_on, status, requested_by, requested_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
      params));
  Disbursement created = request;
  created.id = *id;
  created.status = DisbursementStatus::pending;
  return created;
}

Result<std::vector<Disbursement>> FundStore::read_disbursements(std::string_view where,
                                                                std::vector<SqlValue> params) {
  return query_all(
      connection_,
      fmt::format("SELECT t.id, t.tenant_id, t.fund_id, t.amount, t.method, t.beneficiary, "
                  "t.purpose, t.paid_on, t.status, t.requested_by, t.requested_at, "
                  "t.decided_by, t.decided_at, t.reason, t.transaction_id, f.name, "
                  "qa.id, qa.login, qap.full_name, da.id, da.login, dap.full_name "
                  "FROM disbursements t JOIN funds f ON f.tenant_id = t.tenant_id AND f.id = "
                  "t.fund_id{}{} WHERE {} ORDER BY t.id DESC",
                  account_join("qa", "t.requested_by"), account_join("da", "t.decided_by"), where),
      params, [](const SqlRow& row) {
        Disbursement request;
        request.id = row.integer(0);
        request.tenant_id = row.integer(1);
        request.fund_id = row.integer(2);
        request.amount = row.integer(3);
        request.method = parse_code<PaymentMethod>(row.text(4)).value_or(PaymentMethod::cash);
        request.beneficiary = row.text(5);
        request.purpose = row.text(6);
        request.paid_on = date_at(row, 7);
        request.status =
            parse_code<DisbursementStatus>(row.text(8)).value_or(DisbursementStatus::pending);
        request.requested_by = row.integer(9);
        request.requested_at = instant_of(row.integer(10));
        request.decided_by = optional_integer(row, 11);
        request.decided_at = optional_instant(row, 12);
        request.reason = row.text(13);
        request.transaction_id = optional_integer(row, 14);
        request.fund_name = row.text(15);
        request.requester = account_at(row, 16).value_or(AccountName{});
        request.decider = account_at(row, 19);
        return request;
      });
}

Result<std::optional<Disbursement>> FundStore::find_disbursement(Id tenant, Id id) {
  auto found = TRY(read_disbursements("t.tenant_id = $1 AND t.id = $2", {tenant, id}));
  if (found.empty()) return std::optional<Disbursement>{};
  return std::optional<Disbursement>(std::move(found.front()));
}

Result<std::vector<Disbursement>> FundStore::disbursements(Id tenant,
                                                           std::optional<DisbursementStatus> status,
                                                           std::optional<Id> fund) {
  std::string where = "t.tenant_id = $1";
  // Room for every parameter up front (as in PlanStore::list: g++ 12 at -O3).
  std::vector<SqlValue> params;
  params.reserve(3);
  params.emplace_back(tenant);
  if (status) {
    params.emplace_back(std::string(code_of(*status)));
    where += fmt::format(" AND t.status = ${}", params.size());
  }
  if (fund) {
    params.emplace_back(*fund);
    where += fmt::format(" AND t.fund_id = ${}", params.size());
  }
  return read_disbursements(where, std::move(params));
}

Result<bool> FundStore::decide_disbursement(Id tenant, Id id, DisbursementStatus decision,
                                            Id by_account, const std::string& reason,
                                            std::optional<Id> transaction, Instant now) {
  const SqlValue params[] = {tenant,         id,     std::string(code_of(decision)),
                             by_account,     reason, nullable(transaction),
                             seconds_of(now)};
  auto updated = TRY(connection_.execute(
      "UPDATE disbursements SET status = $3, decided_by = $4, reason = $5, transaction_id = $6, "
      "decided_at = $7 WHERE tenant_id = $1 AND id = $2 AND status = 'pending'",
      params));
  return updated == 1;
}

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
      fmt::format("SELECT {0}, SUM(CASE WHEN l.account = 'donations' THEN -l.amount ELSE 0 END), "
                  "SUM(CASE WHEN l.account = 'disbursements' THEN l.amount ELSE 0 END) "
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

Result<std::vector<DonationTotal>> FundStore::year_by_fund(Id tenant, int year) {
  return year_totals("f.id, f.name",
                     "JOIN funds f ON f.tenant_id = l.tenant_id AND f.id = l.fund_id", tenant,
                     year);
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

}  // namespace store
}  // namespace dk
