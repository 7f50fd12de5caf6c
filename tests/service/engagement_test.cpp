// Engagement on SQLite and PostgreSQL, on a small agency whose every number is worked out by hand
// below: who took part, how often, which departments, who lapsed and who went quiet, the people
// behind each number, the rows kept up to date by the triggers, who may read them, the
// organizations that work together and invitations. The activities and their attendance are
// written as rows, as the check-in and the officers' hands leave them, so that dates across two
// years need no clock travel; the engagement's own use cases do the rest.
#include "service/engagement.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/sql.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

// Thursday 18 November 2026, noon in Hà Tĩnh: the numbers are read on that day, whatever the
// machine's clock says.
const CivilDate kToday{2026, 11, 18};
const Instant kNoon = vietnam_instant(kToday, 12 * 60);

EngagementQuery of_year(int year) {
  EngagementQuery query;
  query.year = year;
  return query;
}

class EngagementTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    unit_a_ = add_unit("Phòng A");
    unit_b_ = add_unit("Phòng B");
    unit_c_ = add_unit("Phòng C");
    p1_ = add_person("Nguyễn Văn An", trade_union_);
    p2_ = add_person("Trần Thị Bình", trade_union_);
    p3_ = add_person("Lê Văn Cường", trade_union_);
    p4_ = add_person("Phạm Thị Dung", trade_union_);
    p5_ = add_person("Hoàng Văn Em", trade_union_);
    p6_ = add_person("Võ Thị Giang", youth_union_);
    for (auto [person, unit] :
         {std::pair{p1_, unit_a_}, {p2_, unit_a_}, {p3_, unit_b_}, {p4_, unit_c_}, {p6_, unit_a_}})
      sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit, person});
    sql("UPDATE memberships SET joined_on = '2025-01-01' WHERE tenant_id = $1", {});

    // This year: sports in March (p1 present, p2 late, p3 absent, p5 registered and never came),
    // a meeting in June (p1; p3 excused), a joint volunteering day with the youth union in
    // September (p1, p6), a required meeting for everyone in October (p1 only came).
    const Id sports = add_activity(trade_union_, "sports", {2026, 3, 10});
    attend(sports, p1_, "present");
    attend(sports, p2_, "late");
    attend(sports, p3_, "absent");
    sql("INSERT INTO registrations (tenant_id, id, activity_id, person_id, state, registered_at) "
        "VALUES ($1, 1, $2, $3, 'registered', 0)",
        {sports, p5_});
    const Id meeting = add_activity(trade_union_, "meeting", {2026, 6, 5});
    attend(meeting, p1_, "present");
    attend(meeting, p3_, "excused");
    const Id joint = add_activity(trade_union_, "volunteering", {2026, 9, 1});
    sql("INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position) "
        "VALUES ($1, $2, $3, 1)",
        {joint, youth_union_});
    attend(joint, p1_, "present");
    attend(joint, p6_, "present");
    const Id required = add_activity(trade_union_, "meeting", {2026, 10, 1}, "done", true);
    attend(required, p1_, "present");
    // Last year p4 studied a resolution; a cancelled day this year counts for nobody.
    attend(add_activity(trade_union_, "study", {2025, 5, 20}), p4_, "present");
    attend(add_activity(trade_union_, "sports", {2026, 4, 1}, "cancelled"), p5_, "present");
  }

  Id add_activity(Id organizer, const std::string& kind, CivilDate date,
                  const std::string& status = "done", bool required_of_everyone = false) {
    const Id id = ++activities_;
    const std::int64_t starts = seconds_of(vietnam_instant(date, 8 * 60));
    sql("INSERT INTO activities (tenant_id, id, kind, title, starts_at, ends_at, status, required, "
        "check_in_secret, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 's', 0, "
        "0)",
        {id, kind, "Hoạt động " + std::to_string(id), starts, starts + 3600, status,
         std::int64_t{required_of_everyone ? 1 : 0}});
    sql("INSERT INTO activity_organizers (tenant_id, activity_id, organization_id, position) "
        "VALUES ($1, $2, $3, 0)",
        {id, organizer});
    return id;
  }

  void attend(Id activity, Id person, const std::string& state) {
    sql("INSERT INTO attendance (tenant_id, activity_id, person_id, state, method) VALUES ($1, $2, "
        "$3, $4, 'by_hand')",
        {activity, person, state});
  }

  // A round of a new contest of `organization` (nothing: the agency's, for everyone) that
  // `person` entered on `date`: the attempt and the entry its submission leaves.
  void enter_contest(std::optional<Id> organization, Id person, CivilDate date) {
    const Id id = ++contests_;
    const std::int64_t at = seconds_of(vietnam_instant(date, 20 * 60));
    sql("INSERT INTO contests (tenant_id, id, organization_id, title, created_by, created_at) "
        "VALUES ($1, $2, $3, 'Tìm hiểu Bộ luật Lao động', 1, 0)",
        {id, store::nullable(organization)});
    sql("INSERT INTO contest_rounds (tenant_id, id, contest_id, title, opens_at, closes_at, "
        "time_limit_seconds, attempts_allowed, counted, shuffle_options, results_shown) VALUES "
        "($1, $2, $2, 'Vòng 1', 0, $3, 1200, 1, 'best', 0, 'at_close')",
        {id, at + 86400});
    sql("INSERT INTO contest_attempts (tenant_id, id, contest_id, round_id, person_id, number, "
        "started_at, deadline, draw, finished_at, submitted, score) VALUES ($1, $2, $2, $2, $3, "
        "1, $4, $5, '', $5, 1, 18)",
        {id, person, at - 600, at});
    sql("INSERT INTO contest_entries (tenant_id, round_id, person_id, attempt_id, score, "
        "taken_seconds, finished_at) VALUES ($1, $2, $3, $2, 18, 600, $4)",
        {id, person, at});
  }

  Actor leadership() const {
    Actor actor = at(member_of(youth_union_), kNoon);
    actor.principal.leadership = true;
    return actor;
  }

  EngagementOverview overview(const Actor& actor, EngagementQuery query = of_year(2026)) {
    auto read = engagement_overview(*connection_, actor, query);
    EXPECT_TRUE(read) << read.error().message.en;
    return read ? *read : EngagementOverview{};
  }

  const OrganizationEngagement& row_of(const EngagementOverview& read, Id organization) {
    for (const auto& row : read.organizations)
      if (row.id == organization) return row;
    ADD_FAILURE() << "no row for organization " << organization;
    static const OrganizationEngagement none;
    return none;
  }

  std::vector<Id> crowd(EngagementCrowd who, Id organization) {
    EngagementQuery query = of_year(2026);
    query.organization = organization;
    auto page = engagement_people(*connection_, leadership(), query, who, 100, 0);
    EXPECT_TRUE(page) << page.error().message.en;
    std::vector<Id> ids;
    if (page)
      for (const auto& person : page->people) ids.push_back(person.person_id);
    return ids;
  }

  // A query's rows as sorted lines of their integer columns, for comparing.
  std::vector<std::string> lines(const std::string& sql, int columns) {
    const store::SqlValue params[] = {tenant_};
    auto rows = store::query_all(*connection_, sql, params, [&](const store::SqlRow& row) {
      std::string line;
      for (int column = 0; column < columns; ++column)
        line += std::to_string(row.integer(column)) + " ";
      return line;
    });
    EXPECT_TRUE(rows) << rows.error().message.en;
    std::vector<std::string> sorted = rows ? *rows : std::vector<std::string>{};
    std::ranges::sort(sorted);
    return sorted;
  }

  // The totals the rebuilds keep (cells, then quiet days) against the same grouped afresh from
  // the people's rows.
  void expect_kept_totals_fresh(const std::string& after) {
    const auto cells = lines(
        "SELECT tenant_id, year, organization_id, unit_id, attended, kind_counts, months, people, "
        "expected, lapsed FROM engagement_cells WHERE tenant_id = $1 AND people <> 0",
        10);
    EXPECT_FALSE(cells.empty()) << after;
    EXPECT_EQ(cells,
              lines("SELECT tenant_id, year, organization_id, unit_id, attended, kind_counts, "
                    "months, count(*), sum(expected), sum(CASE WHEN previous_attended > 0 AND "
                    "attended = 0 THEN 1 ELSE 0 END) FROM engagement_people WHERE tenant_id = $1 "
                    "AND member = 1 GROUP BY tenant_id, year, organization_id, unit_id, attended, "
                    "kind_counts, months",
                    10))
        << after;
    const auto quiet = lines(
        "SELECT year, quiet_day, organization_id, unit_id, people FROM engagement_quiet WHERE "
        "tenant_id = $1 AND people <> 0",
        5);
    EXPECT_FALSE(quiet.empty()) << after;
    EXPECT_EQ(quiet, lines("SELECT year, quiet_day, organization_id, unit_id, count(*) FROM "
                           "engagement_people WHERE tenant_id = $1 AND quiet_day IS NOT NULL "
                           "GROUP BY year, quiet_day, organization_id, unit_id",
                           5))
        << after;
  }

  Id unit_a_ = 0, unit_b_ = 0, unit_c_ = 0;
  Id p1_ = 0, p2_ = 0, p3_ = 0, p4_ = 0, p5_ = 0, p6_ = 0;
  Id activities_ = 100;
  Id contests_ = 0;
};

