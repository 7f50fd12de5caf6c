// Emulation benchmark (issue 18): a province-sized year. For each SIZE, an organization of the
// first SIZE people of the agency, spread over UNITS departments (the collectives), every member
// reviewed (one in eleven with distinction and an initiative, one in thirteen only completing their
// tasks, one in seventeen reprimanded), every department rated, the council's votes on each
// candidate for Chiến sĩ thi đua cơ sở; then, through the use cases the web service calls, the
// officer's view of the year with the rules' live proposal (median of 3) and the proposal kept
// (the evaluation and its outcome rows written), beside a plain scan of the same members in the
// same run (median of 3). Prints the times, the time per 10,000 people and the ratio to the scan,
// and the proposal's counts per title.
//   emulation_load TARGET UNITS SIZE...
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "service/emulation.hpp"
#include "service/organizations.hpp"
#include "store/sql.hpp"

namespace {

using namespace dk;
using Steady = std::chrono::steady_clock;

[[noreturn]] void die(const Error& error) {
  fmt::print(stderr, "{}: {}\n", error.code, error.message.en);
  std::exit(1);
}

template <class T>
T must(Result<T> result) {
  if (!result) die(result.error());
  return std::move(*result);
}

void must(const Status& status) {
  if (!status) die(status.error());
}

void run(store::SqlConnection& connection, std::string_view sql,
         std::vector<store::SqlValue> params = {}) {
  if (auto done = connection.execute(sql, params); !done) die(done.error());
}

std::int64_t integer(store::SqlConnection& connection, std::string_view sql,
                     std::vector<store::SqlValue> params = {}) {
  return must(store::query_integer(connection, sql, params)).value_or(0);
}

template <class Work>
double seconds(Work&& work) {
  const auto start = Steady::now();
  work();
  return std::chrono::duration<double>(Steady::now() - start).count();
}

template <class Work>
double median_of_3(Work&& work) {
  std::vector<double> times;
  for (int i = 0; i < 3; ++i) times.push_back(seconds(work));
  std::ranges::sort(times);
  return times[1];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    fmt::print(stderr, "usage: emulation_load TARGET UNITS SIZE...\n");
    return 2;
  }
  auto connection = must(store::open_database(argv[1]));
  const std::int64_t units = std::atoll(argv[2]);
  const Id tenant = 1;
  service::Actor admin;
  admin.principal.tenant = tenant;
  admin.principal.account_id = 1;
  admin.principal.administrator = true;
  admin.address = "127.0.0.1";
  const int year = vietnam_date(admin.clock()).year;

  // The departments, one after the other (their ids follow each other), and the people spread
  // over them.
  const Id first_unit = integer(
      *connection, "SELECT COALESCE(max(id), 0) + 1 FROM units WHERE tenant_id = $1", {tenant});
  for (std::int64_t u = 0; u < units; ++u) {
    must(service::create_unit(
        *connection, admin, Unit{0, fmt::format("B{:05}", u), fmt::format("Bộ phận số {:05}", u)}));
  }
  run(*connection, "UPDATE persons SET unit_id = $2 + (id % $3) WHERE tenant_id = $1",
      {tenant, first_unit, units});
  const std::int64_t people =
      integer(*connection, "SELECT count(*) FROM persons WHERE tenant_id = $1", {tenant});
  fmt::print("people in the agency: {}, departments: {}, year {}\n", people, units, year);

