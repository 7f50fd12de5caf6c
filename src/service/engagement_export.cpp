#include "service/engagement_export.hpp"

#include <fmt/format.h>

#include <cmath>

#include "io/table_writer.hpp"
#include "service/temporary_file.hpp"

namespace dk::service {
namespace {

using Row = std::vector<io::Cell>;

// A rate as a Vietnamese spreadsheet shows it: one decimal after a comma, empty when undefined.
io::Cell rate(const std::optional<double>& value) {
  if (!value) return {};
  std::string text = fmt::format("{:.1f}", *value);
  for (char& c : text)
    if (c == '.') c = ',';
  return text;
}

io::Cell share(const std::optional<double>& value) {
  return value ? rate(*value * 100) : io::Cell{};
}

std::string_view pick(std::string_view language, std::string_view vi, std::string_view en) {
  return language == "en" ? en : vi;
}

Row measure_headers(std::string_view language) {
  auto l = [&](std::string_view vi, std::string_view en) {
    return std::string(pick(language, vi, en));
  };
  return {l("Thành viên", "Members"),
          l("Đã tham gia", "Took part"),
          l("Tỷ lệ tham gia (%)", "Participation (%)"),
          l("Từ 3 lần", "Three times or more"),
          l("Nòng cốt (từ 6 lần)", "Core (six or more)"),
          l("Chưa tham gia", "Never took part"),
          l("Lượt tham gia", "Attendances"),
          l("Lượt được mời, bắt buộc", "Expected"),
          l("Tỷ lệ có mặt (%)", "Attendance rate (%)"),
          l("Năm trước có, năm nay chưa", "Lapsed"),
          l("Lâu không tham gia", "Gone quiet"),
          l("Phòng ban đã đến", "Departments reached"),
          l("Phòng ban có thành viên", "Departments with members"),
          l("Hệ số Gini", "Gini coefficient"),
          l("10% tích cực nhất chiếm (% lượt)", "Top tenth's share (%)"),
          l("Đã tham gia năm trước", "Took part last year")};
}

Row measure_cells(const EngagementMeasures& m, const EngagementMeasures& previous,
                  bool with_expected) {
  return {io::Cell::integer(m.members),
          io::Cell::integer(m.reached),
          rate(percent_of(m.reached, m.members)),
          io::Cell::integer(m.repeat),
          io::Cell::integer(m.core),
          io::Cell::integer(m.members - m.reached),
          io::Cell::integer(m.attended),
          with_expected ? io::Cell::integer(m.expected) : io::Cell{},
          with_expected ? rate(percent_of(m.attended, m.expected)) : io::Cell{},
          io::Cell::integer(m.lapsed),
          io::Cell::integer(m.gone_quiet),
          io::Cell::integer(m.units_reached),
          io::Cell::integer(m.units_with_members),
          m.gini ? io::Cell(fmt::format("{:.3f}", *m.gini)) : io::Cell{},
          share(m.top_tenth_share),
          io::Cell::integer(previous.reached)};
}

std::vector<Row> table_rows(const EngagementOverview& overview, EngagementTable table,
                            bool with_expected, std::string_view language) {
  std::vector<Row> rows;
  auto with_first = [](io::Cell first, Row rest) {
    rest.insert(rest.begin(), std::move(first));
    return rest;
  };
  switch (table) {
    case EngagementTable::organizations:
      rows.push_back(with_first(std::string(pick(language, "Tổ chức", "Organization")),
                                measure_headers(language)));
      for (const auto& organization : overview.organizations) {
        rows.push_back(
            with_first(organization.name,
                       measure_cells(organization.year, organization.previous, with_expected)));
      }
      rows.push_back(
          with_first(std::string(pick(language, "Tổng cộng", "Total")),
                     measure_cells(overview.total, overview.total_previous, with_expected)));
      break;
    case EngagementTable::kinds:
      rows.push_back(with_first(std::string(pick(language, "Loại hoạt động", "Kind")),
                                measure_headers(language)));
      for (const auto& kind : overview.kinds) {
        rows.push_back(with_first(std::string(label_of(kind.kind).in(language)),
                                  measure_cells(kind.year, kind.previous, false)));
      }
      break;
    case EngagementTable::units: {
      Row header{std::string(pick(language, "Phòng, ban", "Department")),
                 std::string(pick(language, "Thành viên", "Members")),
                 std::string(pick(language, "Đã tham gia", "Took part"))};
      for (std::size_t kind = 0; kind < kKindCount; ++kind)
        header.emplace_back(std::string(label_of(static_cast<ActivityKind>(kind)).in(language)));
      rows.push_back(std::move(header));
      for (const auto& unit : overview.units) {
        Row row{unit.unit_id == 0
                    ? std::string(pick(language, "Chưa xếp phòng, ban", "No department"))
                    : unit.name,
                io::Cell::integer(unit.members), io::Cell::integer(unit.reached)};
        for (std::int64_t reached : unit.reached_by_kind) row.push_back(io::Cell::integer(reached));
        rows.push_back(std::move(row));
      }
      break;
    }
    case EngagementTable::months: {
      Row header{std::string(pick(language, "Tổ chức", "Organization"))};
      for (int month = 1; month <= 12; ++month)
        header.emplace_back(fmt::format("{} {}", pick(language, "Tháng", "Month"), month));
      rows.push_back(std::move(header));
      for (const auto& organization : overview.organizations) {
        Row row{organization.name};
        for (std::int64_t reached : organization.year.reached_in_month)
          row.push_back(io::Cell::integer(reached));
        rows.push_back(std::move(row));
      }
      break;
    }
  }
  return rows;
}

std::string_view table_name(EngagementTable table, std::string_view language) {
  switch (table) {
    case EngagementTable::organizations:
      return pick(language, "to-chuc", "organizations");
    case EngagementTable::kinds:
      return pick(language, "loai-hoat-dong", "kinds");
    case EngagementTable::units:
      return pick(language, "phong-ban", "departments");
    case EngagementTable::months:
      return pick(language, "theo-thang", "months");
  }
  return "";
}

}  // namespace

Result<ExportedFile> export_engagement(Connection& connection, const Actor& actor,
                                       const EngagementQuery& query, EngagementTable table,
                                       std::string_view language) {
  const EngagementOverview overview = TRY(engagement_overview(connection, actor, query));
  const auto rows = table_rows(overview, table, !query.kind, language);
  auto temporary = TRY(TemporaryFile::create(".xlsx"));
  auto writer = TRY(io::make_xlsx_writer(
      temporary.path(),
      fmt::format("{} {}", pick(language, "Tham gia", "Engagement"), query.year)));
  for (const Row& row : rows) TRY(writer->write_row(row));
  TRY(writer->finish());
  ExportedFile file;
  file.content = TRY(temporary.read());
  file.file_name = fmt::format("{}-{}-{}.xlsx", pick(language, "muc-do-tham-gia", "engagement"),
                               table_name(table, language), query.year);
  file.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  file.rows = static_cast<std::int64_t>(rows.size()) - 1;
  return file;
}

}  // namespace dk::service