TEST_P(EngagementTest, EveryMeasureOfTheTradeUnionAsWorkedOutByHand) {
  const EngagementOverview read = overview(leadership());
  EXPECT_TRUE(read.gone_quiet_counted);
  const EngagementMeasures& union_year = row_of(read, trade_union_).year;
  EXPECT_EQ(union_year.members, 5);
  EXPECT_EQ(union_year.reached, 2);  // p1 (four times) and p2 (late once)
  EXPECT_EQ(union_year.repeat, 1);
  EXPECT_EQ(union_year.core, 0);
  EXPECT_EQ(union_year.attended, 5);
  // Expected: p1 4; p2 sports + the required meeting; p3 sports (absent) + the required meeting
  // (the excused meeting is not expected); p4 the required meeting; p5 the sports day they
  // registered for + the required meeting. The cancelled day counts for nobody.
  EXPECT_EQ(union_year.expected, 4 + 2 + 2 + 1 + 2);
  EXPECT_EQ(percent_of(union_year.reached, union_year.members), 40.0);
  EXPECT_EQ(percent_of(union_year.attended, union_year.expected), 45.5);
  EXPECT_EQ(union_year.lapsed, 1);  // p4 studied last year, nothing this year
  // No attendance in the 90 days before 18/11 (p2 last came in March; p3, p4, p5 never).
  EXPECT_EQ(union_year.gone_quiet, 4);
  EXPECT_EQ(union_year.units_with_members, 3);  // A, B, C; p5 is in no department
  EXPECT_EQ(union_year.units_reached, 1);
  EXPECT_EQ(union_year.reached_in_month[2], 2);  // March
  EXPECT_EQ(union_year.reached_in_month[5], 1);
  EXPECT_EQ(union_year.reached_in_month[8], 1);
  EXPECT_EQ(union_year.reached_in_month[9], 1);
  EXPECT_EQ(union_year.reached_in_month[10], 0);
  // Counts 4, 1, 0, 0, 0: G = 2·(1·4 + 5·4)… = 2·24 / (5·5) − 6/5 = 0.72; the top fifth (one
  // person) made 4 of 5.
  EXPECT_DOUBLE_EQ(*union_year.gini, 0.72);
  EXPECT_DOUBLE_EQ(*union_year.top_tenth_share, 0.8);

  const EngagementMeasures& union_before = row_of(read, trade_union_).previous;
  EXPECT_EQ(union_before.members, 5);
  EXPECT_EQ(union_before.reached, 1);
  EXPECT_EQ(union_before.gone_quiet, 0);  // only for the current year

  const EngagementMeasures& youth = row_of(read, youth_union_).year;
  EXPECT_EQ(youth.members, 1);
  EXPECT_EQ(youth.reached, 1);  // the joint day counts for each organizer

  // The total is the organizations' rows added up; departments count once.
  EXPECT_EQ(read.total.members, union_year.members + youth.members);
  EXPECT_EQ(read.total.reached, union_year.reached + youth.reached);
  EXPECT_EQ(read.total.attended, union_year.attended + youth.attended);
  EXPECT_EQ(read.total.units_with_members, 3);
  EXPECT_EQ(read.total.units_reached, 1);

  const auto sports = std::ranges::find_if(
      read.kinds, [](const KindDepth& kind) { return kind.kind == ActivityKind::sports; });
  ASSERT_NE(sports, read.kinds.end());
  EXPECT_EQ(sports->year.reached, 2);
  EXPECT_EQ(sports->year.units_reached, 1);
  ASSERT_FALSE(read.units.empty());
  EXPECT_EQ(read.units.front().name, "Phòng A");
  EXPECT_EQ(read.units.front().members, 3);  // p1, p2 in the union, p6 in the youth union
  EXPECT_EQ(read.units.front().reached_by_kind[static_cast<std::size_t>(ActivityKind::sports)], 2);
}

