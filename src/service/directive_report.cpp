#include "service/directive_report.hpp"

#include <fmt/format.h>

#include "io/table_writer.hpp"
#include "service/temporary_file.hpp"

namespace dk::service {
namespace {

using Row = std::vector<io::Cell>;

std::string pick(std::string_view language, std::string_view vi, std::string_view en) {
  return std::string(language == "en" ? en : vi);
}

// "18/11/2026 08:30", Vietnam's wall clock, as a person reads it in the spreadsheet.
std::string wall_clock(Instant instant) {
  const CivilDate day = vietnam_date(instant);
  const auto since_midnight =
      instant + kVietnamOffset - std::chrono::floor<std::chrono::days>(instant + kVietnamOffset);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
  return fmt::format("{} {:02}:{:02}", format_vietnamese(day), minutes / 60, minutes % 60);
}

std::vector<Row> unit_rows(const DirectiveProgress& progress, std::string_view language) {
  auto l = [&](std::string_view vi, std::string_view en) { return pick(language, vi, en); };
  std::vector<Row> rows;
  rows.push_back({l("Phòng, ban", "Department"), l("Người nhận", "Recipients"), l("Đã đọc", "Read"),
                  l("Đã học tập", "Studied"), l("Tỷ lệ học tập (%)", "Studied (%)"),
                  l("Qua câu hỏi", "By the questions"), l("Dự buổi học tập", "At a study session"),
                  l("Chưa học tập", "Not studied")});
  auto counts = [](io::Cell first, const StudyCounts& c) {
    return Row{std::move(first),
               io::Cell::integer(c.people),
               io::Cell::integer(c.read),
               io::Cell::integer(c.studied),
               io::Cell::integer(share_percent(c.studied, c.people)),
               io::Cell::integer(c.by_answers),
               io::Cell::integer(c.by_attendance),
               io::Cell::integer(c.people - c.studied)};
  };
  for (const UnitStudy& unit : progress.units) {
    rows.push_back(counts(
        unit.unit_id ? unit.unit_name : l("(Chưa có phòng, ban)", "(No department)"), unit.counts));
  }
  rows.push_back(counts(l("Tổng số", "Total"), progress.total));
  return rows;
}

std::vector<Row> people_rows(const std::vector<DirectiveProgressRow>& people,
                             std::string_view language) {
  auto l = [&](std::string_view vi, std::string_view en) { return pick(language, vi, en); };
  auto when = [](const std::optional<Instant>& instant) {
    return instant ? io::Cell(wall_clock(*instant)) : io::Cell{};
  };
  std::vector<Row> rows;
  rows.push_back({l("Họ và tên", "Full name"), l("Phòng, ban", "Department"),
                  l("Đã đọc lúc", "Read at"), l("Đã học tập lúc", "Studied at"),
                  l("Cách học tập", "How"), l("Số lần nhắc", "Reminders")});
  for (const DirectiveProgressRow& person : people) {
    const auto study = studied(person);
    rows.push_back({person.full_name, person.unit_name, when(person.receipt.read_at),
                    when(study ? std::optional(study->at) : std::nullopt),
                    study ? io::Cell(std::string(label_of(study->how).in(language))) : io::Cell{},
                    io::Cell::integer(person.receipt.reminders)});
  }
  return rows;
}

}  // namespace

Result<ExportedFile> export_directive_progress(Connection& connection, const Actor& actor, Id id,
                                               DirectiveReport report, std::string_view language) {
  const auto follow_up = TRY(directive_progress(connection, actor, id));
  const auto rows = report == DirectiveReport::units ? unit_rows(follow_up.progress, language)
                                                     : people_rows(follow_up.people, language);
  auto temporary = TRY(TemporaryFile::create(".xlsx"));
  auto writer = TRY(io::make_xlsx_writer(temporary.path(),
                                         report == DirectiveReport::units
                                             ? pick(language, "Kết quả quán triệt", "Study results")
                                             : pick(language, "Danh sách", "People")));
  for (const Row& row : rows) TRY(writer->write_row(row));
  TRY(writer->finish());
  ExportedFile file;
  file.content = TRY(temporary.read());
  file.file_name = fmt::format("quan-triet-{}-{}.xlsx", id,
                               report == DirectiveReport::units ? "phong-ban" : "danh-sach");
  file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  file.rows = static_cast<std::int64_t>(rows.size()) - 1;
  return file;
}

}  // namespace dk::service
