#include "service/contests.hpp"

#include <fmt/format.h>

#include "core/contest_bank_row.hpp"
#include "core/member_record.hpp"
#include "core/vietnamese_text.hpp"
#include "io/table_reader.hpp"
#include "io/table_writer.hpp"
#include "service/audit.hpp"
#include "service/member_import.hpp"
#include "service/refusal.hpp"
#include "service/temporary_file.hpp"
#include "store/contest_attempt_store.hpp"
#include "store/contest_round_store.hpp"
#include "store/contest_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

std::unexpected<Error> contest_not_found(Id id) {
  return fail(ErrorKind::not_found, "contest.not_found",
              fmt::format("Không có cuộc thi số {}.", id),
              fmt::format("There is no contest {}.", id));
}

Result<ContestView> view_of(Connection& connection, const Actor& actor,
                            store::ContestSummary summary) {
  store::ContestStore contests(connection);
  ContestView view;
  view.may_run = may_address_members(actor.principal, summary.contest.organization_id);
  view.may_enter = actor.principal.person_id != 0 &&
                   TRY(contests.in_audience(summary.contest, actor.principal.person_id));
  if (!view.may_run && !view.may_enter) return view;
  view.topics = TRY(contests.topics(summary.contest.tenant_id, summary.contest.id));
  view.rounds = TRY(store::ContestRoundStore(connection)
                        .of_contest(summary.contest.tenant_id, summary.contest.id));
  view.questions = summary.questions;
  view.organization_name = std::move(summary.organization_name);
  view.contest = std::move(summary.contest);
  return view;
}

// The contest for one who runs it or may enter it.
Result<ContestView> visible_to(Connection& connection, const Actor& actor, Id id) {
  auto found = TRY(store::ContestStore(connection).find(actor.principal.tenant, id));
  if (!found) return contest_not_found(id);
  auto view = TRY(view_of(connection, actor, std::move(*found)));
  if (!view.may_run && !view.may_enter) return contest_not_found(id);
  return view;
}

}  // namespace

Result<ContestView> contest_run_by(Connection& connection, const Actor& actor, Id id) {
  auto view = TRY(visible_to(connection, actor, id));
  if (!view.may_run) return contest_not_found(id);
  return view;
}

Result<ContestView> contest_visible_to(Connection& connection, const Actor& actor, Id id) {
  return visible_to(connection, actor, id);
}

namespace {

// Reads the whole file: the bank's questions, or every problem of its rows.
Result<std::vector<ContestQuestion>> read_bank(const std::filesystem::path& path,
                                               BankImportReport& report) {
  io::ReadOptions options;
  options.is_header = is_bank_header;
  options.deadline = std::chrono::steady_clock::now() + io::kUploadReadTime;
  auto reader = TRY(io::open_table(path, options));
  io::TableRow row;
  std::optional<BankColumns> columns;
  // The header may sit under a title ("NGÂN HÀNG CÂU HỎI CUỘC THI …").
  for (int looked = 0; !columns && looked < io::kHeaderSearchRows;) {
    if (!TRY(reader->next(row))) break;
    if (is_blank_row(row.cells)) continue;
    ++looked;
    if (is_bank_header(row.cells)) columns = TRY(map_bank_columns(row.cells));
  }
  if (!columns) {
    return fail(ErrorKind::invalid_input, "contest.bank_no_header",
                "Không thấy dòng tiêu đề có cột “Câu hỏi” và “Đáp án”.",
                "No header row with a “Câu hỏi” (question) and an “Đáp án” (answer) column.",
                Location{1, ""});
  }
  std::vector<ContestQuestion> questions;
  while (TRY(reader->next(row))) {
    if (is_blank_row(row.cells)) continue;
    ++report.rows;
    if (report.rows > static_cast<std::int64_t>(kMaxBankQuestions)) {
      return fail(ErrorKind::invalid_input, "contest.bank_too_large",
                  fmt::format("Ngân hàng có tối đa {} câu hỏi.", kMaxBankQuestions),
                  fmt::format("A bank holds at most {} questions.", kMaxBankQuestions),
                  Location{row.line, ""});
    }
    auto question = read_bank_row(*columns, row.cells, row.line);
    if (!question) {
      for (Error& problem : question.error())
        if (report.problems.size() < kMaxReportedProblems)
          report.problems.push_back(std::move(problem));
      continue;
    }
    ++report.accepted;
    ++report.topics[question->topic];
    questions.push_back(std::move(*question));
  }
  return questions;
}

Status no_such(std::string field) {
  return fail(ErrorKind::invalid_input, "contest.audience_not_found",
              "Không có tổ chức hoặc phòng ban này trong cơ quan.",
              "There is no such organization or department in the agency.",
              Location{0, std::move(field)});
}

// The organization running it and those of its audience are the agency's own; its departments
// are.
Status check_organizations(Connection& connection, const Contest& contest) {
  store::RegistryStore registry(connection);
  if (contest.organization_id) {
    auto organization =
        TRY(registry.find_organization_by_id(contest.tenant_id, *contest.organization_id));
    if (!organization || organization->external) {
      return fail(ErrorKind::invalid_input, "organization.not_found",
                  "Không có tổ chức này trong cơ quan.", "There is no such organization.",
                  Location{0, "organization_id"});
    }
  }
  for (std::size_t i = 0; i < contest.audience.ids.size(); ++i) {
    const Id id = contest.audience.ids[i];
    const std::string field = fmt::format("audience_ids[{}]", i);
    if (contest.audience.scope == AudienceScope::organizations) {
      auto organization = TRY(registry.find_organization_by_id(contest.tenant_id, id));
      if (!organization || organization->external) return no_such(field);
    } else if (!TRY(registry.find_unit_by_id(contest.tenant_id, id))) {
      return no_such(field);
    }
  }
  return {};
}

}  // namespace

