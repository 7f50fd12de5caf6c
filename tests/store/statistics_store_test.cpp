// The statistics store's contract on SQLite and PostgreSQL: current members counted by
// organization and by department (a person once per department however many organizations they
// are in), the people in several organizations listed in name order, and each agency counted
// alone.
#include "store/statistics_store.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class StatisticsStoreTest : public testing::StoreTest {
 protected:
  void seed() override {
    add_unions();
    lawyers_ = add_organization("CHLG", OrganizationKind::lawyers_association);
    office_ = add_unit("Văn phòng Sở");
    inspectors_ = add_unit("Thanh tra Sở");
    // Ánh and Đức are in several organizations; Cường left the one he was in; Bình is in one and
    // placed in no department; Em is in none.
    const Id anh = add_person("Nguyễn Thị Ánh", office_);
    const Id binh = add_person("Lê Văn Bình");
    const Id cuong = add_person("Trần Văn Cường", inspectors_);
    const Id duc = add_person("Phạm Văn Đức", inspectors_);
    add_person("Võ Thị Em", office_);
    enrol(anh, trade_union_);
    enrol(anh, youth_union_);
    enrol(anh, lawyers_, MembershipStatus::suspended);
    enrol(binh, trade_union_);
    enrol(cuong, youth_union_, MembershipStatus::left);
    enrol(duc, trade_union_);
    enrol(duc, youth_union_);
  }

  Id lawyers_ = 0;
  Id office_ = 0;
  Id inspectors_ = 0;
};

TEST_P(StatisticsStoreTest, CurrentMembersAreCountedByOrganization) {
  auto members = StatisticsStore(*connection_).members_by_organization(tenant_);
  ASSERT_TRUE(members) << members.error().message.en;
  EXPECT_EQ(*members,
            (std::map<Id, std::int64_t>{{trade_union_, 3}, {youth_union_, 2}, {lawyers_, 1}}))
      << "a suspended member still counts; one who left does not";
}

TEST_P(StatisticsStoreTest, APersonCountsOnceInTheirDepartmentThoseInNoneLast) {
  auto units = StatisticsStore(*connection_).people_by_unit(tenant_);
  ASSERT_TRUE(units) << units.error().message.en;
  std::vector<std::string> counts;
  for (const UnitCount& count : *units)
    counts.push_back(fmt::format("{} {}", count.unit_id ? *count.unit_id : 0, count.people));
  EXPECT_EQ(counts, (std::vector<std::string>{fmt::format("{} 1", office_),
                                              fmt::format("{} 1", inspectors_), "0 1"}))
      << "Ánh in three organizations is one person of the office; the same order on both engines";
}

TEST_P(StatisticsStoreTest, TheRegistrysFiguresAddUp) {
  auto statistics = StatisticsStore(*connection_).registry_statistics(tenant_, 50);
  ASSERT_TRUE(statistics) << statistics.error().message.en;
  EXPECT_EQ(statistics->people, 3);
  std::vector<std::string> cells;
  std::int64_t memberships = 0;
  for (const MemberCount& count : statistics->by_organization_and_unit) {
    cells.push_back(fmt::format("{}/{} {}", count.organization_id,
                                count.unit_id ? *count.unit_id : 0, count.members));
    memberships += count.members;
  }
  EXPECT_EQ(cells, (std::vector<std::string>{
                       fmt::format("{}/{} 1", trade_union_, office_),
                       fmt::format("{}/{} 1", trade_union_, inspectors_),
                       fmt::format("{}/0 1", trade_union_),
                       fmt::format("{}/{} 1", youth_union_, office_),
                       fmt::format("{}/{} 1", youth_union_, inspectors_),
                       fmt::format("{}/{} 1", lawyers_, office_),
                   }))
      << "by organization, then department, those in none last, on both engines";
  auto by_organization = StatisticsStore(*connection_).members_by_organization(tenant_).value();
  std::int64_t total = 0;
  for (const auto& [organization, members] : by_organization) total += members;
  EXPECT_EQ(memberships, total) << "the cells add up to the organizations' totals";

  EXPECT_EQ(statistics->in_several, 2);
  std::vector<std::string> several;
  for (const PersonInSeveral& person : statistics->in_several_first) {
    std::string codes;
    for (const std::string& code : person.organization_codes) codes += " " + code;
    several.push_back(person.full_name + ":" + codes);
  }
  EXPECT_EQ(several,
            (std::vector<std::string>{"Nguyễn Thị Ánh: CD CHLG DTN", "Phạm Văn Đức: CD DTN"}))
      << "by given name, organizations in the registry's order";
  auto first_only = StatisticsStore(*connection_).registry_statistics(tenant_, 1).value();
  ASSERT_EQ(first_only.in_several_first.size(), 1u);
  EXPECT_EQ(first_only.in_several_first[0].full_name, "Nguyễn Thị Ánh");
  EXPECT_EQ(first_only.in_several, 2) << "the count is of all of them";
}

TEST_P(StatisticsStoreTest, AnotherAgencyIsCountedAlone) {
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  const Id their_union = add_organization("CD", OrganizationKind::trade_union, other_agency);
  enrol(add_person("Lý Văn Khách", std::nullopt, other_agency), their_union,
        MembershipStatus::active, other_agency);
  StatisticsStore statistics(*connection_);
  EXPECT_EQ(statistics.registry_statistics(other_agency, 50).value().people, 1);
  EXPECT_EQ(statistics.members_by_organization(other_agency).value(),
            (std::map<Id, std::int64_t>{{their_union, 1}}));
  EXPECT_EQ(statistics.registry_statistics(tenant_, 50).value().people, 3);
}

INSTANTIATE_TEST_SUITE_P(Engines, StatisticsStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
