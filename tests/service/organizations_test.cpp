// The registry's use cases as the adapters call them (no HTTP, no process): who may change the
// structure, the checks every caller gets (the API and the command line alike), and the audit
// entries they leave — on SQLite and on PostgreSQL.

#include "service/organizations.hpp"

#include <gtest/gtest.h>

#include "service/command_line.hpp"
#include "support/service_fixture.hpp"

namespace dk::service {
namespace {

class OrganizationsTest : public dk::testing::ServiceTest {
 protected:
  void seed() override { add_unions(); }
};

TEST_P(OrganizationsTest, AnAdministratorChangesTheStructureAndEachChangeIsAudited) {
  EXPECT_EQ(last_audit(), "create organization 7 192.0.2.1");
  auto unit = create_unit(*connection_, administrator(), Unit{0, "VP", "  Văn   phòng  "});
  ASSERT_TRUE(unit) << unit.error().message.en;
  EXPECT_EQ(unit->name, "Văn phòng") << "names are normalized as the API normalizes them";
  EXPECT_EQ(last_audit(), "create unit 7 192.0.2.1");
  auto listed = list_organizations(*connection_, member_of(trade_union_));
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 2u) << "every member may read the structure";
}

TEST_P(OrganizationsTest, OnlyAdministratorsChangeTheStructure) {
  for (const Actor& actor : {officer_of(trade_union_), member_of(trade_union_)}) {
    auto unit = create_unit(*connection_, actor, Unit{0, "KT", "Phòng Kế toán"});
    ASSERT_FALSE(unit);
    EXPECT_EQ(unit.error().code, "access.forbidden");
    auto organization = create_organization(
        *connection_, actor, Organization{0, "HLG", "Chi hội", OrganizationKind::other, {}, false});
    ASSERT_FALSE(organization);
    EXPECT_EQ(organization.error().code, "access.forbidden");
  }
  EXPECT_EQ(last_audit(), "create organization 7 192.0.2.1") << "a refusal leaves no entry";
}

TEST_P(OrganizationsTest, ACodeTakenAndACycleAmongSuperiorsAreRefused) {
  auto taken = create_organization(
      *connection_, administrator(),
      Organization{0, "CD", "Công đoàn khác", OrganizationKind::trade_union, {}, false});
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, "organization.code_taken");
  EXPECT_EQ(taken.error().kind, ErrorKind::conflict);

  auto below =
      create_organization(*connection_, administrator(),
                          Organization{0, "CDB", "Công đoàn bộ phận", OrganizationKind::trade_union,
                                       OrganizationRef{tenant_, trade_union_}, false});
  ASSERT_TRUE(below) << below.error().message.en;
  OrganizationChanges cycle;
  cycle.superior_id = std::optional<Id>{below->id};
  auto refused = update_organization(*connection_, administrator(), trade_union_, cycle);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "organization.superior_cycle");
  EXPECT_EQ(refused.error().where.field, "superior_id");
}

TEST_P(OrganizationsTest, AnOfficerEnrolsPeopleInTheirOwnOrganizationOnly) {
  NewPerson person;
  person.person.full_name = "Nguyễn Thị Đức";
  person.organization_id = trade_union_;
  auto enrolled = create_person(*connection_, officer_of(trade_union_), person);
  ASSERT_TRUE(enrolled) << enrolled.error().message.en;
  ASSERT_EQ(enrolled->memberships.size(), 1u);
  EXPECT_EQ(enrolled->memberships.front().organization_id, trade_union_);

  Membership youth;
  youth.person_id = enrolled->view.person.id;
  youth.organization_id = youth_union_;
  auto elsewhere = create_membership(*connection_, officer_of(trade_union_), youth);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, "access.forbidden");
  // Enrolling opens a person's record to the organization's officers: the youth union's officer
  // may not enrol someone who is in none of their organizations; an administrator may.
  auto by_other_officer = create_membership(*connection_, officer_of(youth_union_), youth);
  ASSERT_FALSE(by_other_officer);
  EXPECT_EQ(by_other_officer.error().code, "access.forbidden");
  auto by_administrator = create_membership(*connection_, administrator(), youth);
  EXPECT_TRUE(by_administrator) << by_administrator.error().message.en;
  EXPECT_EQ(last_audit(), "create membership 7 192.0.2.1");
}

TEST_P(OrganizationsTest, TheCommandLineActsAsAnAdministratorAndIsAuditedAsSuch) {
  const Actor command_line = command_line_actor(tenant_, dk::testing::test_clock());
  auto unit = create_unit(*connection_, command_line, Unit{0, "TTRA", "Thanh tra Sở"});
  ASSERT_TRUE(unit) << unit.error().message.en;
  EXPECT_EQ(last_audit(), "create unit none command-line");
  auto duplicate =
      create_agency(*connection_, Agency{0, "STP-HT", "Sở khác", ""}, dk::testing::test_clock());
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, "agency.code_taken");
}

INSTANTIATE_TEST_SUITE_P(Engines, OrganizationsTest, ::testing::ValuesIn(dk::testing::engines()));

}  // namespace
}  // namespace dk::service
