#include "service/support_requests.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/vietnamese_text.hpp"
#include "service/audit.hpp"
#include "service/refusal.hpp"
#include "store/activity_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"
#include "store/support_request_store.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> request_not_found(Id id) {
  return fail(ErrorKind::not_found, "support.not_found",
              fmt::format("Không có đề xuất hỗ trợ số {}.", id),
              fmt::format("There is no support request {}.", id));
}

SupportRequestView view_of(const Actor& actor, SupportRequestRecord record) {
  const bool pending = record.request.status == SupportStatus::pending;
  const Id organization = record.request.organization_id;
  return SupportRequestView{std::move(record), pending && may_decide_support(actor.principal),
                            pending && may_ask_support(actor.principal, organization)};
}

// The request as its reader may see it: one they may not read is "not found", so that ids do not
// tell an officer what other organizations asked.
Result<SupportRequestRecord> readable_request(store::SupportRequestStore& requests,
                                              const Actor& actor, Id id) {
  auto found = TRY(requests.find(actor.principal.tenant, id));
  if (!found) return request_not_found(id);
  if (!may_read_support(actor.principal, found->request.organization_id)) {
    if (!may_decide_support(actor.principal) && !actor.principal.is_officer()) return refuse();
    return request_not_found(id);
  }
  return std::move(*found);
}

// The activity belongs to the organization (one of its organizers), or the programme to the
// organization's plan.
Status check_target(store::SqlConnection& connection, const SupportRequest& request) {
  if (request.activity_id) {
    auto activity =
        TRY(store::ActivityStore(connection).find(request.tenant_id, *request.activity_id));
    if (!activity) {
      return fail(ErrorKind::invalid_input, "activity.not_found",
                  fmt::format("Không có hoạt động mang mã {}.", *request.activity_id),
                  fmt::format("There is no activity {}.", *request.activity_id),
                  Location{0, "activity_id"});
    }
    const auto& organizers = activity->activity.organizer_ids;
    if (std::ranges::find(organizers, request.organization_id) == organizers.end()) {
      return fail(ErrorKind::invalid_input, "support.activity_not_organized",
                  "Tổ chức chỉ đề xuất hỗ trợ cho hoạt động do mình tổ chức.",
                  "An organization asks for support for the activities it organizes only.",
                  Location{0, "activity_id"});
    }
  }
  if (request.programme_id) {
    auto owner = TRY(store::SupportRequestStore(connection)
                         .programme_organization(request.tenant_id, *request.programme_id));
    if (!owner) {
      return fail(ErrorKind::invalid_input, "programme.not_found",
                  fmt::format("Không có chương trình mang mã {}.", *request.programme_id),
                  fmt::format("There is no programme {}.", *request.programme_id),
                  Location{0, "programme_id"});
    }
    if (*owner != request.organization_id) {
      return fail(ErrorKind::invalid_input, "support.programme_not_theirs",
                  "Chương trình này thuộc kế hoạch của tổ chức khác.",
                  "This programme belongs to another organization's plan.",
                  Location{0, "programme_id"});
    }
  }
  return {};
}

std::unexpected<Error> closed_meanwhile() {
  return fail(ErrorKind::conflict, "support.not_pending",
              "Đề xuất này vừa được người khác xử lý; hãy tải lại để xem.",
              "Someone else has just dealt with this request; reload to see it.");
}

std::string amount_json(const std::optional<Dong>& amount) {
  return amount ? std::to_string(*amount) : "null";
}

}  // namespace

Result<SupportRequestView> ask_for_support(store::SqlConnection& connection, const Actor& actor,
                                           SupportRequest request) {
  request.tenant_id = actor.principal.tenant;
  request.title = normalize_text(request.title);
  request.description = normalize_text(request.description);
  TRY(validate_support_request(request));
  if (!may_ask_support(actor.principal, request.organization_id)) return refuse();
  auto organization = TRY(store::RegistryStore(connection)
                              .find_organization_by_id(request.tenant_id, request.organization_id));
  if (!organization || organization->external) {
    return fail(ErrorKind::invalid_input, "organization.not_found",
                fmt::format("Không có tổ chức mang mã {} trong cơ quan.", request.organization_id),
                fmt::format("There is no organization {} in the agency.", request.organization_id),
                Location{0, "organization_id"});
  }
  store::SupportRequestStore requests(connection);
  return store::in_transaction(connection, [&]() -> Result<SupportRequestView> {
    TRY(check_target(connection, request));
    request.requested_by = actor.principal.account_id;
    request.requested_at = actor.clock();
    request.decided_by.reset();
    request.decided_at.reset();
    request.approved_amount.reset();
    request.reason.clear();
    auto created = TRY(requests.create(request));
    TRY(record_audit(connection, actor, "create", "support_request", created.id,
                     fmt::format(R"({{"organization_id":{},"amount":{}}})", created.organization_id,
                                 amount_json(created.needs.amount))));
    auto reread = TRY(readable_request(requests, actor, created.id));
    return view_of(actor, std::move(reread));
  });
}

