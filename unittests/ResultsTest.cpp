//===----------------------------------------------------------------------===//
//
// Unit tests of the path rewriting of map results (--path-root), and of the
// dependencies of cache entries: their stamps and the racy window.
//
//===----------------------------------------------------------------------===//

#include "Results.h"
#include "gtest/gtest.h"
#include <limits>

namespace poolguard {
namespace {

using clang::tidy::poolguard::ModuleFact;
using clang::tidy::poolguard::PoolCreationFact;
using clang::tidy::poolguard::PoolOwnerFact;
using clang::tidy::poolguard::RegistrationFact;

/// A result naming files in the execution root /x/exec, a header read
/// through a link there (its real path in the checkout /src), a system
/// header, a file beside the root, and a position without a file.
TUResult result() {
  TUResult R;
  R.File = "/x/exec/app/a.cpp";
  ReportDiagnostic D;
  D.File = "/x/exec/app/a.cpp";
  D.Notes.push_back({"note", "/usr/include/c++/12/string", 1, 1, 0});
  D.Fixes.push_back({"/x/exec/app/a.h", 0, 1, "&"});
  R.Diagnostics.push_back(D);
  R.Facts.TranslationUnits = {"/x/exec/app/a.cpp"};
  R.Facts.ConfigFiles = {"/x/exec2/config.yaml"};
  RegistrationFact Reg;
  Reg.Loc = {"/src/checkout/db/Service.h", 3, 5, 40};
  R.Facts.Registrations.push_back(Reg);
  PoolOwnerFact Owner;
  Owner.Loc = {"/x/exec/db/Service.h", 2, 1, 10};
  R.Facts.PoolOwners.push_back(Owner);
  R.Facts.Modules.push_back(ModuleFact());
  return R;
}

const llvm::StringMap<std::string> Aliases = {
    {"/src/checkout/db/Service.h", "/x/exec/db/Service.h"}};

TEST(ResultsPathsTest, RelativizeNamesFilesInsideTheRootRelatively) {
  TUResult R = result();
  relativizePaths(R, "/x/exec", Aliases);
  EXPECT_EQ(R.File, "app/a.cpp");
  EXPECT_EQ(R.Diagnostics[0].File, "app/a.cpp");
  EXPECT_EQ(R.Diagnostics[0].Notes[0].File, "/usr/include/c++/12/string");
  EXPECT_EQ(R.Diagnostics[0].Fixes[0].File, "app/a.h");
  EXPECT_EQ(R.Facts.TranslationUnits[0], "app/a.cpp");
  // "/x/exec2" starts with "/x/exec" but is not inside it.
  EXPECT_EQ(R.Facts.ConfigFiles[0], "/x/exec2/config.yaml");
  // The real path of a linked input: its name inside the root.
  EXPECT_EQ(R.Facts.Registrations[0].Loc.File, "db/Service.h");
  EXPECT_EQ(R.Facts.PoolOwners[0].Loc.File, "db/Service.h");
  EXPECT_EQ(R.Facts.Modules[0].Loc.File, "");
}

TEST(ResultsPathsTest, RelativizeWithoutAliasKeepsRealPathsOutside) {
  TUResult R = result();
  relativizePaths(R, "/x/exec");
  EXPECT_EQ(R.Facts.Registrations[0].Loc.File, "/src/checkout/db/Service.h");
}

TEST(ResultsPathsTest, RelativizeIsIdempotent) {
  TUResult R = result();
  relativizePaths(R, "/x/exec", Aliases);
  relativizePaths(R, "/elsewhere");
  EXPECT_EQ(R.File, "app/a.cpp");
  EXPECT_EQ(R.Facts.Registrations[0].Loc.File, "db/Service.h");
}

TEST(ResultsPathsTest, AbsolutizeResolvesAgainstTheRootOfTheMerge) {
  TUResult R = result();
  relativizePaths(R, "/x/exec", Aliases);
  absolutizePaths(R, "/y/runfiles/ws");
  EXPECT_EQ(R.File, "/y/runfiles/ws/app/a.cpp");
  EXPECT_EQ(R.Diagnostics[0].Notes[0].File, "/usr/include/c++/12/string");
  EXPECT_EQ(R.Diagnostics[0].Fixes[0].File, "/y/runfiles/ws/app/a.h");
  EXPECT_EQ(R.Facts.ConfigFiles[0], "/x/exec2/config.yaml");
  EXPECT_EQ(R.Facts.Registrations[0].Loc.File, "/y/runfiles/ws/db/Service.h");
  EXPECT_EQ(R.Facts.Modules[0].Loc.File, "");
}

// A program named by its main file is a path, renamed with the files; one
// named by the build (CMake target names) is not, and is left alone.
TEST(ResultsPathsTest, ProgramsNamedByTheirMainFileAreRenamed) {
  TUResult R = result();
  R.Facts.Registrations[0].Program = "/x/exec/app/a.cpp";
  PoolCreationFact Main, Target;
  Main.Program = "/x/exec/app/a.cpp";
  Target.Program = "producer;replay";
  R.Facts.PoolCreations = {Main, Target};
  relativizePaths(R, "/x/exec", Aliases);
  EXPECT_EQ(R.Facts.Registrations[0].Program, "app/a.cpp");
  EXPECT_EQ(R.Facts.PoolCreations[0].Program, "app/a.cpp");
  EXPECT_EQ(R.Facts.PoolCreations[1].Program, "producer;replay");
  absolutizePaths(R, "/y/runfiles/ws");
  EXPECT_EQ(R.Facts.Registrations[0].Program, "/y/runfiles/ws/app/a.cpp");
  EXPECT_EQ(R.Facts.PoolCreations[0].Program, "/y/runfiles/ws/app/a.cpp");
  EXPECT_EQ(R.Facts.PoolCreations[1].Program, "producer;replay");
}

TEST(ResultsPathsTest, ForEachPathVisitsEveryKindOfFact) {
  TUResult R;
  R.Facts.Modules.resize(1);
  R.Facts.Registrations.resize(1);
  R.Facts.Imports.resize(1);
  R.Facts.PoolOwners.resize(1);
  R.Facts.Holdings.resize(1);
  R.Facts.PoolCreations.resize(1);
  R.Facts.Settings.resize(1);
  R.Facts.TranslationUnits.resize(1);
  R.Facts.ConfigFiles.resize(1);
  R.Diagnostics.resize(1);
  R.Diagnostics[0].Notes.resize(1);
  R.Diagnostics[0].Fixes.resize(1);
  unsigned Visited = 0;
  forEachPath(R, [&](std::string &P) {
    P = "visited";
    ++Visited;
  });
  // The TU, a diagnostic, its note and fix, seven facts, TU list, configs.
  EXPECT_EQ(Visited, 13u);
  EXPECT_EQ(R.Facts.Settings[0].Loc.File, "visited");
  EXPECT_EQ(R.Facts.Imports[0].Loc.File, "visited");
  EXPECT_EQ(R.Facts.PoolCreations[0].Loc.File, "visited");
  // --path-root left holdings' paths absolute before.
  EXPECT_EQ(R.Facts.Holdings[0].Loc.File, "visited");
}


// A dependency's stamp proves it unchanged only when equal to the recorded
// one and modified more than RacyWindowNs before its entry's files were
// read; the times are in ns since the epoch.
constexpr int64_t Second = 1'000'000'000;
constexpr int64_t ReadAfter = 1'700'000'000 * Second;
constexpr int64_t Now = ReadAfter + 60 * Second;

TEST(CacheStampsTest, OldUnchangedStampIsTrusted) {
  FileStamp Old{100, ReadAfter - RacyWindowNs - 1};
  EXPECT_TRUE(stampProvesUnchanged(Old, Old, ReadAfter, Now));
  FileStamp Ancient{100, -5 * Second}; // Before 1970: still a time.
  EXPECT_TRUE(stampProvesUnchanged(Ancient, Ancient, ReadAfter, Now));
}

TEST(CacheStampsTest, OtherSizeOrTimeIsNotTrusted) {
  FileStamp Old{100, ReadAfter - 3600 * Second};
  EXPECT_FALSE(stampProvesUnchanged(Old, {101, Old.MTimeNs}, ReadAfter, Now));
  EXPECT_FALSE(
      stampProvesUnchanged(Old, {100, Old.MTimeNs + 1}, ReadAfter, Now));
  EXPECT_FALSE(
      stampProvesUnchanged(Old, {100, Old.MTimeNs - 1}, ReadAfter, Now));
}

TEST(CacheStampsTest, StampWithinTheRacyWindowIsNotTrusted) {
  for (int64_t MTime : {ReadAfter - RacyWindowNs, ReadAfter - Second, ReadAfter,
                        ReadAfter + Second, Now + 3600 * Second}) {
    FileStamp Racy{100, MTime};
    EXPECT_FALSE(stampProvesUnchanged(Racy, Racy, ReadAfter, Now)) << MTime;
  }
}

TEST(CacheStampsTest, EntryReadInTheFutureOrAtExtremesIsNotTrusted) {
  FileStamp Old{100, ReadAfter - 3600 * Second};
  EXPECT_FALSE(stampProvesUnchanged(Old, Old, Now + 1, Now));
  FileStamp Min{100, std::numeric_limits<int64_t>::min()};
  EXPECT_FALSE(
      stampProvesUnchanged(Min, Min, std::numeric_limits<int64_t>::min(), Now));
  EXPECT_FALSE(stampProvesUnchanged(
      Min, Min, std::numeric_limits<int64_t>::min() + RacyWindowNs - 1, Now));
  FileStamp Max{100, std::numeric_limits<int64_t>::max()};
  EXPECT_FALSE(stampProvesUnchanged(Max, Max,
                                    std::numeric_limits<int64_t>::max(),
                                    std::numeric_limits<int64_t>::max()));
}

TEST(CacheStampsTest, DependenciesRoundTrip) {
  Dependencies Deps;
  Deps.ReadAfterNs = ReadAfter;
  Deps.Files.push_back({"/p/a b\n.cpp", "ab", FileStamp{12, -Second}});
  Deps.Files.push_back({"/p/b.h", "missing", std::nullopt});
  std::optional<Dependencies> Back =
      dependenciesFromText(dependenciesToText(Deps));
  ASSERT_TRUE(Back);
  EXPECT_EQ(Back->ReadAfterNs, Deps.ReadAfterNs);
  ASSERT_EQ(Back->Files.size(), 2u);
  EXPECT_EQ(Back->Files[0].Path, "/p/a b\n.cpp");
  EXPECT_EQ(Back->Files[0].Hash, "ab");
  ASSERT_TRUE(Back->Files[0].Stamp);
  EXPECT_EQ(*Back->Files[0].Stamp, (FileStamp{12, -Second}));
  EXPECT_EQ(Back->Files[1].Hash, "missing");
  EXPECT_FALSE(Back->Files[1].Stamp);
}

TEST(CacheStampsTest, EntrySplitsIntoResultAndDependencies) {
  TUResult R;
  R.File = "/p/a\nb.cpp"; // A newline in a path is escaped in the JSON.
  Dependencies Deps;
  Deps.Files.push_back({"/p/a\nb.cpp", "ab", std::nullopt});
  std::string Entry = entryText(R, Deps);
  auto [JSON, Text] = splitEntry(Entry);
  EXPECT_EQ(nlohmann::json::parse(JSON.str()), resultToJSON(R));
  EXPECT_EQ(Text, dependenciesToText(Deps));
}

/// The text of one file with \p Size and \p MTime, read after \p ReadAfter.
static std::string oneFile(llvm::StringRef Size, llvm::StringRef MTime,
                           llvm::StringRef ReadAfter = "1700000000") {
  std::string T;
  for (llvm::StringRef F :
       {ReadAfter, llvm::StringRef("/a"), llvm::StringRef("h"), Size, MTime})
    (T += F) += '\0';
  return T;
}

TEST(CacheStampsTest, CorruptStampsAreLeftOut) {
  auto Stamp = [](llvm::StringRef Size, llvm::StringRef MTime) {
    std::optional<Dependencies> D = dependenciesFromText(oneFile(Size, MTime));
    EXPECT_TRUE(D) << Size.str() << " " << MTime.str();
    return D ? D->Files[0].Stamp : std::nullopt;
  };
  EXPECT_TRUE(Stamp("1", "2"));
  EXPECT_TRUE(Stamp("1", "-2"));
  EXPECT_TRUE(Stamp("18446744073709551615", "9223372036854775807"));
  EXPECT_FALSE(Stamp("", ""));
  EXPECT_FALSE(Stamp("1", ""));
  EXPECT_FALSE(Stamp("", "2"));
  EXPECT_FALSE(Stamp("-1", "2"));
  EXPECT_FALSE(Stamp("18446744073709551616", "2"));
  EXPECT_FALSE(Stamp("1", "9223372036854775808"));
  EXPECT_FALSE(Stamp("0x10", "2"));
  EXPECT_FALSE(Stamp("1", " 2"));
  EXPECT_FALSE(Stamp("1.5", "2"));
  EXPECT_FALSE(Stamp("1", "2e3"));
  EXPECT_FALSE(Stamp("one", "2"));
}

TEST(CacheStampsTest, CorruptReadAfterIsLeftOut) {
  for (llvm::StringRef ReadAfter :
       {"", "soon", "1.5", "9223372036854775808", "+-1"}) {
    std::optional<Dependencies> D =
        dependenciesFromText(oneFile("1", "2", ReadAfter));
    ASSERT_TRUE(D) << ReadAfter.str();
    EXPECT_FALSE(D->ReadAfterNs) << ReadAfter.str();
    EXPECT_TRUE(D->Files[0].Stamp);
  }
}

TEST(CacheStampsTest, MalformedDependenciesAreNoEntry) {
  const std::string Good = oneFile("1", "2");
  ASSERT_TRUE(dependenciesFromText(Good));
  // Truncated anywhere, or with a field too many or too few: no entry.
  for (size_t N = 0; N < Good.size(); ++N)
    EXPECT_FALSE(dependenciesFromText(llvm::StringRef(Good).take_front(N)))
        << N;
  EXPECT_FALSE(dependenciesFromText(Good + "x"));
  EXPECT_FALSE(dependenciesFromText(Good + std::string(1, '\0')));
  EXPECT_FALSE(dependenciesFromText(std::string("1", 1) + '\0'));
  EXPECT_FALSE(dependenciesFromText(""));
}

} // namespace
} // namespace poolguard
