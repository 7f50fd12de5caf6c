// Clubs' use cases as the adapters call them, on SQLite and PostgreSQL: an organization's officers
// found clubs, set their weekly sessions, cancel or move one and keep attendance, each change
// audited; anyone joins and leaves for themselves, and only officers for others.
#include "service/clubs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class ClubsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override {
    add_unions();
    chair_ = add_person("Nguyễn Thị Ánh", trade_union_);
    binh_ = add_person("Lê Văn Bình", trade_union_);
    dung_ = add_person("Phạm Thị Dung", youth_union_);
    today_ = vietnam_date(now_);
  }

  Actor chair() const { return officer_of(trade_union_, chair_); }
  Actor binh() const { return member_of(trade_union_, binh_); }

  Club club_of(const std::string& name, Id organization) const {
    return Club{0, 0, organization, name, ClubKind::sports, "Tập luyện hằng tuần"};
  }

  Id badminton() {
    auto created = create_club(*connection_, chair(), club_of("Câu lạc bộ Cầu lông", trade_union_));
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  // Tuesdays and Thursdays, 17:00–18:30, from today.
  static ClubSchedule weekly(CivilDate from) {
    ClubSchedule schedule;
    schedule.rule.days = {Weekday::tuesday, Weekday::thursday};
    schedule.rule.start_minute = 17 * 60;
    schedule.rule.end_minute = 18 * 60 + 30;
    schedule.rule.first = from;
    schedule.place = "  Nhà thi đấu   Sở ";
    return schedule;
  }

  Id chair_ = 0;
  Id binh_ = 0;
  Id dung_ = 0;
  CivilDate today_;
};

TEST_P(ClubsTest, AnOrganizationsOfficerFoundsItsClubsAndOthersMayNot) {
  const Id club = badminton();
  EXPECT_EQ(last_audit(), "create club 8 192.0.2.1");
  for (const Actor& actor : {binh(), officer_of(youth_union_, dung_)}) {
    EXPECT_EQ(error_code(create_club(*connection_, actor, club_of("Bóng bàn", trade_union_))),
              "access.forbidden");
  }
  EXPECT_EQ(last_audit(), "create club 8 192.0.2.1") << "a refusal leaves no entry";
  EXPECT_EQ(error_code(create_club(*connection_, chair(), club_of("  ", trade_union_))),
            "club.name_required");
  EXPECT_EQ(error_code(create_club(*connection_, administrator(), club_of("Cờ tướng", 424242))),
            "organization.not_found");

  ASSERT_TRUE(create_club(*connection_, officer_of(youth_union_, dung_),
                          club_of("Văn nghệ", youth_union_)));
  auto all = list_clubs(*connection_, binh(), std::nullopt, false);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u) << "every member sees the agency's clubs";
  auto youth = list_clubs(*connection_, binh(), youth_union_, false).value();
  ASSERT_EQ(youth.size(), 1u);
  EXPECT_EQ(youth.front().name, "Văn nghệ");
  auto record = read_club(*connection_, binh(), club);
  ASSERT_TRUE(record);
  EXPECT_FALSE(record->manageable);
  EXPECT_TRUE(read_club(*connection_, chair(), club).value().manageable);
  EXPECT_EQ(error_code(read_club(*connection_, binh(), 424242)), "club.not_found");
}

TEST_P(ClubsTest, ClubsAreListedInVietnameseOrder) {
  // Bytewise, "Đ" (C4 90) sorts after "Z" and "Ă" after "B"; Vietnamese puts them after D and A.
  for (const char* name : {"Zumba", "Đá bóng", "Bóng bàn", "Ăn chay", "Dân vũ", "An toàn"})
    ASSERT_TRUE(create_club(*connection_, chair(), club_of(name, trade_union_)));
  std::vector<std::string> names;
  const std::vector<Club> clubs = list_clubs(*connection_, binh(), std::nullopt, false).value();
  for (const Club& club : clubs) names.push_back(club.name);
  EXPECT_EQ(names, (std::vector<std::string>{"An toàn", "Ăn chay", "Bóng bàn", "Dân vũ", "Đá bóng",
                                             "Zumba"}));
}

TEST_P(ClubsTest, AnyoneJoinsAndLeavesForThemselvesButOnlyOfficersForOthers) {
  const Id club = badminton();
  const Actor dung = member_of(youth_union_, dung_);
  ASSERT_TRUE(join_club(*connection_, dung, club, {}));
  EXPECT_EQ(last_audit(), "create club 8 192.0.2.1") << "joining oneself is not audited";
  EXPECT_TRUE(read_club(*connection_, dung, club).value().member);
  EXPECT_EQ(list_clubs(*connection_, dung, std::nullopt, true).value().size(), 1u);

  EXPECT_EQ(error_code(join_club(*connection_, dung, club, {binh_})), "access.forbidden");
  ASSERT_TRUE(join_club(*connection_, chair(), club, {binh_, chair_}));
  EXPECT_EQ(last_audit(), "join club 8 192.0.2.1");
  EXPECT_EQ(error_code(join_club(*connection_, chair(), club, {424242})), "person.not_found");
  auto record = read_club(*connection_, binh(), club).value();
  std::vector<std::string> names;
  for (const ClubMember& member : record.members) names.push_back(member.full_name);
  EXPECT_EQ(names, (std::vector<std::string>{"Nguyễn Thị Ánh", "Lê Văn Bình", "Phạm Thị Dung"}));
  EXPECT_EQ(record.members.front().joined_on, today_);

  EXPECT_EQ(error_code(leave_club(*connection_, dung, club, binh_)), "access.forbidden");
  ASSERT_TRUE(leave_club(*connection_, binh(), club, binh_));
  ASSERT_TRUE(leave_club(*connection_, chair(), club, dung_));
  EXPECT_FALSE(read_club(*connection_, dung, club).value().member);
  EXPECT_TRUE(list_clubs(*connection_, dung, std::nullopt, true).value().empty());
}

