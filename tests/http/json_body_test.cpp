// The duplicate-key check of request bodies, on its own: a key named twice in one object is found
// wherever that object is, and keys of different objects never clash.

#include <gtest/gtest.h>

#include "http/json_duplicate_keys.hpp"

namespace dk::http {
namespace {

TEST(DuplicateKeys, FindsAKeyNamedTwiceInOneObject) {
  EXPECT_EQ(first_duplicate_key(R"({"amount":1,"amount":9})"), "amount");
  EXPECT_EQ(first_duplicate_key(R"({"payer":{"name":"An","kind":"outside","name":"Bình"}})"),
            "payer.name");
  EXPECT_EQ(first_duplicate_key(R"({"lines":[{"a":1},{"b":2,"b":3}]})"), "lines.b");
  // The same key written with an escape is the same key.
  EXPECT_EQ(first_duplicate_key(R"({"amount":1,"\u0061mount":2})"), "amount");
  const std::string long_key(20000, 'k');
  EXPECT_EQ(first_duplicate_key("{\"" + long_key + "\":1,\"" + long_key + "\":2}"), long_key);
}

TEST(DuplicateKeys, AcceptsKeysOfDifferentObjectsAndMalformedInput) {
  EXPECT_EQ(first_duplicate_key(R"({"amount":1,"method":"cash"})"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"({"name":"x","payer":{"name":"y"}})"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"({"lines":[{"a":1},{"a":2}],"a":3})"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"([1,2,3])"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(R"({"amount": )"), std::nullopt);
  EXPECT_EQ(first_duplicate_key(""), std::nullopt);
  // Nesting past the parser's depth is the parser's to refuse, not a crash here.
  EXPECT_EQ(first_duplicate_key(std::string(100000, '[')), std::nullopt);
}

}  // namespace
}  // namespace dk::http
