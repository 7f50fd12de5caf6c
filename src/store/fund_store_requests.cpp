// FundStore: pledges (promised, paid through the ledger, cancelled) and disbursement requests
// (asked, approved or refused).

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/fund_store.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {

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
      fmt::format(
          "SELECT p.id, p.tenant_id, p.fund_id, p.person_id, p.payer_name, p.amount, "
          "p.pledged_on, p.note, p.created_by, p.cancelled_at, "
          "COALESCE((SELECT CAST(SUM(l.amount) AS BIGINT) FROM ledger_lines l WHERE l.tenant_id = "
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

}  // namespace dk::store
