#pragma once
// Where a store's contract test starts: the agency of AgencyTest, written through the registry's
// own store, and the registry rows the other stores' rows hang on by foreign key (units,
// organizations, people, memberships, committee seats, accounts). Each suite derives from
// StoreTest and is instantiated over dk::testing::engines().

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.hpp"
#include "store/account_store.hpp"
#include "store/registry_store.hpp"
#include "support/agency_test.hpp"
#include "support/results.hpp"

namespace dk::testing {

class StoreTest : public AgencyTest {
 protected:
  Id write_agency() override { return add_agency("STP-HT", "Sở Tư pháp Hà Tĩnh"); }

  // The agency's trade union and youth union, which most suites' rows hang on.
  void add_unions() {
    trade_union_ = add_organization("CD");
    youth_union_ = add_organization("DTN", OrganizationKind::youth_union);
  }

  store::RegistryStore registry() { return store::RegistryStore(*connection_); }

  // The helpers below write into this test's agency unless another is named.
  Id add_agency(const std::string& code, const std::string& name) {
    auto agency = registry().create_agency(Agency{0, code, name, "Hà Tĩnh"});
    EXPECT_TRUE(agency) << agency.error().message.en;
    return agency ? agency->id : 0;
  }

  Id add_unit(const std::string& name, std::optional<Id> tenant = std::nullopt) {
    auto unit = registry().create_unit(tenant.value_or(tenant_), Unit{0, "", name});
    EXPECT_TRUE(unit) << unit.error().message.en;
    return unit ? unit->id : 0;
  }

  Id add_organization(const std::string& code,
                      OrganizationKind kind = OrganizationKind::trade_union,
                      std::optional<Id> tenant = std::nullopt) {
    auto organization = registry().create_organization(
        tenant.value_or(tenant_), Organization{0, code, "Tổ chức " + code, kind, {}, false});
    EXPECT_TRUE(organization) << organization.error().message.en;
    return organization ? organization->id : 0;
  }

  Id add_person(const std::string& full_name, std::optional<Id> unit = std::nullopt,
                std::optional<Id> tenant = std::nullopt) {
    Person person;
    person.full_name = full_name;
    person.unit_id = unit;
    auto created = registry().create_person(tenant.value_or(tenant_), person);
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  void enrol(Id person, Id organization, MembershipStatus status = MembershipStatus::active,
             std::optional<Id> tenant = std::nullopt) {
    Membership membership;
    membership.person_id = person;
    membership.organization_id = organization;
    membership.status = status;
    auto created = registry().create_membership(tenant.value_or(tenant_), membership);
    EXPECT_TRUE(created) << created.error().message.en;
  }

  // A committee seat for a term around today unless the term is given.
  void seat(Id person, Id organization, std::optional<CivilDate> term_start = std::nullopt,
            std::optional<CivilDate> term_end = std::nullopt) {
    CommitteeRole role;
    role.person_id = person;
    role.organization_id = organization;
    role.role = CommitteeRoleKind::chair;
    role.term_start = term_start.value_or(add_days(test_today(), -365));
    role.term_end = term_end.value_or(add_days(test_today(), 365));
    auto created = registry().create_committee_role(tenant_, role);
    EXPECT_TRUE(created) << created.error().message.en;
  }

  Id add_account(Id person, const std::string& login, std::vector<Grant> grants = {},
                 std::optional<Id> tenant = std::nullopt) {
    Account account;
    account.tenant = tenant.value_or(tenant_);
    account.person_id = person;
    account.login = login;
    account.password_hash = "$argon2id$not-a-real-hash";
    account.grants = std::move(grants);
    auto created = store::AccountStore(*connection_).create_account(account, seconds_of(now_));
    EXPECT_TRUE(created) << created.error().message.en;
    return created ? created->id : 0;
  }

  std::int64_t count(std::string_view table) {
    auto value =
        store::query_integer(*connection_, "SELECT count(*) FROM " + std::string(table), {});
    EXPECT_TRUE(value) << value.error().message.en;
    return value ? value->value_or(-1) : -1;
  }
};

}  // namespace dk::testing