TEST_P(EngagementTest, ThePeopleBehindANumberByDepartment) {
  EXPECT_EQ(crowd(EngagementCrowd::reached, trade_union_), (std::vector<Id>{p1_, p2_}));
  EXPECT_EQ(crowd(EngagementCrowd::never, trade_union_), (std::vector<Id>{p3_, p4_, p5_}));
  EXPECT_EQ(crowd(EngagementCrowd::repeat, trade_union_), (std::vector<Id>{p1_}));
  EXPECT_EQ(crowd(EngagementCrowd::lapsed, trade_union_), (std::vector<Id>{p4_}));
  EXPECT_EQ(crowd(EngagementCrowd::gone_quiet, trade_union_),
            (std::vector<Id>{p2_, p3_, p4_, p5_}));
  EXPECT_EQ(crowd(EngagementCrowd::members, trade_union_).size(), 5u);
  auto without = engagement_people(*connection_, leadership(), of_year(2026),
                                   EngagementCrowd::members, 100, 0);
  EXPECT_EQ(error_code(without), "engagement.organization_required");
}

TEST_P(EngagementTest, ANewCheckInShowsAtTheNextRead) {
  EXPECT_EQ(row_of(overview(leadership()), trade_union_).year.reached, 2);
  attend(add_activity(trade_union_, "sports", {2026, 11, 10}), p3_, "present");
  const EngagementMeasures after = row_of(overview(leadership()), trade_union_).year;
  EXPECT_EQ(after.reached, 3);
  EXPECT_EQ(after.gone_quiet, 3);
  EXPECT_EQ(after.units_reached, 2);
  // Moving p4 to department A: A now holds three union members.
  sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit_a_, p4_});
  EXPECT_EQ(row_of(overview(leadership()), trade_union_).year.units_with_members, 2);
}

