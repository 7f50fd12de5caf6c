// The calendar feed store's contract on SQLite and PostgreSQL: a feed is found by the hash of its
// token until it is revoked, each hash names one feed, and each agency sees only its own feeds.
#include "store/calendar_feed_store.hpp"

#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class CalendarFeedStoreTest : public testing::StoreTest {
 protected:
  CalendarFeed create(FeedOwner owner, Id owner_id, Id account, const std::string& token_hash,
                      std::optional<Id> tenant = std::nullopt) {
    CalendarFeed feed;
    feed.tenant = tenant.value_or(tenant_);
    feed.owner_kind = owner;
    feed.owner_id = owner_id;
    feed.created_by = account;
    feed.created_at = seconds_of(now_);
    auto created = CalendarFeedStore(*connection_).create(feed, token_hash);
    EXPECT_TRUE(created) << created.error().message.en;
    return created.value_or(CalendarFeed{});
  }
};

TEST_P(CalendarFeedStoreTest, AFeedIsFoundByItsTokenHashAsWritten) {
  const CalendarFeed created = create(FeedOwner::organization, 4, 7, "hash-cd");
  EXPECT_NE(created.id, 0);
  auto found = CalendarFeedStore(*connection_).find_by_token("hash-cd");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, created.id);
  EXPECT_EQ((*found)->tenant, tenant_);
  EXPECT_EQ((*found)->owner_kind, FeedOwner::organization);
  EXPECT_EQ((*found)->owner_id, 4);
  EXPECT_EQ((*found)->created_by, 7);
  EXPECT_EQ((*found)->created_at, seconds_of(now_));
  EXPECT_FALSE((*found)->revoked_at);
  EXPECT_FALSE(CalendarFeedStore(*connection_).find_by_token("hash-unknown").value());
}

TEST_P(CalendarFeedStoreTest, ARevokedFeedIsNoLongerFoundByItsTokenButStaysOnRecord) {
  const CalendarFeed feed = create(FeedOwner::person, 12, 7, "hash-anh");
  CalendarFeedStore feeds(*connection_);
  ASSERT_TRUE(feeds.revoke(tenant_, feed.id, now_ + std::chrono::hours(1)));
  EXPECT_FALSE(feeds.find_by_token("hash-anh").value());
  auto kept = feeds.find(tenant_, feed.id);
  ASSERT_TRUE(kept && *kept);
  EXPECT_EQ((*kept)->revoked_at, seconds_of(now_ + std::chrono::hours(1)));
  // Revoking again does not move the moment it ended.
  ASSERT_TRUE(feeds.revoke(tenant_, feed.id, now_ + std::chrono::hours(5)));
  EXPECT_EQ(feeds.find(tenant_, feed.id).value().value().revoked_at,
            seconds_of(now_ + std::chrono::hours(1)));
}

TEST_P(CalendarFeedStoreTest, ATokenHashNamesOneFeedInTheWholeDatabase) {
  create(FeedOwner::person, 12, 7, "hash-anh");
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  CalendarFeed again;
  again.tenant = other_agency;
  again.owner_id = 1;
  again.created_by = 1;
  auto duplicate = CalendarFeedStore(*connection_).create(again, "hash-anh");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, "store.duplicate");
  EXPECT_EQ(duplicate.error().kind, ErrorKind::conflict);
}

TEST_P(CalendarFeedStoreTest, EachAccountListsTheFeedsItMadeInItsOwnAgency) {
  const Id first = create(FeedOwner::person, 12, 7, "hash-1").id;
  const Id second = create(FeedOwner::organization, 4, 7, "hash-2").id;
  create(FeedOwner::person, 13, 8, "hash-3");
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  create(FeedOwner::person, 1, 7, "hash-4", other_agency);

  CalendarFeedStore feeds(*connection_);
  auto mine = feeds.list_created_by(tenant_, 7);
  ASSERT_TRUE(mine);
  std::vector<Id> ids;
  for (const CalendarFeed& feed : *mine) ids.push_back(feed.id);
  EXPECT_EQ(ids, (std::vector<Id>{first, second}));
  EXPECT_EQ(feeds.list_created_by(other_agency, 7).value().size(), 1u);
  // An id names a feed within its agency only: revoking it from another agency changes nothing.
  ASSERT_TRUE(feeds.revoke(other_agency, second, now_));
  EXPECT_TRUE(feeds.find_by_token("hash-2").value());
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarFeedStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
