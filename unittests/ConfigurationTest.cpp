//===----------------------------------------------------------------------===//
//
// Unit tests of the configuration rules (docs/configuration.md): relative
// paths in check options, did-you-mean, Checks globs, stale indexes.
//
//===----------------------------------------------------------------------===//

#include "ConfigVerifier.h"
#include "TestFiles.h"
#include "facts/FactsIndex.h"
#include "utils/ConfigFile.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

using ::poolguard::test::writeTestFile;

TEST(ConfigurationTest, PathOptionsAreAnchoredAtTheirFile) {
  EXPECT_TRUE(isPathOption("IndexFile"));
  EXPECT_TRUE(isPathOption("poolguard-repeated-pool.ModelFiles"));
  EXPECT_FALSE(isPathOption("poolguard-connection-budget.MaxConnections"));
  EXPECT_EQ(anchorPaths("a.json; /abs/b.json;;", "/proj/sub"),
            "/proj/sub/a.json;/abs/b.json");

  ClangTidyOptions Opts;
  Opts.CheckOptions["ModelFiles"] = ClangTidyOptions::ClangTidyValue("m.json");
  Opts.CheckOptions["poolguard-connection-budget.Replicas"] =
      ClangTidyOptions::ClangTidyValue("2");
  anchorPathOptions(Opts, "/proj");
  EXPECT_EQ(Opts.CheckOptions["ModelFiles"].Value, "/proj/m.json");
  EXPECT_EQ(Opts.CheckOptions["poolguard-connection-budget.Replicas"].Value,
            "2");
}

TEST(ConfigurationTest, BaseDirectoryIsTheFileThatSetsTheValue) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("config-paths", Dir));
  std::string Sub = (Dir + "/sub").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub + "/deeper"));
  writeTestFile(Dir, ".clangd",
                "Diagnostics:\n  ClangTidy:\n    CheckOptions:\n"
                "      IndexFile: build/index.json\n");
  writeTestFile(Sub, ".clang-tidy",
                "CheckOptions:\n  poolguard-repeated-pool.ModelFiles: m.json\n");
  std::string Source = Sub + "/deeper/a.cpp";
  EXPECT_EQ(optionBaseDirectory(Source, "poolguard-repeated-pool.ModelFiles",
                                "ModelFiles", "m.json"),
            Sub);
  EXPECT_EQ(optionBaseDirectory(Source, "poolguard-repeated-pool.IndexFile",
                                "IndexFile", "build/index.json"),
            std::string(Dir));
  // A value no file sets came from the command line.
  EXPECT_EQ(optionBaseDirectory(Source, "poolguard-repeated-pool.ModelFiles",
                                "ModelFiles", "other.json"),
            startupDirectory().str());
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ConfigurationTest, ClosestNameIsAMisspelling) {
  std::vector<std::string> Known = {"IndexFile", "ModelFiles", "ConfigFiles"};
  EXPECT_EQ(closestName("IndexFiles", Known), "IndexFile");
  EXPECT_EQ(closestName("ModelFile", Known), "ModelFiles");
  EXPECT_EQ(closestName("StrictMode", Known), "");
}

TEST(ConfigurationTest, GlobsThatMatchNoPoolGuardCheck) {
  EXPECT_TRUE(checkGlobErrors("-*,poolguard-*", false).empty());
  EXPECT_TRUE(checkGlobErrors("readability-*,bugprone-foo", false).empty());
  EXPECT_EQ(checkGlobErrors("-*,poolgaurd-*", false),
            std::vector<std::string>{
                "'poolgaurd-*' in Checks matches no poolguard check"});
  EXPECT_EQ(checkGlobErrors("poolguard-repeated-pol", false),
            std::vector<std::string>{
                "'poolguard-repeated-pol' in Checks matches no poolguard "
                "check; did you mean 'poolguard-repeated-pool'"});
  // poolguard's own --checks: every positive entry must match.
  EXPECT_EQ(checkGlobErrors("-*,readability-*", true).size(), 1u);
  EXPECT_TRUE(checkGlobErrors("-*,poolguard-dsn-*", true).empty());
}

TEST(ConfigurationTest, IndexOlderThanASourceIsStale) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stale-index", Dir));
  std::string Index = writeTestFile(Dir, "index.json", "{}");
  std::string A = writeTestFile(Dir, "a.cpp", "");
  std::string B = writeTestFile(Dir, "b.cpp", "");
  Facts F;
  F.TranslationUnits = {A, B};
  // A older than the index, B newer: files written one after the other may
  // or may not share a timestamp, so both are set.
  auto Now = std::chrono::system_clock::now();
  auto SetTime = [](const std::string &File, auto When) {
    int FD;
    ASSERT_FALSE(llvm::sys::fs::openFileForWrite(
        File, FD, llvm::sys::fs::CD_OpenExisting));
    ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
        FD,
        llvm::sys::toTimePoint(std::chrono::system_clock::to_time_t(When))));
    llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  };
  SetTime(A, Now - std::chrono::hours(1));
  SetTime(B, Now + std::chrono::hours(1));
  EXPECT_EQ(newerSourceThanIndex(F, Index, A), B);
  // The TU being analyzed replaces its own facts: not stale because of it.
  EXPECT_EQ(newerSourceThanIndex(F, Index, B), "");
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace clang::tidy::poolguard