TEST_P(EngagementTest, AContestEnteredCountsAsStudyForItsOrganizationOrEachOfTheEntrants) {
  // p3 enters the trade union's contest; p4 and p6 the agency's, which counts for the
  // organizations each was a member of that day: the union for p4, the youth union for p6.
  enter_contest(trade_union_, p3_, {2026, 11, 12});
  enter_contest(std::nullopt, p4_, {2026, 11, 13});
  enter_contest(std::nullopt, p6_, {2026, 11, 13});
  const EngagementOverview read = overview(leadership());
  const EngagementMeasures& union_year = row_of(read, trade_union_).year;
  EXPECT_EQ(union_year.reached, 4) << "p1, p2 by activities; p3 and p4 by contests";
  EXPECT_EQ(union_year.attended, 5 + 2);
  EXPECT_EQ(union_year.expected, 11 + 2) << "a contest entered is expected as it is attended";
  EXPECT_EQ(union_year.reached_in_month[10], 2);
  EXPECT_EQ(union_year.gone_quiet, 2) << "p3 and p4 took part within 90 days; p2 and p5 did not";
  EXPECT_EQ(union_year.lapsed, 0) << "p4 studied last year and entered a contest this year";
  EXPECT_EQ(row_of(read, youth_union_).year.attended, 2) << "the joint day and the contest";
  const auto study = std::ranges::find_if(
      read.kinds, [](const KindDepth& kind) { return kind.kind == ActivityKind::study; });
  ASSERT_NE(study, read.kinds.end());
  EXPECT_EQ(study->year.reached, 3) << "p3, p4 and p6";
  EXPECT_EQ(crowd(EngagementCrowd::reached, trade_union_), (std::vector<Id>{p1_, p2_, p3_, p4_}));
  expect_kept_totals_fresh("contests entered");
}

TEST_P(EngagementTest, ARefreshRebuildsAtMostItsLimitAndSaysWhatIsLeft) {
  auto first = refresh_engagement(*connection_, tenant_, kToday, 2);
  ASSERT_TRUE(first) << first.error().message.en;
  ASSERT_GE(*first, 4) << "the six people of the seed, at least, were marked";
  auto second = refresh_engagement(*connection_, tenant_, kToday, 1);
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, *first - 1);
  const EngagementOverview read = overview(leadership());
  EXPECT_EQ(read.pending, 0) << "a read rebuilds the few that are left";
  EXPECT_EQ(row_of(read, trade_union_).year.reached, 2);
}

