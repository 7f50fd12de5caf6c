#include "store/contest_report_store.hpp"

#include "store/id_counter.hpp"
#include "store/row_values.hpp"

namespace dk::store {

Result<bool> ContestReportStore::replace(const NewReport& report) {
  const Id tenant = report.tenant_id;
  const SqlValue sender[] = {tenant, report.contest_id, report.sender_key};
  const auto earlier = TRY(query_integer(connection_,
                                         "SELECT id FROM contest_reports WHERE tenant_id = $1 AND "
                                         "contest_id = $2 AND sender_key = $3",
                                         sender));
  if (earlier) {
    const SqlValue entries[] = {tenant, *earlier};
    TRY(connection_.execute(
        "DELETE FROM contest_report_entries WHERE tenant_id = $1 AND report_id = $2", entries));
    const SqlValue old[] = {tenant, report.contest_id, *earlier};
    TRY(connection_.execute(
        "DELETE FROM contest_report_groups WHERE tenant_id = $1 AND contest_id = $2 AND "
        "report_id = $3",
        old));
    TRY(connection_.execute(
        "DELETE FROM contest_reports WHERE tenant_id = $1 AND contest_id = $2 AND id = $3", old));
  }
  const Id id = TRY(reserve_ids(connection_, tenant, "contest_reports", 1));
  const SqlValue row[] = {tenant,
                          report.contest_id,
                          id,
                          report.sender_key,
                          report.sent_by,
                          report.people,
                          report.entrants,
                          seconds_of(report.imported_at)};
  TRY(connection_.execute(
      "INSERT INTO contest_reports (tenant_id, contest_id, id, sender_key, sent_by, people, "
      "entrants, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      row));
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    const ReportedGroup& group = report.groups[i];
    const SqlValue values[] = {tenant,       report.contest_id, id, std::int64_t(i), group.name,
                               group.people, group.entrants};
    TRY(connection_.execute(
        "INSERT INTO contest_report_groups (tenant_id, contest_id, report_id, position, name, "
        "people, entrants) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        values));
  }
  std::int64_t count = 0;
  for (const auto& [round, entries] : report.rounds) count += std::ssize(entries);
  if (count == 0) return earlier.has_value();
  // Ids below zero (the table's CHECK), counted down from the reserved block.
  Id next = -TRY(reserve_ids(connection_, tenant, "contest_report_entries", count));
  std::size_t round = 0, at = 0;
  static constexpr std::string_view kColumns[] = {
      "tenant_id",    "round_id", "id",         "report_id",     "full_name",  "unit_name",
      "organization", "score",    "prediction", "taken_seconds", "finished_at"};
  TRY(connection_.bulk_insert(
      "contest_report_entries", kColumns, [&](std::vector<SqlValue>& values) -> Result<bool> {
        while (round < report.rounds.size() && at == report.rounds[round].second.size()) {
          ++round;
          at = 0;
        }
        if (round == report.rounds.size()) return false;
        const ReportedEntry& entry = report.rounds[round].second[at++];
        values = {tenant,
                  report.rounds[round].first,
                  next--,
                  id,
                  entry.full_name,
                  entry.unit_name,
                  entry.organization,
                  std::int64_t{entry.score},
                  nullable(entry.prediction),
                  static_cast<std::int64_t>(entry.taken.count()),
                  seconds_of(entry.submitted_at)};
        return true;
      }));
  return earlier.has_value();
}

Result<std::vector<ReportSummary>> ContestReportStore::reports(Id tenant, Id contest) {
  const SqlValue key[] = {tenant, contest};
  auto reports = TRY(query_all(
      connection_,
      "SELECT r.id, r.sent_by, r.imported_at, r.people, r.entrants, (SELECT count(*) FROM "
      "contest_report_entries e "
      "WHERE e.tenant_id = r.tenant_id AND e.report_id = r.id) FROM contest_reports r WHERE "
      "r.tenant_id = $1 AND r.contest_id = $2 ORDER BY r.sent_by, r.id",
      key, [](const SqlRow& row) {
        ReportSummary summary;
        summary.id = row.integer(0);
        summary.sent_by = row.text(1);
        summary.imported_at = instant_of(row.integer(2));
        summary.people = row.integer(3);
        summary.entrants = row.integer(4);
        summary.entries = row.integer(5);
        return summary;
      }));
  for (ReportSummary& report : reports) {
    const SqlValue of[] = {tenant, contest, report.id};
    report.groups = TRY(query_all(
        connection_,
        "SELECT name, people, entrants FROM contest_report_groups WHERE tenant_id = $1 AND "
        "contest_id = $2 AND report_id = $3 ORDER BY position",
        of, [](const SqlRow& row) {
          return ReportedGroup{row.text(0), row.integer(1), row.integer(2)};
        }));
  }
  return reports;
}

}  // namespace dk::store
