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

// PostgreSQL 16's reserved_connections (for roles granted
// pg_use_reserved_connections) is read when the server has it, is checked
// like the other settings, and an ordinary role cannot use those slots
// either. Not tested live: Debian bookworm ships only PostgreSQL 15
// (docs/live-databases.md).
TEST(ServerLimitsTest, PostgreSQL16ReservedConnectionsZero) {
  auto Limits = limitsFromSettings({{"max_connections", "100"},
                                    {"superuser_reserved_connections", "3"},
                                    {"reserved_connections", "0"}});
  ASSERT_TRUE(static_cast<bool>(Limits));
  EXPECT_EQ(Limits->MaxConnections, 100);
  EXPECT_EQ(Limits->ReservedConnections, 3);
}

TEST(ServerLimitsTest, PostgreSQL16ReservedConnectionsAlone) {
  auto Limits = limitsFromSettings({{"max_connections", "20"},
                                    {"superuser_reserved_connections", "0"},
                                    {"reserved_connections", "4"}});
  ASSERT_TRUE(static_cast<bool>(Limits));
  EXPECT_EQ(Limits->MaxConnections, 20);
  EXPECT_EQ(Limits->ReservedConnections, 4);
}

TEST(ServerLimitsTest, BadReservedConnectionsAreErrors) {
  EXPECT_EQ(errorOf({{"max_connections", "100"},
                     {"superuser_reserved_connections", "3"},
                     {"reserved_connections", "-1"}}),
            "the server's 'reserved_connections' is '-1', not a number from "
            "0 to 262143");
  EXPECT_EQ(errorOf({{"max_connections", "100"},
                     {"superuser_reserved_connections", "3"},
                     {"reserved_connections", ""}}),
            "the server's 'reserved_connections' is '', not a number from 0 "
            "to 262143");
  EXPECT_EQ(errorOf({{"max_connections", "100"},
                     {"superuser_reserved_connections", "3"},
                     {"reserved_connections", "262144"}}),
            "the server's 'reserved_connections' is '262144', not a number "
            "from 0 to 262143");
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
