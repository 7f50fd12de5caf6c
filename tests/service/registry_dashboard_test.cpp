// The leadership's dashboard as the adapters call it, on SQLite and PostgreSQL: read by those who
// run the agency and no one else, and its figures consistent with one another and with the
// registry's own pages, because a leader reads a total next to its parts and any difference is a
// question to the office. People who left are history, not members; a suspended member still is.
#include "service/registry_dashboard.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

using dk::testing::error_code;

class RegistryDashboardTest : public dk::testing::ServiceTest {
 protected:
  // Two departments; Ánh in both unions; Khánh suspended, Giang left the youth union, Em left the
  // agency, Hà in no organization; a veterans' association with no members yet, and the trade
  // union's superior, which is outside the agency.
  void seed() override {
    add_unions();
    office_ = add_unit("VP", "Văn phòng");
    accounts_ = add_unit("KT", "Phòng Kế toán");
    veterans_ =
        add_organization("HCCB", "Chi hội Cựu chiến binh", OrganizationKind::veterans_association);
    ASSERT_TRUE(create_organization(
        *connection_, administrator(),
        Organization{
            0, "CDN", "Công đoàn ngành Tư pháp", OrganizationKind::trade_union, {}, true}));
    anh_ = person_in("Nguyễn Thị Ánh", office_, trade_union_);
    enrol(anh_, youth_union_);
    binh_ = person_in("Lê Văn Bình", office_, trade_union_);
    cuong_ = person_in("Trần Văn Cường", std::nullopt, trade_union_);
    dung_ = person_in("Phạm Thị Dung", accounts_, youth_union_);
    const Id khanh = person_in("Võ Văn Khánh", std::nullopt, std::nullopt);
    set_status(enrol(khanh, trade_union_), MembershipStatus::suspended);
    const Id giang = person_in("Hồ Thị Giang", accounts_, std::nullopt);
    set_status(enrol(giang, youth_union_), MembershipStatus::left);
    const Id em = person_in("Đỗ Văn Em", accounts_, trade_union_);
    ASSERT_TRUE(remove_person(*connection_, administrator(), em, "Chuyển công tác"));
    person_in("Bùi Thị Hà", office_, std::nullopt);
  }

  Id add_unit(const std::string& code, const std::string& name) {
    auto unit = create_unit(*connection_, administrator(), Unit{0, code, name});
    EXPECT_TRUE(unit) << unit.error().message.en;
    return unit ? unit->id : 0;
  }
  Id person_in(const std::string& name, std::optional<Id> unit, std::optional<Id> organization) {
    NewPerson person;
    person.person.full_name = name;
    person.person.unit_id = unit;
    person.organization_id = organization;
    auto created = create_person(*connection_, administrator(), person);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->view.person.id : 0;
  }
  Id enrol(Id person, Id organization) {
    Membership membership;
    membership.person_id = person;
    membership.organization_id = organization;
    auto created = create_membership(*connection_, administrator(), membership);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }
  void set_status(Id membership, MembershipStatus status) {
    MembershipChanges changes;
    changes.status = status;
    auto updated = update_membership(*connection_, administrator(), membership, changes);
    EXPECT_TRUE(updated) << updated.error().message.en;
  }

  Dashboard dashboard() {
    auto read = read_dashboard(*connection_, administrator());
    EXPECT_TRUE(read) << read.error().message.en;
    return read.value_or(Dashboard{});
  }
  static std::map<std::string, std::int64_t> members_by_code(const Dashboard& dashboard) {
    std::map<std::string, std::int64_t> members;
    for (const OrganizationSummary& summary : dashboard.organizations)
      members[summary.organization.code] = summary.members;
    return members;
  }
  // People by department code; "" for those in none.
  static std::map<std::string, std::int64_t> people_by_unit(const Dashboard& dashboard) {
    std::map<std::string, std::int64_t> people;
    for (const UnitPeople& unit : dashboard.units)
      people[unit.unit ? unit.unit->code : ""] = unit.people;
    return people;
  }

  Id office_ = 0;
  Id accounts_ = 0;
  Id veterans_ = 0;
  Id anh_ = 0;
  Id binh_ = 0;
  Id cuong_ = 0;
  Id dung_ = 0;
};

TEST_P(RegistryDashboardTest, ThoseWhoRunTheAgencyReadItAndMembersDoNot) {
  Actor leadership = member_of(trade_union_, binh_);
  leadership.principal.member_of.clear();
  leadership.principal.leadership = true;
  for (const Actor& actor : {administrator(), leadership, officer_of(youth_union_, dung_)}) {
    auto read = read_dashboard(*connection_, actor);
    ASSERT_TRUE(read) << read.error().message.en;
    EXPECT_EQ(read->people, 5);
  }
  EXPECT_EQ(error_code(read_dashboard(*connection_, member_of(trade_union_, binh_))),
            "access.forbidden");
}

