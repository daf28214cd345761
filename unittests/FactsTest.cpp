//===----------------------------------------------------------------------===//
//
// Unit tests of the facts format and the merge.
//
//===----------------------------------------------------------------------===//

#include "facts/Facts.h"
#include "facts/FactsSchema.h"
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

// Every member of every fact type is in its field list (also checked where
// the lists are used, in Facts.cpp).
static_assert(schema::listsEveryMember<SourcePos>() &&
              schema::listsEveryMember<ModuleFact>() &&
              schema::listsEveryMember<RegistrationFact>() &&
              schema::listsEveryMember<ImportFact>() &&
              schema::listsEveryMember<PoolOwnerFact>() &&
              schema::listsEveryMember<HoldingFact>() &&
              schema::listsEveryMember<PoolCreationFact>() &&
              schema::listsEveryMember<SettingFact>() &&
              schema::listsEveryMember<Facts>());

template <typename V> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};

/// Gives every field of \p Value (recursively) a value distinct from its
/// default and from every other field's, numbered by \p N.
template <typename V> void fillDistinct(V &Value, unsigned &N) {
  ++N;
  if constexpr (std::is_same_v<V, std::string>)
    Value = "value" + std::to_string(N);
  else if constexpr (std::is_same_v<V, bool>)
    Value = !Value;
  else if constexpr (std::is_same_v<V, std::optional<int64_t>>)
    Value = -int64_t(N);
  else if constexpr (std::is_integral_v<V>)
    Value = V(1000 + N);
  else if constexpr (IsVector<V>::value)
    fillDistinct(Value.emplace_back(), N);
  else
    schema::forEachField<V>(
        [&](const auto &F) { fillDistinct(Value.*F.Ptr, N); });
}

/// Calls \p Check(name, a, b) for every field of \p A and \p B.
template <typename T, typename Fn>
void eachFieldPair(const T &A, const T &B, Fn Check) {
  schema::forEachField<T>(
      [&](const auto &F) { Check(F.Name, A.*F.Ptr, B.*F.Ptr); });
}

TEST(FactsTest, RoundTripsEveryFieldOfEveryFactType) {
  Facts F;
  unsigned N = 0;
  fillDistinct(F, N);
  auto Back = factsFromJSON(toJSON(F), "test");
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(toJSON(*Back), toJSON(F));
  // Field by field, so a field the writer or the reader drops is named.
  auto Same = [](const char *Name, const auto &A, const auto &B) {
    EXPECT_TRUE(A == B) << "field '" << Name << "' changed in a round trip";
  };
  auto Facts = [&](const char *, const auto &A, const auto &B) {
    ASSERT_EQ(A.size(), B.size());
    if constexpr (!std::is_same_v<std::decay_t<decltype(A)>,
                                  std::vector<std::string>>)
      for (size_t I = 0; I < A.size(); ++I)
        eachFieldPair(A[I], B[I], Same);
  };
  eachFieldPair(F, *Back, Facts);
  EXPECT_EQ(Back->Holdings.at(0).Loc.File, F.Holdings.at(0).Loc.File);
  EXPECT_NE(F.Holdings.at(0).Loc.File, F.Settings.at(0).Loc.File);
}

/// Two facts of type T that differ only in the field numbered \p Which.
template <typename T>
void expectEveryFieldInTheMergeKey(std::vector<T> Facts::*Member) {
  unsigned Fields = 0;
  schema::forEachField<T>([&](const auto &) { ++Fields; });
  for (unsigned Which = 0; Which < Fields; ++Which) {
    Facts A, B;
    unsigned N = 0;
    fillDistinct(A.*Member, N);
    B = A;
    unsigned I = 0;
    schema::forEachField<T>([&](const auto &F) {
      if (I++ == Which) {
        unsigned M = 500;
        fillDistinct((B.*Member)[0].*F.Ptr, M);
      }
    });
    std::string Name;
    I = 0;
    schema::forEachField<T>([&](const auto &F) {
      if (I++ == Which)
        Name = F.Name;
    });
    EXPECT_EQ((mergeFacts({A, B}).*Member).size(), 2u)
        << "field '" << Name << "' is not part of the merge key";
    EXPECT_EQ(toJSON(mergeFacts({A, B})), toJSON(mergeFacts({B, A})))
        << "field '" << Name << "' makes the merge order-dependent";
  }
  Facts A;
  unsigned N = 0;
  fillDistinct(A.*Member, N);
  EXPECT_EQ((mergeFacts({A, A}).*Member).size(), 1u);
}

TEST(FactsTest, EveryFieldIsPartOfTheMergeKey) {
  expectEveryFieldInTheMergeKey(&Facts::Modules);
  expectEveryFieldInTheMergeKey(&Facts::Registrations);
  expectEveryFieldInTheMergeKey(&Facts::Imports);
  expectEveryFieldInTheMergeKey(&Facts::PoolOwners);
  expectEveryFieldInTheMergeKey(&Facts::Holdings);
  expectEveryFieldInTheMergeKey(&Facts::PoolCreations);
  expectEveryFieldInTheMergeKey(&Facts::Settings);
}

TEST(FactsTest, ForEachPathVisitsEveryPosition) {
  Facts F;
  unsigned N = 0;
  fillDistinct(F, N);
  std::vector<std::string> Seen;
  forEachPath(F, [&](std::string &P) { Seen.push_back(P); });
  // One position per fact type (seven), the TU list and the configs.
  EXPECT_EQ(Seen.size(), 9u);
  EXPECT_TRUE(llvm::is_contained(Seen, F.Holdings[0].Loc.File));
  EXPECT_TRUE(llvm::is_contained(Seen, F.ConfigFiles[0]));
  EXPECT_FALSE(llvm::is_contained(Seen, F.Registrations[0].Service));
}

TEST(FactsTest, ForEachPathVisitsOnlyProgramsNamedByAMainFile) {
  Facts F;
  F.TranslationUnits = {"/src/main.cpp", "/src/queue.cpp"};
  F.Registrations.resize(1);
  F.Registrations[0].Program = "/src/main.cpp";
  F.PoolCreations.resize(3);
  F.PoolCreations[0].Program = "/src/main.cpp";
  F.PoolCreations[1].Program = "queue";
  std::vector<std::string> Seen;
  forEachPath(F, [&](std::string &P) {
    if (!P.empty())
      Seen.push_back(P);
  });
  // Both programs named by main.cpp, then the TU list; not the target name,
  // nor the empty program (a library's).
  EXPECT_EQ(Seen, (std::vector<std::string>{"/src/main.cpp", "/src/main.cpp",
                                            "/src/main.cpp",
                                            "/src/queue.cpp"}));
}

TEST(FactsTest, OmitsOnlyTheFieldsAddedAfterVersionOneWhenEmpty) {
  Facts F;
  F.PoolCreations.resize(1);
  std::string J = toJSON(F);
  EXPECT_EQ(J.find("holdings"), std::string::npos);
  EXPECT_EQ(J.find("settings"), std::string::npos);
  EXPECT_EQ(J.find("configFiles"), std::string::npos);
  EXPECT_EQ(J.find("repeats"), std::string::npos);
  EXPECT_NE(J.find("\"modules\":[]"), std::string::npos);
  EXPECT_NE(J.find("\"size\":null"), std::string::npos);
  EXPECT_NE(J.find("\"multiplier\":1"), std::string::npos);
}

} // namespace
} // namespace clang::tidy::poolguard
