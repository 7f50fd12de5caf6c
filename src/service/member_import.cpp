#include "service/member_import.hpp"

#include <fmt/format.h>

#include <optional>
#include <system_error>
#include <thread>

#include "core/member_record.hpp"
#include "core/vietnamese_text.hpp"
#include "service/bounded_queue.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

// Marks a failed transaction that should roll back without being an error: the file had bad
// rows and the import is atomic, or it was a dry run.
constexpr std::string_view kRollBackOnPurpose = "import.rolled_back";

// Rows travel from the checking thread to the writing one in batches, so that the two threads
// meet once per batch rather than once per row; a few batches in flight keep memory flat.
constexpr size_t kBatchRows = 512;
constexpr size_t kBatchesInFlight = 8;

// Checked rows, ready to store; the last batch may carry the error that stopped the reading.
struct CheckedBatch {
  std::vector<store::StagedMember> rows;
  std::optional<Error> error;
};

// Reading, checking and normalising a row (NFC, dates, keys with ICU) costs about as much as
// storing it, and the machine has more than one core: one thread does the first while the
// caller's does the second. The checking thread owns the reader and the problems it finds until
// `finish` has joined it.
class CheckingThread {
 public:
  explicit CheckingThread(BoundedQueue<CheckedBatch>& queue) : queue_(queue) {}
  CheckingThread(const CheckingThread&) = delete;
  CheckingThread& operator=(const CheckingThread&) = delete;
  ~CheckingThread() { finish(); }

  template <class Work>
  Status start(Work&& work) {
    try {
      thread_ = std::thread(std::forward<Work>(work));
    } catch (const std::system_error& error) {
      return fail(ErrorKind::unavailable, "import.no_thread",
                  fmt::format("Không tạo được luồng xử lý: {}", error.what()),
                  fmt::format("Cannot start a worker thread: {}", error.what()));
    }
    return {};
  }

  // Stops the thread if it is still going (the writer gave up) and waits for it.
  void finish() {
    queue_.close();
    if (thread_.joinable()) thread_.join();
  }

 private:
  BoundedQueue<CheckedBatch>& queue_;
  std::thread thread_;
};

}  // namespace