TEST_P(EngagementTest, TheKeptTotalsStayTheSumOfThePeoplesRowsThroughEveryChange) {
  const auto check = [&](const std::string& after) {
    overview(leadership());
    expect_kept_totals_fresh(after);
  };
  check("the first read");
  const Id late = add_activity(trade_union_, "culture", {2026, 11, 12});
  attend(late, p3_, "present");
  attend(late, p4_, "present");
  check("a check-in of two");
  sql("UPDATE persons SET unit_id = $2 WHERE tenant_id = $1 AND id = $3", {unit_b_, p1_});
  check("a move to another department");
  sql("UPDATE memberships SET status = 'left', left_on = '2026-11-15' WHERE tenant_id = $1 AND "
      "person_id = $2",
      {p5_});
  check("a member who left");
  sql("UPDATE activities SET status = 'cancelled' WHERE tenant_id = $1 AND id = $2", {late});
  check("a cancelled activity");
  // A rebuild of everyone (a new first year) subtracts and adds every row once more.
  attend(add_activity(trade_union_, "study", {2019, 4, 2}), p2_, "present");
  check("records from an earlier year");
  const EngagementMeasures now = row_of(overview(leadership()), trade_union_).year;
  EXPECT_EQ(now.members, 5) << "p5 was a member this year, until 15/11";
  EXPECT_EQ(now.gone_quiet, 3) << "p2, p3 and p4 (whose one attendance was cancelled); p5 left";
}

TEST_P(EngagementTest, OfficersSeeTheirOwnAndMembersNothing) {
  EXPECT_EQ(error_code(engagement_overview(*connection_, at(member_of(trade_union_, p1_), kNoon),
                                           of_year(2026))),
            "access.forbidden");
  const Actor youth_officer = at(officer_of(youth_union_, p6_), kNoon);
  const EngagementOverview own = overview(youth_officer);
  ASSERT_EQ(own.organizations.size(), 1u);
  EXPECT_EQ(own.organizations.front().id, youth_union_);
  EngagementQuery other = of_year(2026);
  other.organization = trade_union_;
  EXPECT_EQ(error_code(engagement_overview(*connection_, youth_officer, other)),
            "access.forbidden");
  const EngagementQuery bad_year = of_year(1999);
  EXPECT_EQ(error_code(engagement_overview(*connection_, leadership(), bad_year)),
            "engagement.year_out_of_range");
}

TEST_P(EngagementTest, PairsOfOrganizationsThatWorkedTogether) {
  auto pairs = coordination(*connection_, leadership(), 2026);
  ASSERT_TRUE(pairs) << pairs.error().message.en;
  ASSERT_EQ(pairs->pairs.size(), 1u);
  EXPECT_EQ(pairs->pairs.front().activities, 1);
  auto joint = joint_activities(*connection_, leadership(), 2026, youth_union_, trade_union_);
  ASSERT_TRUE(joint);
  ASSERT_EQ(joint->size(), 1u);
  EXPECT_EQ(joint->front().kind, ActivityKind::volunteering);
  EXPECT_EQ(error_code(coordination(*connection_, at(officer_of(trade_union_), kNoon), 2026)),
            "access.forbidden");
}

TEST_P(EngagementTest, AnOfficerInvitesTheQuietToAnUpcomingActivityOnce) {
  const Id upcoming = add_activity(trade_union_, "sports", {2026, 11, 25}, "published");
  const Actor chair = at(officer_of(trade_union_, p1_), kNoon);
  auto invited = invite_to_activity(*connection_, chair, upcoming, {p3_, p4_});
  ASSERT_TRUE(invited) << invited.error().message.en;
  EXPECT_EQ(*invited, 2);
  EXPECT_EQ(*invite_to_activity(*connection_, chair, upcoming, {p3_, p5_}), 1);
  EXPECT_EQ(last_audit_detail(), "2 người được mời, 1 lời mời mới");
  EXPECT_EQ(error_code(invite_to_activity(*connection_, at(officer_of(youth_union_), kNoon),
                                          upcoming, {p3_})),
            "access.forbidden");
  const Id past = add_activity(trade_union_, "sports", {2026, 11, 1}, "published");
  EXPECT_EQ(error_code(invite_to_activity(*connection_, chair, past, {p3_})),
            "invitation.activity_not_open");
  EXPECT_EQ(error_code(invite_to_activity(*connection_, chair, upcoming, {999999})),
            "person.not_found");
}

INSTANTIATE_TEST_SUITE_P(Engines, EngagementTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
