// The club store's contract on SQLite and PostgreSQL: clubs as written and listed by name, members
// who join, leave and come back, weekly schedules with their cancelled and moved sessions, and
// attendance at a session, each agency's its own.
#include "store/club_store.hpp"

#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class ClubStoreTest : public testing::StoreTest {
 protected:
  void seed() override {
    add_unions();
    today_ = testing::test_today();
  }

  Id create(const std::string& name, Id organization, ClubKind kind = ClubKind::sports,
            std::optional<Id> tenant = std::nullopt) {
    Club club{0, tenant.value_or(tenant_), organization, name, kind, "Sinh hoạt hằng tuần"};
    auto created = ClubStore(*connection_).create(club, now_);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  std::vector<std::string> names(const Result<std::vector<Club>>& clubs) {
    EXPECT_TRUE(clubs) << clubs.error().message.en;
    std::vector<std::string> found;
    for (const Club& club : clubs.value_or(std::vector<Club>{})) found.push_back(club.name);
    return found;
  }

  std::vector<std::string> members(Id club) {
    auto listed = ClubStore(*connection_).members(tenant_, club);
    EXPECT_TRUE(listed) << listed.error().message.en;
    std::vector<std::string> found;
    for (const ClubMember& member : listed.value_or(std::vector<ClubMember>{}))
      found.push_back(member.full_name + " " + format_iso(member.joined_on));
    return found;
  }

  // Tuesdays and Thursdays, 17:00–18:30, from today for a year.
  ClubSchedule weekly(Id club) const {
    ClubSchedule schedule;
    schedule.club_id = club;
    schedule.rule.days = {Weekday::tuesday, Weekday::thursday};
    schedule.rule.start_minute = 17 * 60;
    schedule.rule.end_minute = 18 * 60 + 30;
    schedule.rule.first = today_;
    schedule.rule.last = add_days(today_, 365);
    schedule.place = "Nhà thi đấu Sở";
    return schedule;
  }

  CivilDate today_;
};

TEST_P(ClubStoreTest, ClubsReadBackAsWrittenListedByNameAndByOrganization) {
  const Id badminton = create("Cầu lông", trade_union_);
  create("Bóng bàn", trade_union_);
  create("Văn nghệ", youth_union_, ClubKind::arts);
  ClubStore clubs(*connection_);
  auto found = clubs.find(tenant_, badminton);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->name, "Cầu lông");
  EXPECT_EQ((*found)->kind, ClubKind::sports);
  EXPECT_EQ((*found)->organization_id, trade_union_);
  EXPECT_EQ((*found)->description, "Sinh hoạt hằng tuần");
  EXPECT_EQ(names(clubs.list(tenant_, std::nullopt)),
            (std::vector<std::string>{"Bóng bàn", "Cầu lông", "Văn nghệ"}));
  EXPECT_EQ(names(clubs.list(tenant_, youth_union_)), std::vector<std::string>{"Văn nghệ"});

  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(clubs.find(other_agency, badminton).value());
  EXPECT_TRUE(clubs.list(other_agency, std::nullopt).value().empty());
  auto orphan = clubs.create(Club{0, tenant_, 424242, "Cờ tướng", ClubKind::other, ""}, now_);
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, "store.reference_missing");
}

TEST_P(ClubStoreTest, MembersJoinLeaveAndComeBackOnTheDayTheyDo) {
  const Id club = create("Cầu lông", trade_union_);
  const Id anh = add_person("Nguyễn Thị Ánh");
  const Id duc = add_person("Trần Văn Đức");
  const Id binh = add_person("Lê Văn Bình");
  ClubStore clubs(*connection_);
  const CivilDate last_month = add_days(today_, -30);
  ASSERT_TRUE(clubs.join(tenant_, club, duc, last_month));
  ASSERT_TRUE(clubs.join(tenant_, club, anh, last_month));
  ASSERT_TRUE(clubs.join(tenant_, club, binh, last_month));
  ASSERT_TRUE(clubs.join(tenant_, club, anh, today_));  // a current member stays as she was
  EXPECT_EQ(members(club), (std::vector<std::string>{"Nguyễn Thị Ánh " + format_iso(last_month),
                                                     "Lê Văn Bình " + format_iso(last_month),
                                                     "Trần Văn Đức " + format_iso(last_month)}))
      << "by given name";

  ASSERT_TRUE(clubs.leave(tenant_, club, binh, add_days(today_, -1)));
  EXPECT_FALSE(clubs.is_member(tenant_, club, binh).value());
  EXPECT_TRUE(clubs.is_member(tenant_, club, anh).value());
  EXPECT_TRUE(clubs.clubs_of(tenant_, binh).value().empty());
  ASSERT_TRUE(clubs.join(tenant_, club, binh, today_));
  EXPECT_EQ(members(club)[1], "Lê Văn Bình " + format_iso(today_)) << "back from today";
  EXPECT_EQ(names(clubs.clubs_of(tenant_, binh)), std::vector<std::string>{"Cầu lông"});

  auto stranger = clubs.join(tenant_, club, 424242, today_);
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, "store.reference_missing");
}

