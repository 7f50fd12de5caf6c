#pragma once
// A test on one engine (the test's parameter: "sqlite" or "postgres") whose fresh database holds
// one agency, written as the layer under test writes it: the store fixture (store_fixture.hpp)
// and the use-case fixture (service_fixture.hpp) build on it. PostgreSQL is skipped only when the
// test runs without a server (DOANKET_TEST_POSTGRES unset).

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace dk::testing {

class AgencyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    DK_REQUIRE_DATABASE(database_);
    connection_ = database_.open();
    ASSERT_TRUE(connection_);
    tenant_ = write_agency();
    ASSERT_NE(tenant_, 0);
    seed();
  }

  // Writes the test's agency and returns its id (0 when it could not).
  virtual Id write_agency() = 0;
  // What a suite writes before each of its tests, once the agency is there.
  virtual void seed() {}

  TestDatabase database_{GetParam()};
  std::unique_ptr<store::SqlConnection> connection_;
  Id tenant_ = 0;
  Id trade_union_ = 0;  // the agency's trade union and youth union, for suites that add them
  Id youth_union_ = 0;
  // One instant for the whole test, on the tests' timeline, in whole seconds as records keep them.
  const Instant now_ = std::chrono::floor<std::chrono::seconds>(test_now());
};

}  // namespace dk::testing