TEST_P(ClubsTest, OfficersSetTheWeeklySessionsAndCancelOrMoveOne) {
  const Id club = badminton();
  EXPECT_EQ(error_code(add_club_schedule(*connection_, binh(), club, weekly(today_))),
            "access.forbidden");
  ClubSchedule backwards = weekly(today_);
  backwards.rule.end_minute = 16 * 60;
  EXPECT_EQ(error_code(add_club_schedule(*connection_, chair(), club, backwards)),
            "recurrence.time_invalid");
  auto schedule = add_club_schedule(*connection_, chair(), club, weekly(today_));
  ASSERT_TRUE(schedule) << schedule.error().message.en;
  EXPECT_EQ(schedule->place, "Nhà thi đấu Sở");
  EXPECT_EQ(last_audit(), "schedule club 8 192.0.2.1");

  const CivilDate to = add_days(today_, 13);
  const auto sessions = club_sessions(*connection_, binh(), club, today_, to).value();
  ASSERT_EQ(sessions.size(), 4u) << "two weeks of Tuesdays and Thursdays";
  const CivilDate first = sessions[0].occurrence.date;
  const CivilDate second = sessions[1].occurrence.date;

  const RuleException cancel{first, std::nullopt};
  EXPECT_EQ(error_code(change_club_session(*connection_, binh(), schedule->id, cancel)),
            "access.forbidden");
  ASSERT_TRUE(change_club_session(*connection_, chair(), schedule->id, cancel));
  EXPECT_EQ(last_audit(), "cancel_session club 8 192.0.2.1");
  const RuleException move{second, MovedSession{add_days(second, 2), 8 * 60, 9 * 60 + 30}};
  ASSERT_TRUE(change_club_session(*connection_, chair(), schedule->id, move));
  EXPECT_EQ(last_audit(), "move_session club 8 192.0.2.1");
  EXPECT_EQ(error_code(change_club_session(*connection_, chair(), schedule->id,
                                           RuleException{add_days(first, 1), std::nullopt})),
            "recurrence.not_a_session_date");

  const auto after = club_sessions(*connection_, binh(), club, today_, to).value();
  ASSERT_EQ(after.size(), 3u) << "the cancelled session is left out";
  EXPECT_EQ(after[0].occurrence.date, add_days(second, 2));
  EXPECT_TRUE(after[0].occurrence.moved);
  EXPECT_EQ(after[0].occurrence.original_date, second);
}

TEST_P(ClubsTest, OfficersMarkTheClubsMembersAtASession) {
  const Id club = badminton();
  ASSERT_TRUE(join_club(*connection_, chair(), club, {binh_, chair_}));
  const ClubSchedule schedule =
      add_club_schedule(*connection_, chair(), club, weekly(today_)).value();
  const CivilDate session = first_session_date(schedule.rule).value();

  EXPECT_EQ(error_code(record_session_attendance(*connection_, binh(), schedule.id, session,
                                                 {binh_}, AttendanceState::present)),
            "access.forbidden");
  EXPECT_EQ(error_code(record_session_attendance(*connection_, chair(), schedule.id, session,
                                                 {dung_}, AttendanceState::present)),
            "club.not_member");
  EXPECT_EQ(
      error_code(record_session_attendance(*connection_, chair(), schedule.id, add_days(session, 1),
                                           {binh_}, AttendanceState::present)),
      "club.no_session");
  ASSERT_TRUE(record_session_attendance(*connection_, chair(), schedule.id, session,
                                        {binh_, chair_}, AttendanceState::present));
  ASSERT_TRUE(record_session_attendance(*connection_, chair(), schedule.id, session, {binh_},
                                        AttendanceState::late));

  EXPECT_EQ(error_code(session_attendance(*connection_, binh(), schedule.id, session)),
            "access.forbidden");
  auto marked = session_attendance(*connection_, chair(), schedule.id, session);
  ASSERT_TRUE(marked) << marked.error().message.en;
  std::vector<std::pair<std::string, AttendanceState>> found;
  for (const SessionAttendance& entry : *marked) found.emplace_back(entry.full_name, entry.state);
  EXPECT_EQ(found, (std::vector<std::pair<std::string, AttendanceState>>{
                       {"Nguyễn Thị Ánh", AttendanceState::present},
                       {"Lê Văn Bình", AttendanceState::late}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, ClubsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