TEST_P(ClubStoreTest, AScheduleKeepsItsRuleAndTheLatestChangeToEachSession) {
  const Id club = create("Cầu lông", trade_union_);
  ClubStore clubs(*connection_);
  auto added = clubs.add_schedule(tenant_, weekly(club), now_);
  ASSERT_TRUE(added) << added.error().message.en;
  const CivilDate first = first_session_date(weekly(club).rule).value();
  const CivilDate second =
      occurrences(weekly(club).rule, {}, add_days(first, 1), add_days(first, 7)).front().date;
  const MovedSession to_saturday{add_days(first, 4), 8 * 60, 9 * 60 + 30};
  ASSERT_TRUE(clubs.set_exception(tenant_, added->id, RuleException{second, std::nullopt}, now_));
  ASSERT_TRUE(clubs.set_exception(tenant_, added->id, RuleException{first, std::nullopt}, now_));
  ASSERT_TRUE(clubs.set_exception(tenant_, added->id, RuleException{first, to_saturday}, now_))
      << "a later change to the same session replaces the first";

  auto read = clubs.find_schedule(tenant_, added->id);
  ASSERT_TRUE(read && *read);
  const ClubSchedule& schedule = **read;
  EXPECT_EQ(schedule.club_id, club);
  EXPECT_EQ(schedule.rule.days, (std::vector<Weekday>{Weekday::tuesday, Weekday::thursday}));
  EXPECT_EQ(schedule.rule.start_minute, 1020);
  EXPECT_EQ(schedule.rule.end_minute, 1110);
  EXPECT_EQ(schedule.rule.first, today_);
  EXPECT_EQ(schedule.rule.last, add_days(today_, 365));
  EXPECT_EQ(schedule.place, "Nhà thi đấu Sở");
  ASSERT_EQ(schedule.exceptions.size(), 2u);
  EXPECT_EQ(schedule.exceptions[0].date, first) << "in date order";
  ASSERT_TRUE(schedule.exceptions[0].moved_to);
  EXPECT_EQ(schedule.exceptions[0].moved_to->date, to_saturday.date);
  EXPECT_EQ(schedule.exceptions[0].moved_to->start_minute, 480);
  EXPECT_EQ(schedule.exceptions[0].moved_to->end_minute, 570);
  EXPECT_EQ(schedule.exceptions[1].date, second);
  EXPECT_FALSE(schedule.exceptions[1].moved_to);
  EXPECT_EQ(clubs.schedules(tenant_, club).value().size(), 1u);

  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(clubs.find_schedule(other_agency, added->id).value());
}

TEST_P(ClubStoreTest, AttendanceIsKeptPerSessionAndTheLastMarkStands) {
  const Id club = create("Cầu lông", trade_union_);
  ClubStore clubs(*connection_);
  const ClubSchedule schedule = clubs.add_schedule(tenant_, weekly(club), now_).value();
  const CivilDate session = first_session_date(schedule.rule).value();
  const CivilDate next = add_days(session, 7);
  const Id anh = add_person("Nguyễn Thị Ánh");
  const Id duc = add_person("Trần Văn Đức");
  ASSERT_TRUE(
      clubs.record_attendance(tenant_, schedule.id, session, duc, AttendanceState::late, 8, now_));
  ASSERT_TRUE(clubs.record_attendance(tenant_, schedule.id, session, anh, AttendanceState::absent,
                                      8, now_));
  ASSERT_TRUE(clubs.record_attendance(tenant_, schedule.id, session, anh, AttendanceState::excused,
                                      std::nullopt, now_));
  ASSERT_TRUE(
      clubs.record_attendance(tenant_, schedule.id, next, anh, AttendanceState::present, 8, now_));

  auto marked = clubs.attendance(tenant_, schedule.id, session);
  ASSERT_TRUE(marked);
  std::vector<std::pair<std::string, AttendanceState>> found;
  for (const SessionAttendance& entry : *marked) found.emplace_back(entry.full_name, entry.state);
  EXPECT_EQ(found, (std::vector<std::pair<std::string, AttendanceState>>{
                       {"Nguyễn Thị Ánh", AttendanceState::excused},
                       {"Trần Văn Đức", AttendanceState::late}}));
  EXPECT_EQ(clubs.attendance(tenant_, schedule.id, next).value().size(), 1u);
  EXPECT_EQ(count("club_attendance"), 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, ClubStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
