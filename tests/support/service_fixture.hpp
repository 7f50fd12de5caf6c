#pragma once
// Where a use case's test starts: the agency of AgencyTest, written as the command line writes
// it, the actors who call the use cases (an administrator, an organization's officer, a member),
// and the registry records the use cases act on, written through the registry's use cases as an
// administrator would. Each suite derives from ServiceTest and is instantiated over
// dk::testing::engines().

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "service/actor.hpp"
#include "service/audit.hpp"
#include "service/organizations.hpp"
#include "service/people.hpp"
#include "support/agency_test.hpp"
#include "support/results.hpp"

namespace dk::testing {

class ServiceTest : public AgencyTest {
 protected:
  Id write_agency() override {
    auto agency = service::create_agency(
        *connection_, Agency{0, "STP-HT", "Sở Tư pháp Hà Tĩnh", "Hà Tĩnh"}, clock());
    EXPECT_TRUE(agency) << agency.error().message.en;
    return agency ? agency->id : 0;
  }

  // The agency's trade union and youth union, as an administrator registers them.
  void add_unions() {
    trade_union_ = add_organization("CD", "Công đoàn cơ sở");
    youth_union_ = add_organization("DTN", "Chi đoàn", OrganizationKind::youth_union);
  }

  // Every actor's clock reads the test's one instant, unless the test moves it (`at`).
  Clock clock() const { return fixed_clock(now_); }

  // Accounts 7, 8 and 9 act as the administrator, an officer and a member; the audit log names
  // them by these numbers.
  service::Actor administrator() const {
    service::Actor actor;
    actor.principal.tenant = tenant_;
    actor.principal.account_id = 7;
    actor.principal.administrator = true;
    actor.address = "192.0.2.1";
    actor.clock = clock();
    return actor;
  }
  // An officer of `organization` (also its member), signed in as `person` if one is named.
  service::Actor officer_of(Id organization, Id person = 0) const {
    service::Actor actor = administrator();
    actor.principal.account_id = 8;
    actor.principal.person_id = person;
    actor.principal.administrator = false;
    actor.principal.officer_of = {organization};
    actor.principal.member_of = {organization};
    return actor;
  }
  service::Actor member_of(Id organization, Id person = 0) const {
    service::Actor actor = officer_of(organization, person);
    actor.principal.account_id = 9;
    actor.principal.officer_of.clear();
    return actor;
  }
  // The same actor with a clock that reads `instant`.
  static service::Actor at(service::Actor actor, Instant instant) {
    actor.clock = fixed_clock(instant);
    return actor;
  }

  Id add_organization(const std::string& code, const std::string& name,
                      OrganizationKind kind = OrganizationKind::trade_union) {
    auto created = service::create_organization(*connection_, administrator(),
                                                Organization{0, code, name, kind, {}, false});
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  // A person, enrolled in `organization` when one is named.
  Id add_person(const std::string& full_name, std::optional<Id> organization = std::nullopt) {
    service::NewPerson person;
    person.person.full_name = full_name;
    person.organization_id = organization;
    auto created = service::create_person(*connection_, administrator(), person);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->view.person.id : 0;
  }

  // A department of the agency.
  Id add_unit(const std::string& name) {
    auto unit = service::create_unit(*connection_, administrator(), Unit{0, "", name});
    EXPECT_TRUE(unit) << unit.error().message.en;
    return unit ? unit->id : 0;
  }

  // A statement run as it is, for the facts a test sets up below the use cases (attendance of
  // past activities, a committee seat): $1 is the test's tenant, `params` follow.
  void sql(const std::string& statement, std::vector<store::SqlValue> params) {
    params.insert(params.begin(), tenant_);
    auto done = connection_->execute(statement, params);
    ASSERT_TRUE(done) << statement << ": " << done.error().message.en;
  }

  // The newest entry of the audit log; an empty one when there is none.
  AuditEntry newest_audit() {
    auto page = service::read_audit_log(*connection_, administrator(), AuditQuery{});
    EXPECT_TRUE(page) << page.error().message.en;
    return page && !page->entries.empty() ? page->entries.front() : AuditEntry{};
  }
  // The newest audit entry as "action entity account address".
  std::string last_audit() {
    const AuditEntry entry = newest_audit();
    if (entry.action.empty()) return "";
    return entry.action + " " + entry.entity + " " +
           (entry.account_id ? std::to_string(*entry.account_id) : "none") + " " + entry.address;
  }
  std::string last_audit_detail() { return newest_audit().detail; }
};

}  // namespace dk::testing
