// The audit store's contract on SQLite and PostgreSQL: entries read back newest first with the
// login that acted, filtered and paged as the audit screen asks, each agency's log its own, and
// nothing written ever changed or removed.
#include "store/audit_store.hpp"

#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class AuditStoreTest : public testing::StoreTest {
 protected:
  void seed() override {
    account_ = add_account(add_person("Nguyễn Thị Ánh"), "anh.nt", {Grant::administrator});
  }

  void append(std::string action, std::string entity, std::optional<Id> entity_id,
              std::optional<Id> account, std::optional<Id> tenant = std::nullopt) {
    AuditEntry entry;
    entry.at = seconds_of(now_);
    entry.account_id = account;
    entry.action = std::move(action);
    entry.entity = std::move(entity);
    entry.entity_id = entity_id;
    entry.detail = R"({"full_name":"Nguyễn Thị Ánh"})";
    entry.address = "192.0.2.1";
    auto appended = AuditStore(*connection_).append(tenant.value_or(tenant_), entry);
    EXPECT_TRUE(appended) << appended.error().message.en;
  }

  // The entries a query selects, as "action entity entity_id".
  std::vector<std::string> listed(const AuditQuery& query, std::optional<Id> tenant = {}) {
    auto entries = AuditStore(*connection_).list(tenant.value_or(tenant_), query);
    EXPECT_TRUE(entries) << entries.error().message.en;
    std::vector<std::string> found;
    for (const AuditEntry& entry : entries.value_or(std::vector<AuditEntry>{})) {
      found.push_back(entry.action + " " + entry.entity + " " +
                      (entry.entity_id ? std::to_string(*entry.entity_id) : "-"));
    }
    return found;
  }

  Id account_ = 0;
};

TEST_P(AuditStoreTest, EntriesReadBackNewestFirstWithTheLoginThatActed) {
  append("create", "person", 12, account_);
  append("read_personal", "person", 12, account_);
  append("create", "unit", 3, std::nullopt);  // from the command line: no account

  auto entries = AuditStore(*connection_).list(tenant_, AuditQuery{});
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  const AuditEntry& newest = entries->front();
  EXPECT_EQ(newest.action, "create");
  EXPECT_EQ(newest.entity, "unit");
  EXPECT_FALSE(newest.account_id);
  EXPECT_EQ(newest.login, "");
  const AuditEntry& oldest = entries->back();
  EXPECT_EQ(oldest.account_id, account_);
  EXPECT_EQ(oldest.login, "anh.nt");
  EXPECT_EQ(oldest.entity_id, 12);
  EXPECT_EQ(oldest.at, seconds_of(now_));
  EXPECT_EQ(oldest.detail, R"({"full_name":"Nguyễn Thị Ánh"})");
  EXPECT_EQ(oldest.address, "192.0.2.1");
  EXPECT_GT(newest.id, oldest.id);
}

TEST_P(AuditStoreTest, FiltersAndPagesSelectAndCountTheSameEntries) {
  append("create", "person", 12, account_);
  append("update", "person", 12, account_);
  append("update", "person", 13, account_);
  append("create", "membership", 5, std::nullopt);
  append("sign_in", "account", account_, account_);

  AuditQuery person_12;
  person_12.entity = "person";
  person_12.entity_id = 12;
  EXPECT_EQ(listed(person_12), (std::vector<std::string>{"update person 12", "create person 12"}));
  AuditQuery updates;
  updates.action = "update";
  EXPECT_EQ(listed(updates), (std::vector<std::string>{"update person 13", "update person 12"}));
  AuditQuery by_account;
  by_account.account_id = account_;
  EXPECT_EQ(AuditStore(*connection_).count(tenant_, by_account).value(), 4);

  AuditQuery page;
  page.limit = 2;
  page.offset = 1;
  EXPECT_EQ(listed(page), (std::vector<std::string>{"create membership 5", "update person 13"}));
  EXPECT_EQ(AuditStore(*connection_).count(tenant_, page).value(), 5)
      << "the count is of the whole list, not the page";
}

TEST_P(AuditStoreTest, EachAgencyReadsOnlyItsOwnLog) {
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  append("create", "person", 1, account_);
  append("create", "fund", 1, std::nullopt, other_agency);
  EXPECT_EQ(listed({}), std::vector<std::string>{"create person 1"});
  EXPECT_EQ(listed({}, other_agency), std::vector<std::string>{"create fund 1"});
  EXPECT_EQ(AuditStore(*connection_).count(other_agency, AuditQuery{}).value(), 1);
}

TEST_P(AuditStoreTest, WhatIsWrittenCannotBeChangedOrRemoved) {
  append("create", "person", 12, account_);
  auto changed = connection_->execute("UPDATE audit_log SET action = 'delete'");
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, "store.failed");
  auto removed = connection_->execute("DELETE FROM audit_log");
  ASSERT_FALSE(removed);
  EXPECT_EQ(removed.error().code, "store.failed");
  EXPECT_EQ(listed({}), std::vector<std::string>{"create person 12"});
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