Result<ImportReport> import_members(store::SqlConnection& connection, const ImportRequest& request,
                                    const Clock& clock) {
  // A workbook's list may sit behind a cover or an instructions sheet: the sheet read is the
  // first whose header names the columns.
  io::ReadOptions options = request.read_options;
  options.is_header = [](const std::vector<std::string>& cells) {
    return map_member_columns(cells).has_value();
  };
  auto reader = TRY(io::open_table(request.file, options));

  // The header is the first row that names the columns, within the first kHeaderSearchRows
  // lines with anything in them: offices put a title ("DANH SÁCH CÔNG ĐOÀN VIÊN …") and a
  // reference line above it, which are skipped with a note. Past them, the first line's problem
  // is the file's.
  constexpr int kMostTitleLines = io::kHeaderSearchRows;
  ImportReport report;
  report.sheet = reader->sheet_name();
  io::TableRow header;
  std::optional<MemberColumns> columns;
  std::optional<Error> first_problem;
  std::vector<std::uint64_t> title_lines;
  for (int looked = 0; !columns && looked < kMostTitleLines;) {
    auto more = TRY(reader->next(header));
    if (!more) break;
    if (is_blank_row(header.cells)) continue;
    ++looked;
    auto mapped = map_member_columns(header.cells);
    if (mapped) {
      columns = std::move(*mapped);
      break;
    }
    if (!first_problem) {
      first_problem = mapped.error();
      first_problem->where.line = header.line;
    }
    title_lines.push_back(header.line);
  }
  if (!columns) {
    if (first_problem) return std::unexpected(*first_problem);
    return fail(ErrorKind::invalid_input, "import.empty_file", "Tệp không có dòng nào.",
                "The file has no rows.");
  }
  for (const std::uint64_t line : title_lines) {
    report.skipped.push_back({line, "import.title_skipped",
                              Text{"Dòng tiêu đề phía trên danh sách, bỏ qua.",
                                   "A title line above the list; skipped."}});
  }

  store::RegistryStore registry(connection);
  std::optional<Id> organization_id;
  report.ignored_columns = columns->ignored;
  const CivilDate today = vietnam_date(clock());

  auto outcome = store::in_transaction(connection, [&]() -> Result<ImportCounts> {
    if (request.organization_code) {
      auto organization =
          TRY(registry.find_organization(request.tenant, *request.organization_code));
      if (!organization) {
        return fail(
            ErrorKind::not_found, "organization.not_found",
            fmt::format("Không có tổ chức mã “{}”.", *request.organization_code),
            fmt::format("There is no organization with code “{}”.", *request.organization_code));
      }
      organization_id = organization->id;
    }
    BoundedQueue<CheckedBatch> queue(kBatchesInFlight);
    CheckingThread checking(queue);
    auto started = checking.start([&] {
      io::TableRow row;
      CheckedBatch batch;
      for (;;) {
        auto more = reader->next(row);
        if (!more) {
          batch.error = more.error();
          break;
        }
        if (!*more) break;
        if (is_blank_row(row.cells)) continue;
        if (is_closing_line(row.cells)) {
          if (report.skipped.size() < kMaxReportedProblems) {
            report.skipped.push_back({row.line, "import.closing_skipped",
                                      Text{"Dòng tổng cộng hoặc chữ ký dưới danh sách, bỏ qua.",
                                           "A total or signature line under the list; skipped."}});
          }
          continue;
        }
        auto record = read_member_row(*columns, row.cells, row.line, today);
        if (!record) {
          ++report.rows_rejected;
          for (auto& problem : record.error()) {
            if (report.problems.size() < kMaxReportedProblems)
              report.problems.push_back(std::move(problem));
          }
          continue;
        }
        store::StagedMember& staged = batch.rows.emplace_back();
        staged.line = row.line;
        staged.person = std::move(record->person);
        staged.keys = person_name_keys(staged.person.full_name);
        staged.unit_name = std::move(record->unit_name);
        staged.joined_on = record->joined_on;
        staged.card_number = std::move(record->card_number);
        staged.status = record->status;
        if (batch.rows.size() == kBatchRows) {
          if (!queue.push(std::move(batch))) return;  // the writer gave up
          batch = CheckedBatch{};
        }
      }
      if (!batch.rows.empty() || batch.error) queue.push(std::move(batch));
      queue.close();
    });
    if (!started) return std::unexpected(started.error());

    std::optional<CheckedBatch> batch;
    size_t next = 0;
    auto counts = registry.import_members(request.tenant, organization_id,
                                          [&](store::StagedMember& staged) -> Result<bool> {
                                            for (;;) {
                                              if (batch && next < batch->rows.size()) {
                                                staged = std::move(batch->rows[next++]);
                                                return true;
                                              }
                                              if (batch && batch->error)
                                                return std::unexpected(*batch->error);
                                              batch = queue.pop();
                                              next = 0;
                                              if (!batch) return false;
                                            }
                                          });
    checking.finish();  // from here on, the report's problems are this thread's to read
    if (!counts) return counts;
    report.units_created = counts->units_created;
    const bool rejected =
        report.rows_rejected > 0 && request.invalid_rows == InvalidRows::reject_file;
    if (rejected || request.mode == ImportMode::dry_run) {
      report.counts = *counts;
      return fail(ErrorKind::invalid_input, std::string(kRollBackOnPurpose), "", "");
    }
    return counts;
  });
  if (!outcome) {
    if (outcome.error().code == kRollBackOnPurpose) return report;
    return std::unexpected(outcome.error());
  }
  report.counts = *outcome;
  report.written = true;
  return report;
}

}  // namespace dk::service
