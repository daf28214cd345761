//===----------------------------------------------------------------------===//
//
// Unit tests of the path rewriting of map results (--path-root).
//
//===----------------------------------------------------------------------===//

#include "Results.h"
#include "gtest/gtest.h"

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

} // namespace
} // namespace poolguard
