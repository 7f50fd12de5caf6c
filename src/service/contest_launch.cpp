#include "service/contest_launch.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/access.hpp"
#include "core/contest_draw.hpp"
#include "core/vietnamese_text.hpp"
#include "io/contest_file.hpp"
#include "service/audit.hpp"
#include "service/credentials.hpp"
#include "service/refusal.hpp"
#include "store/contest_round_store.hpp"
#include "store/contest_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// "Công đoàn Sở Tư pháp — Sở Tư pháp Hà Tĩnh", or the agency alone for its own contest.
Result<std::string> sender_name(Connection& connection, const ContestView& view) {
  auto agencies = TRY(store::RegistryStore(connection).list_agencies());
  const auto agency = std::ranges::find(agencies, view.contest.tenant_id, &Agency::id);
  const std::string agency_name = agency == agencies.end() ? "" : agency->name;
  if (view.organization_name.empty()) return agency_name;
  if (agency_name.empty()) return view.organization_name;
  return fmt::format("{} — {}", view.organization_name, agency_name);
}

}  // namespace

Result<ContestFileDownload> export_contest_file(Connection& connection, const Actor& actor, Id id) {
  io::ContestFile file;
  const Status read = store::in_transaction(connection, [&]() -> Status {
    ContestView view = TRY(contest_run_by(connection, actor, id));
    store::ContestStore contests(connection);
    file.key = TRY(contests.launch_key(actor.principal.tenant, id, random_token()));
    file.launched_by = TRY(sender_name(connection, view));
    file.questions = TRY(contests.questions(actor.principal.tenant, id));
    file.rounds = std::move(view.rounds);
    file.contest = std::move(view.contest);
    return record_audit(connection, actor, "export_file", "contest", id, "{}");
  });
  if (!read) return std::unexpected(read.error());
  if (file.questions.empty()) {
    return fail(ErrorKind::conflict, "contest.bank_empty",
                "Ngân hàng câu hỏi còn trống: hãy nhập câu hỏi trước khi gửi cuộc thi xuống.",
                "The question bank is empty: import questions before sending the contest down.");
  }
  return ContestFileDownload{fmt::format("cuoc-thi-{}.doanket-contest.json", id),
                             io::write_contest_file(file)};
}

namespace {

// The copy the agency made before of the contest whose key is `key`, if any.
Result<std::optional<ImportedContest>> earlier_copy(Connection& connection, const Actor& actor,
                                                    const std::string& key) {
  const auto copy = TRY(store::ContestStore(connection).copy_of(actor.principal.tenant, key));
  if (!copy) return std::nullopt;
  return ImportedContest{TRY(contest_visible_to(connection, actor, *copy)), true};
}

}  // namespace

Result<ImportedContest> import_contest_file(Connection& connection, const Actor& actor,
                                            const ContestFileUpload& upload) {
  if (!may_address_members(actor.principal, upload.organization_id)) return refuse();
  io::ContestFile file = TRY(io::read_contest_file(upload.content));
  file.contest.title = normalize_text(file.contest.title);
  for (ContestQuestion& question : file.questions) question.topic = normalize_text(question.topic);
  for (std::size_t i = 0; i < file.rounds.size(); ++i) {
    for (TopicQuota& quota : file.rounds[i].quotas) quota.topic = normalize_text(quota.topic);
    if (auto fits = check_quotas(file.questions, file.rounds[i].quotas); !fits) {
      Error error = std::move(fits).error();
      error.where.field = fmt::format("rounds[{}].{}", i, error.where.field);
      return std::unexpected(std::move(error));
    }
  }
  Contest contest = std::move(file.contest);
  contest.organization_id = upload.organization_id;
  contest.audience = default_audience(upload.organization_id);
  contest.launched_from = file.key;
  contest.launched_by = file.launched_by;
  auto imported = store::in_transaction(connection, [&]() -> Result<ImportedContest> {
    if (auto before = TRY(earlier_copy(connection, actor, file.key))) return std::move(*before);
    ContestView made = TRY(create_contest(connection, actor, contest));
    const Id id = made.contest.id;
    TRY(store::ContestStore(connection)
            .add_questions(actor.principal.tenant, id, std::move(file.questions)));
    store::ContestRoundStore rounds(connection);
    for (ContestRound& round : file.rounds) {
      round.tenant_id = actor.principal.tenant;
      round.contest_id = id;
      TRY(rounds.create(std::move(round)));
    }
    TRY(record_audit(connection, actor, "import_file", "contest", id,
                     fmt::format(R"({{"rounds":{}}})", file.rounds.size())));
    return ImportedContest{TRY(contest_run_by(connection, actor, id)), false};
  });
  // Two imports of one file at once: the unique key lets one through; the other finds it.
  if (!imported && imported.error().kind == ErrorKind::conflict) {
    auto before = store::in_read_snapshot(
        connection, [&] { return earlier_copy(connection, actor, file.key); });
    if (before && *before) return std::move(**before);
  }
  return imported;
}

}  // namespace dk::service
