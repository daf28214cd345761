//===----------------------------------------------------------------------===//
//
// Unit tests of --server-limits' reading of pg_settings (the values a server
// returns are untrusted). The connection itself: test/pg/server-limits.test.
//
//===----------------------------------------------------------------------===//

#include "ServerLimits.h"
#include "gtest/gtest.h"

namespace poolguard {
namespace {

std::string errorOf(const llvm::StringMap<std::string> &Settings) {
  auto Limits = limitsFromSettings(Settings);
  if (Limits)
    return "no error";
  return llvm::toString(Limits.takeError());
}

TEST(ServerLimitsTest, PostgreSQL15) {
  auto Limits = limitsFromSettings(
      {{"max_connections", "100"}, {"superuser_reserved_connections", "3"}});
  ASSERT_TRUE(static_cast<bool>(Limits));
  EXPECT_EQ(Limits->MaxConnections, 100);
  EXPECT_EQ(Limits->ReservedConnections, 3);
}

TEST(ServerLimitsTest, PostgreSQL16AddsReservedConnections) {
  auto Limits = limitsFromSettings({{"max_connections", "200"},
                                    {"superuser_reserved_connections", "3"},
                                    {"reserved_connections", "5"}});
  ASSERT_TRUE(static_cast<bool>(Limits));
  EXPECT_EQ(Limits->MaxConnections, 200);
  EXPECT_EQ(Limits->ReservedConnections, 8);
}

TEST(ServerLimitsTest, BadSettingsAreErrors) {
  EXPECT_EQ(errorOf({{"superuser_reserved_connections", "3"}}),
            "the server has no setting 'max_connections'");
  EXPECT_EQ(errorOf({{"max_connections", "100"}}),
            "the server has no setting 'superuser_reserved_connections'");
  EXPECT_EQ(errorOf({{"max_connections", "many"},
                     {"superuser_reserved_connections", "3"}}),
            "the server's 'max_connections' is 'many', not a number from 1 "
            "to 262143");
  EXPECT_EQ(errorOf({{"max_connections", "0"},
                     {"superuser_reserved_connections", "0"}}),
            "the server's 'max_connections' is '0', not a number from 1 to "
            "262143");
  EXPECT_EQ(errorOf({{"max_connections", "100"},
                     {"superuser_reserved_connections", "-1"}}),
            "the server's 'superuser_reserved_connections' is '-1', not a "
            "number from 0 to 262143");
  EXPECT_EQ(errorOf({{"max_connections", "99999999999999999999"},
                     {"superuser_reserved_connections", "3"}}),
            "the server's 'max_connections' is '99999999999999999999', not a "
            "number from 1 to 262143");
}

} // namespace
} // namespace poolguard
