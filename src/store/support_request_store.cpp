#include "store/support_request_store.hpp"

#include <fmt/format.h>

#include "store/fund_rows.hpp"
#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

SqlValue flag(bool value) {
  return std::int64_t{value ? 1 : 0};
}

}  // namespace

Result<SupportRequest> SupportRequestStore::create(const SupportRequest& request) {
  const Id id = TRY(reserve_ids(connection_, request.tenant_id, "support_requests", 1));
  const SqlValue params[] = {request.tenant_id,
                             id,
                             request.organization_id,
                             nullable(request.activity_id),
                             nullable(request.programme_id),
                             request.title,
                             request.description,
                             nullable(request.needs.amount),
                             flag(request.needs.venue),
                             flag(request.needs.time_off),
                             flag(request.needs.transport),
                             request.requested_by,
                             seconds_of(request.requested_at)};
  TRY(connection_.execute(
      "INSERT INTO support_requests (tenant_id, id, organization_id, activity_id, programme_id, "
      "title, description, amount, venue, time_off, transport, status, requested_by, "
      "requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13)",
      params));
  SupportRequest created = request;
  created.id = id;
  created.status = SupportStatus::pending;
  return created;
}

Result<std::vector<SupportRequestRecord>> SupportRequestStore::read(std::string_view where,
                                                                    std::vector<SqlValue> params) {
  return query_all(
      connection_,
      fmt::format(
          "SELECT t.id, t.tenant_id, t.organization_id, t.activity_id, t.programme_id, t.title, "
          "t.description, t.amount, t.venue, t.time_off, t.transport, t.status, t.requested_by, "
          "t.requested_at, t.decided_by, t.decided_at, t.approved_amount, t.reason, o.name, "
          "COALESCE(a.title, ''), COALESCE(p.title, ''), qa.id, qa.login, qap.full_name, da.id, "
          "da.login, dap.full_name FROM support_requests t JOIN organizations o ON o.tenant_id = "
          "t.tenant_id AND o.id = t.organization_id LEFT JOIN activities a ON a.tenant_id = "
          "t.tenant_id AND a.id = t.activity_id LEFT JOIN programmes p ON p.tenant_id = "
          "t.tenant_id AND p.id = t.programme_id{}{} WHERE {} ORDER BY t.requested_at DESC, t.id "
          "DESC",
          account_join("qa", "t.requested_by"), account_join("da", "t.decided_by"), where),
      params, [](const SqlRow& row) {
        SupportRequestRecord read;
        SupportRequest& request = read.request;
        request.id = row.integer(0);
        request.tenant_id = row.integer(1);
        request.organization_id = row.integer(2);
        request.activity_id = optional_integer(row, 3);
        request.programme_id = optional_integer(row, 4);
        request.title = row.text(5);
        request.description = row.text(6);
        request.needs.amount = optional_integer(row, 7);
        request.needs.venue = row.integer(8) != 0;
        request.needs.time_off = row.integer(9) != 0;
        request.needs.transport = row.integer(10) != 0;
        request.status = parse_code<SupportStatus>(row.text(11)).value_or(SupportStatus::pending);
        request.requested_by = row.integer(12);
        request.requested_at = instant_of(row.integer(13));
        request.decided_by = optional_integer(row, 14);
        request.decided_at = optional_instant(row, 15);
        request.approved_amount = optional_integer(row, 16);
        request.reason = row.text(17);
        read.organization_name = row.text(18);
        read.activity_title = row.text(19);
        read.programme_title = row.text(20);
        read.requester = account_at(row, 21).value_or(AccountName{});
        read.decider = account_at(row, 24);
        return read;
      });
}

Result<std::optional<SupportRequestRecord>> SupportRequestStore::find(Id tenant, Id id) {
  auto found = TRY(read("t.tenant_id = $1 AND t.id = $2", {tenant, id}));
  if (found.empty()) return std::optional<SupportRequestRecord>{};
  return std::optional<SupportRequestRecord>(std::move(found.front()));
}

Result<std::vector<SupportRequestRecord>> SupportRequestStore::list(
    Id tenant, const SupportRequestQuery& filter, const std::optional<std::vector<Id>>& within) {
  if (within && within->empty()) return std::vector<SupportRequestRecord>{};
  // Room for every parameter up front (as in PlanStore::list: g++ 12 at -O3).
  std::vector<SqlValue> params;
  params.reserve(4 + (within ? within->size() : 0));
  params.emplace_back(tenant);
  std::string where = "t.tenant_id = $1";
  if (filter.status) {
    params.emplace_back(std::string(code_of(*filter.status)));
    where += fmt::format(" AND t.status = ${}", params.size());
  }
  if (filter.organization) {
    params.emplace_back(*filter.organization);
    where += fmt::format(" AND t.organization_id = ${}", params.size());
  }
  if (filter.activity) {
    params.emplace_back(*filter.activity);
    where += fmt::format(" AND t.activity_id = ${}", params.size());
  }
  if (within) {
    std::string placeholders;
    for (Id organization : *within) {
      params.emplace_back(organization);
      placeholders += fmt::format("{}${}", placeholders.empty() ? "" : ", ", params.size());
    }
    where += fmt::format(" AND t.organization_id IN ({})", placeholders);
  }
  return read(where, std::move(params));
}

Result<std::optional<Id>> SupportRequestStore::programme_organization(Id tenant, Id programme) {
  const SqlValue params[] = {tenant, programme};
  return query_integer(connection_,
                       "SELECT p.organization_id FROM programmes g JOIN plans p ON p.tenant_id = "
                       "g.tenant_id AND p.id = g.plan_id WHERE g.tenant_id = $1 AND g.id = $2",
                       params);
}

Result<bool> SupportRequestStore::close(const SupportRequest& closed) {
  const SqlValue params[] = {closed.tenant_id,
                             closed.id,
                             std::string(code_of(closed.status)),
                             nullable(closed.decided_by),
                             nullable_instant(closed.decided_at),
                             nullable(closed.approved_amount),
                             closed.reason};
  const auto updated = TRY(connection_.execute(
      "UPDATE support_requests SET status = $3, decided_by = $4, decided_at = $5, "
      "approved_amount = $6, reason = $7 WHERE tenant_id = $1 AND id = $2 AND status = "
      "'pending'",
      params));
  return updated == 1;
}

}  // namespace dk::store
