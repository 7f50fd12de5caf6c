// The idempotency store's contract on SQLite and PostgreSQL: the first answer under a key is kept
// per agency and account, found again as written, and a second first answer is refused.
#include "store/idempotency_store.hpp"

#include <gtest/gtest.h>

#include "support/store_fixture.hpp"

namespace dk::store {
namespace {

class IdempotencyStoreTest : public testing::StoreTest {
 protected:
  std::optional<IdempotentAnswer> find(Id account, const std::string& key,
                                       std::optional<Id> tenant = std::nullopt) {
    auto found = IdempotencyStore(*connection_).find(tenant.value_or(tenant_), account, key);
    EXPECT_TRUE(found) << found.error().message.en;
    return found ? *found : std::nullopt;
  }

  const IdempotentAnswer answer_{"sha256-of-the-request", 201,
                                 R"({"full_name":"Nguyễn Thị Ánh","state":"present"})"};
};

TEST_P(IdempotencyStoreTest, TheFirstAnswerIsFoundAgainAsWritten) {
  EXPECT_FALSE(find(8, "check-in-1"));
  ASSERT_TRUE(IdempotencyStore(*connection_).save(tenant_, 8, "check-in-1", answer_, now_));
  auto found = find(8, "check-in-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->request_hash, "sha256-of-the-request");
  EXPECT_EQ(found->status, 201);
  EXPECT_EQ(found->body, R"({"full_name":"Nguyễn Thị Ánh","state":"present"})");
}

TEST_P(IdempotencyStoreTest, ASecondFirstAnswerUnderTheSameKeyIsAConflict) {
  IdempotencyStore answers(*connection_);
  ASSERT_TRUE(answers.save(tenant_, 8, "check-in-1", answer_, now_));
  const IdempotentAnswer racing{"sha256-of-the-request", 200, "{}"};
  auto second = answers.save(tenant_, 8, "check-in-1", racing, now_);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, "store.duplicate");
  EXPECT_EQ(second.error().kind, ErrorKind::conflict);
  EXPECT_EQ(find(8, "check-in-1")->status, 201) << "the first answer stands";
}

TEST_P(IdempotencyStoreTest, AKeyBelongsToOneAccountOfOneAgency) {
  ASSERT_TRUE(IdempotencyStore(*connection_).save(tenant_, 8, "check-in-1", answer_, now_));
  const Id other_agency = add_agency("STC-HT", "Sở Tài chính Hà Tĩnh");
  EXPECT_FALSE(find(9, "check-in-1")) << "another account's key of the same text";
  EXPECT_FALSE(find(8, "check-in-1", other_agency)) << "the same account id in another agency";
  ASSERT_TRUE(IdempotencyStore(*connection_).save(tenant_, 9, "check-in-1", answer_, now_));
  EXPECT_EQ(count("idempotency_keys"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, IdempotencyStoreTest, ::testing::ValuesIn(testing::engines()));

}  // namespace
}  // namespace dk::store
