//===----------------------------------------------------------------------===//
//
// Unit tests of the facts format and the merge.
//
//===----------------------------------------------------------------------===//

#include "facts/Facts.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

Facts oneTU(llvm::StringRef TU, llvm::StringRef Header) {
  Facts F;
  F.TranslationUnits.push_back(TU.str());
  PoolOwnerFact O;
  O.Type = "PrismaService";
  O.Reason = "member 'pool_' of type 'soci::connection_pool'";
  O.Loc = {Header.str(), 3, 5, 40};
  F.PoolOwners.push_back(O);
  RegistrationFact R;
  R.Service = "PrismaService";
  R.Module = ("fn:" + TU).str();
  R.Lifetime = "per-registration";
  R.Loc = {TU.str(), 10, 3, 200};
  F.Registrations.push_back(R);
  PoolCreationFact C;
  C.Library = "soci";
  C.Size = 10;
  C.Database = "env:DATABASE_URL";
  C.Loc = {Header.str(), 7, 9, 90};
  C.Repeats = "in a loop body";
  F.PoolCreations.push_back(C);
  F.Holdings.push_back(
      {"UsersService", "PrismaService", "db_", {Header.str(), 12, 17, 150}});
  return F;
}

TEST(FactsTest, RoundTripsThroughJSON) {
  Facts F = oneTU("/src/a.cpp", "/src/prisma.h");
  auto Back = factsFromJSON(toJSON(F), "test");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(toJSON(*Back), toJSON(F));
  ASSERT_EQ(Back->PoolCreations.size(), 1u);
  EXPECT_EQ(Back->PoolCreations[0].Size, std::optional<int64_t>(10));
  EXPECT_EQ(Back->Registrations[0].Loc.Line, 10u);
  EXPECT_EQ(Back->PoolCreations[0].Repeats, "in a loop body");
  ASSERT_EQ(Back->Holdings.size(), 1u);
  EXPECT_EQ(Back->Holdings[0].Owner, "UsersService");
  EXPECT_EQ(Back->Holdings[0].Held, "PrismaService");
  EXPECT_EQ(Back->Holdings[0].Member, "db_");
  EXPECT_EQ(Back->Holdings[0].Loc.Line, 12u);
}

TEST(FactsTest, MergeDeduplicatesHeaderFactsAndIsOrderIndependent) {
  Facts A = oneTU("/src/a.cpp", "/src/prisma.h");
  Facts B = oneTU("/src/b.cpp", "/src/prisma.h");
  Facts AB = mergeFacts({A, B});
  Facts BA = mergeFacts({B, A});
  EXPECT_EQ(toJSON(AB), toJSON(BA));
  EXPECT_EQ(AB.PoolOwners.size(), 1u);    // one header, seen twice
  EXPECT_EQ(AB.PoolCreations.size(), 1u); // ditto
  EXPECT_EQ(AB.Registrations.size(), 2u);
  EXPECT_EQ(AB.TranslationUnits.size(), 2u);
}

TEST(FactsTest, MergeKeepsFactsThatDifferOnlyInPerThread) {
  // Every serialized field is part of the merge key: two creations that
  // differ only in PerThread are two facts, whatever the input order (before,
  // PerThread was left out and which one survived was unspecified).
  Facts A = oneTU("/src/a.cpp", "/src/prisma.h");
  Facts B = oneTU("/src/b.cpp", "/src/prisma.h");
  B.PoolCreations[0].PerThread = true;
  Facts AB = mergeFacts({A, B});
  Facts BA = mergeFacts({B, A});
  EXPECT_EQ(toJSON(AB), toJSON(BA));
  ASSERT_EQ(AB.PoolCreations.size(), 2u);
  EXPECT_NE(AB.PoolCreations[0].PerThread, AB.PoolCreations[1].PerThread);
}

TEST(FactsTest, RejectsMalformedInput) {
  auto Bad = factsFromJSON("{not json", "idx.json");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("idx.json"),
            std::string::npos);
}

TEST(FactsTest, RejectsOtherVersions) {
  auto Old = factsFromJSON(R"({"version":0})", "old.json");
  ASSERT_FALSE(static_cast<bool>(Old));
  EXPECT_NE(llvm::toString(Old.takeError()).find("version"),
            std::string::npos);
}

TEST(FactsTest, RejectsWrongTypesWithThePath) {
  auto Bad = factsFromJSON(
      R"({"version":1,"poolCreations":[{"size":"ten"}]})", "i.json");
  ASSERT_FALSE(static_cast<bool>(Bad));
  EXPECT_NE(llvm::toString(Bad.takeError()).find("poolCreations[0].size"),
            std::string::npos);
}

} // namespace
} // namespace clang::tidy::poolguard