TEST_P(RegistryDashboardTest, CountsCurrentMembersOnlyAndOnlyTheAgencysOrganizations) {
  const Dashboard read = dashboard();
  EXPECT_EQ(read.people, 5) << "Ánh, Bình, Cường, Dung and the suspended Khánh";
  EXPECT_EQ(members_by_code(read),
            (std::map<std::string, std::int64_t>{{"CD", 4}, {"DTN", 2}, {"HCCB", 0}}))
      << "the superior outside the agency is not listed";
  EXPECT_EQ(people_by_unit(read),
            (std::map<std::string, std::int64_t>{{"VP", 2}, {"KT", 1}, {"", 2}}));
  ASSERT_FALSE(read.units.empty());
  EXPECT_FALSE(read.units.back().unit) << "people in no department come last";
  EXPECT_EQ(read.in_several, 1);
  ASSERT_EQ(read.in_several_first.size(), 1u);
  EXPECT_EQ(read.in_several_first.front().person_id, anh_);
  EXPECT_EQ(read.in_several_first.front().full_name, "Nguyễn Thị Ánh");
  // Her organizations in the order the dashboard lists them.
  std::vector<std::string> order;
  for (const OrganizationSummary& summary : read.organizations) {
    if (summary.organization.id == trade_union_ || summary.organization.id == youth_union_)
      order.push_back(summary.organization.code);
  }
  EXPECT_EQ(read.in_several_first.front().organization_codes, order);
}

TEST_P(RegistryDashboardTest, EveryTotalIsTheSumOfItsParts) {
  const Dashboard read = dashboard();
  std::int64_t in_units = 0;
  for (const UnitPeople& unit : read.units) in_units += unit.people;
  EXPECT_EQ(in_units, read.people) << "each person belongs to one department, or to none";

  std::map<Id, std::int64_t> by_parts;
  for (const MemberCount& count : read.organization_units)
    by_parts[count.organization_id] += count.members;
  std::int64_t memberships = 0;
  for (const OrganizationSummary& summary : read.organizations) {
    EXPECT_EQ(summary.members, by_parts[summary.organization.id]) << summary.organization.code;
    memberships += summary.members;
  }
  EXPECT_EQ(memberships, read.people + read.in_several) << "Ánh counts in both unions";

  std::int64_t kind_members = 0;
  std::int64_t kind_organizations = 0;
  for (const KindCount& kind : read.kinds) {
    kind_members += kind.members;
    kind_organizations += kind.organizations;
  }
  EXPECT_EQ(kind_members, memberships);
  EXPECT_EQ(kind_organizations, static_cast<std::int64_t>(read.organizations.size()));
  EXPECT_EQ(read.kinds.size(), 3u) << "trade union, youth union and veterans, each once";
}

TEST_P(RegistryDashboardTest, AgreesWithTheRegistrysOwnPages) {
  const Dashboard read = dashboard();
  const auto organizations = list_organizations(*connection_, administrator()).value();
  std::map<std::string, std::int64_t> listed;
  for (const OrganizationSummary& summary : organizations) {
    if (!summary.organization.external) listed[summary.organization.code] = summary.members;
  }
  EXPECT_EQ(members_by_code(read), listed);
  const auto unit_list = list_units(*connection_, administrator()).value();
  std::map<std::string, std::int64_t> units;
  for (const UnitSummary& summary : unit_list) units[summary.unit.code] = summary.people;
  std::map<std::string, std::int64_t> dashboard_units = people_by_unit(read);
  dashboard_units.erase("");
  EXPECT_EQ(dashboard_units, units);
}

TEST_P(RegistryDashboardTest, APersonWhoLeavesIsNoLongerCountedAnywhere) {
  ASSERT_TRUE(remove_person(*connection_, administrator(), anh_, "Nghỉ hưu"));
  const Dashboard read = dashboard();
  EXPECT_EQ(read.people, 4);
  EXPECT_EQ(members_by_code(read),
            (std::map<std::string, std::int64_t>{{"CD", 3}, {"DTN", 1}, {"HCCB", 0}}));
  EXPECT_EQ(people_by_unit(read)["VP"], 1);
  EXPECT_EQ(read.in_several, 0);
  EXPECT_TRUE(read.in_several_first.empty());

  // Moving to another department moves the count, and the total stays.
  PersonChanges moved;
  moved.unit_id = std::optional<Id>{accounts_};
  ASSERT_TRUE(update_person(*connection_, administrator(), cuong_, moved));
  const Dashboard after = dashboard();
  EXPECT_EQ(after.people, 4);
  EXPECT_EQ(people_by_unit(after),
            (std::map<std::string, std::int64_t>{{"VP", 1}, {"KT", 2}, {"", 1}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, RegistryDashboardTest,
                         ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