Result<ContestView> create_contest(Connection& connection, const Actor& actor, Contest contest) {
  contest.tenant_id = actor.principal.tenant;
  contest.title = normalize_text(contest.title);
  contest.description = normalize_text(contest.description);
  contest.prediction_question = normalize_text(contest.prediction_question);
  TRY(validate_contest(contest));
  if (!may_address_members(actor.principal, contest.organization_id)) return refuse();
  store::ContestStore contests(connection);
  return store::in_transaction(connection, [&]() -> Result<ContestView> {
    TRY(check_organizations(connection, contest));
    contest.created_by = actor.principal.account_id;
    contest.created_at = actor.clock();
    const Contest stored = TRY(contests.create(contest));
    TRY(record_audit(connection, actor, "create", "contest", stored.id, "{}"));
    return contest_run_by(connection, actor, stored.id);
  });
}

Result<std::vector<ContestView>> list_contests(Connection& connection, const Actor& actor) {
  store::ContestStore contests(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<ContestView>> {
    std::vector<ContestView> views;
    for (auto& summary : TRY(contests.list(actor.principal.tenant))) {
      auto view = TRY(view_of(connection, actor, std::move(summary)));
      if (view.may_run || view.may_enter) views.push_back(std::move(view));
    }
    return views;
  });
}

Result<ContestView> read_contest(Connection& connection, const Actor& actor, Id id) {
  return store::in_read_snapshot(connection, [&] { return visible_to(connection, actor, id); });
}

Result<ContestView> add_round(Connection& connection, const Actor& actor, Id contest,
                              ContestRound round) {
  round.tenant_id = actor.principal.tenant;
  round.contest_id = contest;
  round.title = normalize_text(round.title);
  for (TopicQuota& quota : round.quotas) quota.topic = normalize_text(quota.topic);
  TRY(validate_round(round));
  return store::in_transaction(connection, [&]() -> Result<ContestView> {
    TRY(contest_run_by(connection, actor, contest));
    const auto bank = TRY(store::ContestStore(connection).questions(round.tenant_id, contest));
    TRY(check_quotas(bank, round.quotas));
    const ContestRound stored = TRY(store::ContestRoundStore(connection).create(round));
    TRY(record_audit(connection, actor, "add_round", "contest", contest,
                     fmt::format(R"({{"round":{}}})", stored.id)));
    return contest_run_by(connection, actor, contest);
  });
}

Result<BankImportReport> import_question_bank(Connection& connection, const Actor& actor, Id id,
                                              const BankImport& upload) {
  store::ContestStore contests(connection);
  TRY(store::in_read_snapshot(connection, [&] { return contest_run_by(connection, actor, id); }));
  auto file = TRY(TemporaryFile::holding(upload.content, ""));
  BankImportReport report;
  auto questions = TRY(read_bank(file.path(), report));
  if (!report.problems.empty() || upload.mode == BankImportMode::preview) return report;
  const Status written = store::in_transaction(connection, [&]() -> Status {
    TRY(contest_run_by(connection, actor, id));
    if (upload.mode == BankImportMode::replace) {
      if (TRY(store::ContestAttemptStore(connection).any_in_contest(actor.principal.tenant, id))) {
        return fail(ErrorKind::conflict, "contest.bank_in_use",
                    "Đã có người dự thi: chỉ có thể bổ sung câu hỏi, không thay toàn bộ.",
                    "People have entered already: questions may be added, not replaced.",
                    Location{0, "mode"});
      }
      TRY(contests.clear_questions(actor.principal.tenant, id));
    }
    const auto added =
        TRY(contests.add_questions(actor.principal.tenant, id, std::move(questions)));
    return record_audit(connection, actor, "import_bank", "contest", id,
                        fmt::format(R"({{"questions":{},"replace":{}}})", added.size(),
                                    upload.mode == BankImportMode::replace));
  });
  if (!written) return std::unexpected(written.error());
  report.written = true;
  return report;
}

Result<BankFile> export_question_bank(Connection& connection, const Actor& actor, Id id) {
  store::ContestStore contests(connection);
  std::vector<ContestQuestion> bank;
  const Status read = store::in_read_snapshot(connection, [&]() -> Status {
    TRY(contest_run_by(connection, actor, id));
    bank = TRY(contests.questions(actor.principal.tenant, id));
    return {};
  });
  if (!read) return std::unexpected(read.error());
  auto file = TRY(TemporaryFile::create(".xlsx"));
  auto writer = TRY(io::make_xlsx_writer(file.path(), "Ngân hàng câu hỏi"));
  std::vector<io::Cell> cells;
  for (const std::string& header : bank_header()) cells.emplace_back(header);
  TRY(writer->write_row(cells));
  for (std::size_t i = 0; i < bank.size(); ++i) {
    cells.clear();
    for (std::string& text : bank_row(bank[i], i + 1)) cells.emplace_back(std::move(text));
    TRY(writer->write_row(cells));
  }
  TRY(writer->finish());
  return BankFile{fmt::format("ngan-hang-cau-hoi-{}.xlsx", id), TRY(file.read())};
}

}  // namespace dk::service