  for (int a = 3; a < argc; ++a) {
    const std::int64_t size = std::atoll(argv[a]);
    const Organization organization =
        must(service::create_organization(*connection, admin,
                                          Organization{0,
                                                       fmt::format("E{}", size),
                                                       fmt::format("Công đoàn thử {}", size),
                                                       OrganizationKind::trade_union,
                                                       {},
                                                       false}));
    const Id org = organization.id;
    const std::int64_t last_id = integer(
        *connection, "SELECT COALESCE(max(id), 0) FROM memberships WHERE tenant_id = $1", {tenant});
    must(store::in_transaction(*connection, [&]() -> Status {
      run(*connection,
          "INSERT INTO memberships (tenant_id, id, person_id, organization_id, joined_on, status) "
          "SELECT tenant_id, $2 + id, id, $3, '2020-01-01', 'active' FROM persons WHERE tenant_id "
          "= $1 AND id IN (SELECT id FROM persons WHERE tenant_id = $1 ORDER BY id LIMIT $4)",
          {tenant, last_id, org, size});
      run(*connection,
          "INSERT INTO emulation_years (tenant_id, organization_id, year, stage, council_members) "
          "VALUES ($1, $2, $3, 'open', 9)",
          {tenant, org, std::int64_t{year}});
      run(*connection,
          "INSERT INTO emulation_people (tenant_id, organization_id, year, person_id, rating, "
          "absence_days, discipline, initiative, reviewed_by, reviewed_at) SELECT tenant_id, $2, "
          "$3, person_id, CASE WHEN person_id % 11 = 3 THEN 'excellent' WHEN person_id % 13 = 6 "
          "THEN 'completed' ELSE 'good' END, person_id % 5, CASE WHEN person_id % 17 = 9 THEN "
          "'reprimand' ELSE 'none' END, CASE WHEN person_id % 11 = 3 THEN 1 ELSE 0 END, 1, 0 FROM "
          "memberships WHERE tenant_id = $1 AND organization_id = $2",
          {tenant, org, std::int64_t{year}});
      run(*connection,
          "INSERT INTO emulation_units (tenant_id, organization_id, year, unit_id, rating) SELECT "
          "tenant_id, $2, $3, id, CASE WHEN id % 3 = 0 THEN 'excellent' ELSE 'good' END FROM "
          "units WHERE tenant_id = $1 AND id >= $4",
          {tenant, org, std::int64_t{year}, first_unit});
      run(*connection,
          "INSERT INTO emulation_votes (tenant_id, organization_id, year, subject, subject_id, "
          "title, yes) SELECT tenant_id, organization_id, year, 'person', person_id, "
          "'chien-si-thi-dua-co-so', person_id % 10 FROM emulation_people WHERE tenant_id = $1 "
          "AND organization_id = $2 AND year = $3 AND rating = 'excellent'",
          {tenant, org, std::int64_t{year}});
      return {};
    }));
    must(connection->execute_script("ANALYZE"));  // the planners learn the new rows' numbers

    std::int64_t scanned = 0;
    const double scan = median_of_3([&] {
      scanned = integer(*connection,
                        "SELECT count(*) + sum(length(p.full_name)) * 0 FROM memberships m JOIN "
                        "persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id LEFT JOIN "
                        "units u ON u.tenant_id = p.tenant_id AND u.id = p.unit_id WHERE "
                        "m.tenant_id = $1 AND m.organization_id = $2",
                        {tenant, org});
    });
    service::EmulationYearView view;
    const double live = median_of_3(
        [&] { view = must(service::read_emulation_year(*connection, admin, org, year)); });
    const double proposal =
        seconds([&] { view = must(service::propose_titles(*connection, admin, org, year)); });
    const double per = 10000.0 / static_cast<double>(std::max<std::int64_t>(scanned, 1));
    fmt::print(
        "{} members, {} departments: scan {:.3f} s; the year with its live proposal {:.2f} s "
        "({:.3f} s per 10,000 people, {:.0f}× the scan); the proposal kept {:.2f} s ({:.3f} s per "
        "10,000, {:.0f}× the scan); {} outcomes\n",
        scanned, view.collectives.size(), scan, live, live * per, live / scan, proposal,
        proposal * per, proposal / scan, view.evaluation.outcomes.size());
    std::string counts;
    for (const auto& [title, count] : view.evaluation.proposed)
      counts += fmt::format(" {}={}", title, count);
    fmt::print("  proposed:{}; unreviewed {}\n", counts, view.unreviewed);
  }
  return 0;
}