Result<SupportRequestList> list_support_requests(store::SqlConnection& connection,
                                                 const Actor& actor,
                                                 const SupportRequestQuery& query) {
  std::optional<std::vector<Id>> within;
  if (!may_decide_support(actor.principal)) {
    if (!actor.principal.is_officer()) return refuse();
    within = actor.principal.officer_of;
  }
  store::SupportRequestStore requests(connection);
  auto records = TRY(requests.list(actor.principal.tenant, query, within));
  SupportRequestList list;
  std::vector<SupportRequest> rows;
  rows.reserve(records.size());
  for (SupportRequestRecord& record : records) {
    rows.push_back(record.request);
    list.items.push_back(view_of(actor, std::move(record)));
  }
  list.totals = TRY(total_support(rows));
  return list;
}

Result<SupportRequestView> read_support_request(store::SqlConnection& connection,
                                                const Actor& actor, Id id) {
  store::SupportRequestStore requests(connection);
  auto record = TRY(readable_request(requests, actor, id));
  return view_of(actor, std::move(record));
}

Result<SupportRequestView> decide_support_request(store::SqlConnection& connection,
                                                  const Actor& actor, Id id,
                                                  SupportDecision decision,
                                                  std::optional<Dong> partial_amount,
                                                  std::string reason) {
  if (!may_decide_support(actor.principal)) return refuse();
  store::SupportRequestStore requests(connection);
  return store::in_transaction(connection, [&]() -> Result<SupportRequestView> {
    auto record = TRY(readable_request(requests, actor, id));
    auto decided = TRY(dk::decide_support_request(std::move(record.request), decision,
                                                  partial_amount, normalize_text(reason)));
    decided.decided_by = actor.principal.account_id;
    decided.decided_at = actor.clock();
    const bool written = TRY(requests.close(decided));
    // Another leader decided in the meantime: their decision stands.
    if (!written) return closed_meanwhile();
    TRY(record_audit(connection, actor, "decide", "support_request", id,
                     fmt::format(R"({{"decision":"{}","approved_amount":{}}})", code_of(decision),
                                 amount_json(decided.approved_amount))));
    auto reread = TRY(readable_request(requests, actor, id));
    return view_of(actor, std::move(reread));
  });
}

Result<SupportRequestView> withdraw_support_request(store::SqlConnection& connection,
                                                    const Actor& actor, Id id) {
  store::SupportRequestStore requests(connection);
  return store::in_transaction(connection, [&]() -> Result<SupportRequestView> {
    auto record = TRY(readable_request(requests, actor, id));
    if (!may_ask_support(actor.principal, record.request.organization_id)) return refuse();
    SupportRequest closed = std::move(record.request);
    const auto not_pending = [&] {
      return fail(ErrorKind::conflict, "support.not_pending",
                  fmt::format("Đề xuất này đã ở trạng thái “{}”, không rút được nữa.",
                              label_of(closed.status).vi),
                  fmt::format("This request is already “{}” and can no longer be withdrawn.",
                              label_of(closed.status).en));
    };
    if (closed.status != SupportStatus::pending) return not_pending();
    closed.status = SupportStatus::withdrawn;
    closed.decided_by = actor.principal.account_id;
    closed.decided_at = actor.clock();
    const bool written = TRY(requests.close(closed));
    if (!written) return closed_meanwhile();
    TRY(record_audit(connection, actor, "withdraw", "support_request", id, "{}"));
    auto reread = TRY(readable_request(requests, actor, id));
    return view_of(actor, std::move(reread));
  });
}

}  // namespace dk::service
