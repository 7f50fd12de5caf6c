#include "service/contest_launch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "core/access.hpp"
#include "core/contest_draw.hpp"
#include "core/vietnamese_text.hpp"
#include "io/contest_file.hpp"
#include "io/contest_results_file.hpp"
#include "service/audit.hpp"
#include "service/contest_results.hpp"
#include "service/credentials.hpp"
#include "service/refusal.hpp"
#include "store/contest_attempt_store.hpp"
#include "store/contest_report_store.hpp"
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

Result<ContestFileDownload> export_contest_results(Connection& connection, const Actor& actor,
                                                   Id id) {
  // Closes the attempts left open past their deadline, so that they count; the figures follow.
  const ContestParticipation participation = TRY(contest_participation(connection, actor, id));
  io::ContestResultsFile file;
  const Status read = store::in_transaction(connection, [&]() -> Status {
    ContestView view = TRY(contest_run_by(connection, actor, id));
    if (view.contest.launched_from.empty()) {
      return fail(ErrorKind::conflict, "contest.not_launched",
                  "Cuộc thi này không do cấp trên phát động: không có nơi gửi kết quả lên.",
                  "This contest was not launched from above: there is nowhere to send results.");
    }
    file.contest_key = view.contest.launched_from;
    file.sender_key =
        TRY(store::ContestStore(connection).launch_key(actor.principal.tenant, id, random_token()));
    file.sent_by = TRY(sender_name(connection, view));
    file.people = participation.people_with_below;
    file.entrants = participation.entrants_with_below;
    for (const ParticipationGroup& group : participation.organizations)
      file.organizations.push_back(ReportedGroup{group.name, group.people, group.entrants});
    for (const ParticipationGroup& group : participation.below)
      file.organizations.push_back(ReportedGroup{group.name, group.people, group.entrants});
    store::ContestAttemptStore attempts(connection);
    for (const ContestRound& round : view.rounds) {
      io::ReportedRound reported{round.title, round.opens_at, question_count(round), {}};
      const auto real = TRY(attempts.perfect_count(round.tenant_id, round.id, reported.questions));
      for (const auto& line : TRY(attempts.leaderboard(
               round.tenant_id, round.id, real, std::numeric_limits<std::int64_t>::max(), 0))) {
        reported.entries.push_back(ReportedEntry{
            line.full_name, line.unit_name,
            line.organization.empty() ? file.sent_by : line.organization, line.entry.score,
            line.entry.prediction, line.entry.taken, line.entry.submitted_at});
      }
      file.rounds.push_back(std::move(reported));
    }
    return record_audit(connection, actor, "export_results", "contest", id, "{}");
  });
  if (!read) return std::unexpected(read.error());
  return ContestFileDownload{fmt::format("ket-qua-cuoc-thi-{}.doanket-results.json", id),
                             io::write_contest_results_file(file)};
}

Result<ResultsImportReport> import_contest_results(Connection& connection, const Actor& actor,
                                                   Id id, std::string_view content) {
  io::ContestResultsFile file = TRY(io::read_contest_results_file(content));
  return store::in_transaction(connection, [&]() -> Result<ResultsImportReport> {
    const ContestView view = TRY(contest_run_by(connection, actor, id));
    const auto key =
        TRY(store::ContestStore(connection).find_launch_key(actor.principal.tenant, id));
    if (!key || *key != file.contest_key || file.sender_key == *key) {
      return fail(ErrorKind::invalid_input, "contest.results_other_contest",
                  "Tệp kết quả này không trả lời cuộc thi này (không phải kết quả của tệp cuộc thi "
                  "đã gửi xuống từ đây).",
                  "These results do not answer this contest (they are not the results of the "
                  "contest file sent down from here).",
                  Location{0, "contest_key"});
    }
    store::NewReport report;
    report.tenant_id = actor.principal.tenant;
    report.contest_id = id;
    report.sender_key = file.sender_key;
    report.sent_by = normalize_text(file.sent_by);
    report.people = file.people;
    report.entrants = file.entrants;
    report.imported_at = actor.clock();
    report.groups = std::move(file.organizations);
    ResultsImportReport result;
    for (std::size_t i = 0; i < file.rounds.size(); ++i) {
      io::ReportedRound& reported = file.rounds[i];
      const auto round = std::ranges::find_if(view.rounds, [&](const ContestRound& mine) {
        return mine.title == normalize_text(reported.title) && mine.opens_at == reported.opens_at;
      });
      if (round == view.rounds.end()) {
        return fail(ErrorKind::invalid_input, "contest.results_round_unknown",
                    fmt::format("Cuộc thi không có vòng “{}” mở lúc đó.", reported.title),
                    fmt::format("The contest has no round “{}” opening then.", reported.title),
                    Location{0, fmt::format("rounds[{}]", i)});
      }
      if (question_count(*round) != reported.questions) {
        return fail(ErrorKind::invalid_input, "contest.results_round_differs",
                    fmt::format("Vòng “{}” ở đây có {} câu, tệp báo {} câu.", round->title,
                                question_count(*round), reported.questions),
                    fmt::format("Round “{}” has {} questions here; the file says {}.", round->title,
                                question_count(*round), reported.questions),
                    Location{0, fmt::format("rounds[{}].questions", i)});
      }
      result.entries += std::ssize(reported.entries);
      report.rounds.emplace_back(round->id, std::move(reported.entries));
    }
    result.sent_by = report.sent_by;
    result.rounds = std::ssize(report.rounds);
    result.replaced = TRY(store::ContestReportStore(connection).replace(report));
    TRY(record_audit(
        connection, actor, "import_results", "contest", id,
        fmt::format(R"({{"entries":{},"replaced":{}}})", result.entries, result.replaced)));
    return result;
  });
}

