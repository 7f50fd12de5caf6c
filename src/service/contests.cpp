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

Result<ContestView> view_of(store::ContestStore& contests, const Actor& actor,
                            store::ContestSummary summary) {
  ContestView view;
  view.may_run = may_address_members(actor.principal, summary.contest.organization_id);
  view.topics = TRY(contests.topics(summary.contest.tenant_id, summary.contest.id));
  view.questions = summary.questions;
  view.organization_name = std::move(summary.organization_name);
  view.contest = std::move(summary.contest);
  return view;
}

// The contest for one who runs it: its bank holds the answers.
Result<ContestView> run_by(store::ContestStore& contests, const Actor& actor, Id id) {
  auto found = TRY(contests.find(actor.principal.tenant, id));
  if (!found) return contest_not_found(id);
  auto view = TRY(view_of(contests, actor, std::move(*found)));
  if (!view.may_run) return contest_not_found(id);
  return view;
}

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
    if (contest.organization_id) {
      auto organization =
          TRY(store::RegistryStore(connection)
                  .find_organization_by_id(contest.tenant_id, *contest.organization_id));
      if (!organization || organization->external) {
        return fail(ErrorKind::invalid_input, "organization.not_found",
                    "Không có tổ chức này trong cơ quan.", "There is no such organization.",
                    Location{0, "organization_id"});
      }
    }
    contest.created_by = actor.principal.account_id;
    contest.created_at = actor.clock();
    const Contest stored = TRY(contests.create(contest));
    TRY(record_audit(connection, actor, "create", "contest", stored.id, "{}"));
    return run_by(contests, actor, stored.id);
  });
}

Result<std::vector<ContestView>> list_contests(Connection& connection, const Actor& actor) {
  store::ContestStore contests(connection);
  return store::in_read_snapshot(connection, [&]() -> Result<std::vector<ContestView>> {
    std::vector<ContestView> views;
    for (auto& summary : TRY(contests.list(actor.principal.tenant))) {
      auto view = TRY(view_of(contests, actor, std::move(summary)));
      if (view.may_run) views.push_back(std::move(view));
    }
    return views;
  });
}

Result<ContestView> read_contest(Connection& connection, const Actor& actor, Id id) {
  store::ContestStore contests(connection);
  return store::in_read_snapshot(connection, [&] { return run_by(contests, actor, id); });
}

Result<BankImportReport> import_question_bank(Connection& connection, const Actor& actor, Id id,
                                              const BankImport& upload) {
  store::ContestStore contests(connection);
  TRY(store::in_read_snapshot(connection, [&] { return run_by(contests, actor, id); }));
  auto file = TRY(TemporaryFile::holding(upload.content, ""));
  BankImportReport report;
  auto questions = TRY(read_bank(file.path(), report));
  if (!report.problems.empty() || upload.mode == BankImportMode::preview) return report;
  const Status written = store::in_transaction(connection, [&]() -> Status {
    TRY(run_by(contests, actor, id));
    if (upload.mode == BankImportMode::replace)
      TRY(contests.clear_questions(actor.principal.tenant, id));
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
    TRY(run_by(contests, actor, id));
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