namespace {

// The system acting in another agency of this installation for the superior's officer: as an
// administrator there, named in the audit by address only (its accounts are not that agency's).
Actor in_agency(const Actor& actor, Id agency) {
  Actor system;
  system.principal.tenant = agency;
  system.principal.administrator = true;
  system.address = actor.address;
  system.clock = actor.clock;
  return system;
}

}  // namespace

Result<std::vector<LaunchedCopy>> launch_below(Connection& connection, const Actor& actor, Id id) {
  const ContestView view = TRY(
      store::in_read_snapshot(connection, [&] { return contest_run_by(connection, actor, id); }));
  if (!view.contest.organization_id) {
    return fail(ErrorKind::conflict, "contest.launch_needs_organization",
                "Chỉ cuộc thi của một tổ chức mới phát động xuống các tổ chức cấp dưới.",
                "Only an organization's contest is launched to the organizations below it.");
  }
  const auto below = TRY(
      store::RegistryStore(connection)
          .organizations_below_elsewhere(actor.principal.tenant, *view.contest.organization_id));
  if (below.empty()) return std::vector<LaunchedCopy>{};
  const ContestFileDownload file = TRY(export_contest_file(connection, actor, id));
  auto agencies = TRY(store::RegistryStore(connection).list_agencies());
  std::vector<LaunchedCopy> copies;
  for (const auto& [agency, organization] : below) {
    const auto imported = TRY(
        import_contest_file(connection, in_agency(actor, agency), {file.content, organization.id}));
    const auto named = std::ranges::find(agencies, agency, &Agency::id);
    copies.push_back(LaunchedCopy{agency, named == agencies.end() ? "" : named->name,
                                  organization.id, organization.name, imported.view.contest.id,
                                  imported.already});
  }
  TRY(store::in_transaction(connection, [&] {
    return record_audit(connection, actor, "launch_below", "contest", id,
                        fmt::format(R"({{"copies":{}}})", copies.size()));
  }));
  return copies;
}

Result<GatheredResults> gather_results_below(Connection& connection, const Actor& actor, Id id) {
  const auto read =
      store::in_read_snapshot(connection, [&]() -> Result<std::optional<std::string>> {
        TRY(contest_run_by(connection, actor, id));
        return store::ContestStore(connection).find_launch_key(actor.principal.tenant, id);
      });
  if (!read) return std::unexpected(read.error());
  const std::optional<std::string>& key = *read;
  GatheredResults gathered;
  if (!key) return gathered;
  const auto copies =
      TRY(store::ContestStore(connection).copies_elsewhere(actor.principal.tenant, *key));
  for (const auto& [agency, copy] : copies) {
    const auto results = TRY(export_contest_results(connection, in_agency(actor, agency), copy));
    const auto imported = TRY(import_contest_results(connection, actor, id, results.content));
    ++gathered.copies;
    gathered.entries += imported.entries;
  }
  return gathered;
}

}  // namespace dk::service
