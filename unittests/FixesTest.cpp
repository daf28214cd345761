//===----------------------------------------------------------------------===//
//
// Unit tests of applying fixes in place and of the export-fixes YAML.
//
//===----------------------------------------------------------------------===//

#include "Fixes.h"
#include "TestFiles.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/YAMLTraits.h"
#include "gtest/gtest.h"

namespace poolguard {
namespace {

class FixesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("fixes-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    return test::writeTestFile(Dir, Name, Text);
  }

  static std::string read(llvm::StringRef Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }

  static ReportDiagnostic diag(llvm::StringRef File, unsigned Line,
                               std::vector<ReportFix> Fixes) {
    ReportDiagnostic D;
    D.Check = "poolguard-dsn-query-append";
    D.Severity = "warning";
    D.Message = "query string appended twice";
    D.File = File.str();
    D.Line = Line;
    D.Column = 1;
    D.Fixes = std::move(Fixes);
    return D;
  }

  llvm::SmallString<128> Dir;
};

TEST_F(FixesTest, AppliesGroupedPerFileAndIdempotent) {
  const std::string A = write("a.cpp", "auto u = dsn + \"?x=1\";\nint y = 0;\n");
  const std::string B = write("b.cpp", "auto v = dsn + \"?z=1\";\n");
  Report R;
  R.Diagnostics = {diag(A, 1, {{A, 16, 1, "&"}}),
                   diag(A, 2, {{A, 31, 1, "zero"}, {A, 23, 3, "long"}}),
                   diag(B, 1, {{B, 16, 1, "&"}}),
                   // The same fix reported from a second TU.
                   diag(B, 1, {{B, 16, 1, "&"}})};
  auto Stats = applyFixes(R);
  ASSERT_TRUE(static_cast<bool>(Stats)) << llvm::toString(Stats.takeError());
  EXPECT_EQ(Stats->Files, 2u);
  EXPECT_EQ(Stats->Replacements, 4u);
  EXPECT_EQ(read(A), "auto u = dsn + \"&x=1\";\nlong y = zero;\n");
  EXPECT_EQ(read(B), "auto v = dsn + \"&z=1\";\n");

  // Second run: the fixed file has no diagnostic, so nothing to do.
  auto Again = applyFixes(Report());
  ASSERT_TRUE(static_cast<bool>(Again));
  EXPECT_EQ(Again->Files, 0u);
  // Replacing bytes with themselves does not rewrite the file.
  Report Same;
  Same.Diagnostics = {diag(B, 1, {{B, 16, 1, "&"}})};
  auto NoOp = applyFixes(Same);
  ASSERT_TRUE(static_cast<bool>(NoOp));
  EXPECT_EQ(NoOp->Files, 0u);
  EXPECT_EQ(read(B), "auto v = dsn + \"&z=1\";\n");
}

TEST_F(FixesTest, RefusesAFileEditedSinceItWasAnalyzed) {
  const std::string Analyzed = "auto u = dsn + \"?x=1\";\n";
  const std::string A = write("a.cpp", "// a line added since\n" + Analyzed);
  const std::string B = write("b.cpp", "auto v = dsn + \"?z=1\";\n");
  Report R;
  R.Diagnostics = {diag(A, 1, {{A, 16, 1, "&", contentHash(Analyzed)}}),
                   diag(B, 1, {{B, 16, 1, "&", contentHash(read(B))}})};
  auto Stats = applyFixes(R);
  ASSERT_FALSE(static_cast<bool>(Stats));
  EXPECT_EQ(llvm::toString(Stats.takeError()),
            "'" + A +
                "' changed since it was analyzed; run poolguard again; no fix "
                "applied");
  // Nothing written, not even the unchanged file.
  EXPECT_EQ(read(A), "// a line added since\n" + Analyzed);
  EXPECT_EQ(read(B), "auto v = dsn + \"?z=1\";\n");

  // The bytes it was analyzed with: applied.
  R.Diagnostics.erase(R.Diagnostics.begin());
  auto Applied = applyFixes(R);
  ASSERT_TRUE(static_cast<bool>(Applied))
      << llvm::toString(Applied.takeError());
  EXPECT_EQ(read(B), "auto v = dsn + \"&z=1\";\n");
}

TEST_F(FixesTest, InsertionsAndRemovals) {
  const std::string A = write("a.cpp", "abcdef");
  Report R;
  R.Diagnostics = {diag(A, 1, {{A, 0, 0, "<"}, {A, 6, 0, ">"}, {A, 2, 2, ""},
                               {A, 2, 0, "["}, {A, 4, 0, "]"}})};
  auto Stats = applyFixes(R);
  ASSERT_TRUE(static_cast<bool>(Stats)) << llvm::toString(Stats.takeError());
  EXPECT_EQ(read(A), "<ab[]ef>");
}

TEST_F(FixesTest, RefusesOverlapsNamingBothAndWritesNothing) {
  const std::string A = write("a.cpp", "auto u = dsn + \"?x=1\";\n");
  const std::string B = write("b.cpp", "int b;\n");
  Report R;
  R.Diagnostics = {diag(B, 1, {{B, 0, 3, "long"}}),
                   diag(A, 1, {{A, 15, 3, "X"}}),
                   diag(A, 1, {{A, 16, 1, "&"}})};
  R.Diagnostics[2].Check = "poolguard-other";
  auto Stats = applyFixes(R);
  ASSERT_FALSE(static_cast<bool>(Stats));
  const std::string Msg = llvm::toString(Stats.takeError());
  EXPECT_NE(Msg.find("conflicting fixes in '" + A + "'"), std::string::npos)
      << Msg;
  EXPECT_NE(Msg.find("[15, 18) -> 'X' (poolguard-dsn-query-append at " + A +
                     ":1:1)"),
            std::string::npos)
      << Msg;
  EXPECT_NE(Msg.find("[16, 17) -> '&' (poolguard-other at " + A + ":1:1)"),
            std::string::npos)
      << Msg;
  EXPECT_EQ(read(A), "auto u = dsn + \"?x=1\";\n");
  EXPECT_EQ(read(B), "int b;\n");

  // Two different insertions at one offset conflict too.
  Report Ins;
  Ins.Diagnostics = {diag(B, 1, {{B, 0, 0, "x"}, {B, 0, 0, "y"}})};
  EXPECT_FALSE(static_cast<bool>(applyFixes(Ins)));
  llvm::consumeError(applyFixes(Ins).takeError());
  // An insertion strictly inside a replaced range conflicts; at its edge not.
  Report Inside;
  Inside.Diagnostics = {diag(B, 1, {{B, 0, 3, "long"}, {B, 1, 0, "x"}})};
  auto InsideStats = applyFixes(Inside);
  EXPECT_FALSE(static_cast<bool>(InsideStats));
  llvm::consumeError(InsideStats.takeError());
  Report Edge;
  Edge.Diagnostics = {diag(B, 1, {{B, 0, 3, "long"}, {B, 3, 0, "_t"}})};
  auto EdgeStats = applyFixes(Edge);
  ASSERT_TRUE(static_cast<bool>(EdgeStats))
      << llvm::toString(EdgeStats.takeError());
  EXPECT_EQ(read(B), "long_t b;\n");
}

TEST_F(FixesTest, RefusesOutOfRangeAndUnreadable) {
  const std::string A = write("a.cpp", "int a;\n");
  Report R;
  R.Diagnostics = {diag(A, 1, {{A, 5, 10, "x"}})};
  auto Stats = applyFixes(R);
  ASSERT_FALSE(static_cast<bool>(Stats));
  EXPECT_NE(llvm::toString(Stats.takeError()).find("fix out of range"),
            std::string::npos);
  Report Missing;
  Missing.Diagnostics = {diag(A, 1, {{Dir.str().str() + "/nope.cpp", 0, 0, "x"}})};
  auto M = applyFixes(Missing);
  ASSERT_FALSE(static_cast<bool>(M));
  EXPECT_NE(llvm::toString(M.takeError()).find("cannot read"),
            std::string::npos);
}

TEST_F(FixesTest, KeepsPermissionsAndLeavesNoTemporaries) {
  const std::string A = write("script.cpp", "int a;\n");
  const auto Mode = static_cast<llvm::sys::fs::perms>(0750);
  ASSERT_FALSE(llvm::sys::fs::setPermissions(A, Mode));
  Report R;
  R.Diagnostics = {diag(A, 1, {{A, 0, 3, "long"}})};
  auto Stats = applyFixes(R);
  ASSERT_TRUE(static_cast<bool>(Stats)) << llvm::toString(Stats.takeError());
  auto Perms = llvm::sys::fs::getPermissions(A);
  ASSERT_TRUE(static_cast<bool>(Perms));
  EXPECT_EQ(*Perms, Mode);
  std::error_code EC;
  unsigned Entries = 0;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    ++Entries;
  EXPECT_EQ(Entries, 1u);
}

TEST_F(FixesTest, ExportRoundTripsThroughDiagnosticsYaml) {
  Report R;
  ReportDiagnostic D = diag("/src/fx.cpp", 3, {{"/src/fx.cpp", 88, 4, "nullptr"}});
  D.Offset = 88;
  D.Notes.push_back({"declared here", "/src/fx.h", 2, 1, 10});
  R.Diagnostics.push_back(D);
  ReportDiagnostic E = diag("/src/fx.cpp", 9, {});
  E.Check = "clang-diagnostic-error";
  E.Severity = "error";
  E.Message = "it's 'broken': yes";
  E.Offset = 200;
  R.Diagnostics.push_back(E);

  auto YAML = exportFixes(R, "/src/fx.cpp", "/build");
  ASSERT_TRUE(static_cast<bool>(YAML)) << llvm::toString(YAML.takeError());
  EXPECT_TRUE(llvm::StringRef(*YAML).starts_with("---\nMainSourceFile:"));

  clang::tooling::TranslationUnitDiagnostics Back;
  llvm::yaml::Input In(*YAML);
  In >> Back;
  ASSERT_FALSE(In.error()) << *YAML;
  EXPECT_EQ(Back.MainSourceFile, "/src/fx.cpp");
  ASSERT_EQ(Back.Diagnostics.size(), 2u);
  const clang::tooling::Diagnostic &B0 = Back.Diagnostics[0];
  EXPECT_EQ(B0.DiagnosticName, "poolguard-dsn-query-append");
  EXPECT_EQ(B0.DiagLevel, clang::tooling::Diagnostic::Warning);
  EXPECT_EQ(B0.BuildDirectory, "/build");
  EXPECT_EQ(B0.Message.Message, "query string appended twice");
  EXPECT_EQ(B0.Message.FilePath, "/src/fx.cpp");
  EXPECT_EQ(B0.Message.FileOffset, 88u);
  ASSERT_EQ(B0.Message.Fix.count("/src/fx.cpp"), 1u);
  const clang::tooling::Replacements &Reps =
      B0.Message.Fix.find("/src/fx.cpp")->second;
  ASSERT_EQ(Reps.size(), 1u);
  EXPECT_EQ(Reps.begin()->getOffset(), 88u);
  EXPECT_EQ(Reps.begin()->getLength(), 4u);
  EXPECT_EQ(Reps.begin()->getReplacementText(), "nullptr");
  ASSERT_EQ(B0.Notes.size(), 1u);
  EXPECT_EQ(B0.Notes[0].Message, "declared here");
  EXPECT_EQ(B0.Notes[0].FilePath, "/src/fx.h");
  EXPECT_EQ(B0.Notes[0].FileOffset, 10u);
  const clang::tooling::Diagnostic &B1 = Back.Diagnostics[1];
  EXPECT_EQ(B1.DiagLevel, clang::tooling::Diagnostic::Error);
  EXPECT_EQ(B1.Message.Message, "it's 'broken': yes");
  EXPECT_TRUE(B1.Message.Fix.empty());
}

// The exported YAML is what clang-apply-replacements consumes: run the real
// binary of the LLVM we build against (a missing binary fails the test).
TEST_F(FixesTest, ExportIsAppliedByClangApplyReplacements) {
  const std::string Tool = "/usr/lib/llvm-" +
                           std::to_string(LLVM_VERSION_MAJOR) +
                           "/bin/clang-apply-replacements";
  ASSERT_TRUE(llvm::sys::fs::can_execute(Tool)) << Tool;
  const std::string A = write("a.cpp", "auto u = dsn + \"?x=1\";\nint y = 0;\n");
  const std::string H = write("a.h", "int b;\n");
  Report R;
  ReportDiagnostic D = diag(A, 1, {{A, 16, 1, "&"}});
  D.Offset = 16;
  ReportDiagnostic E = diag(A, 2, {{A, 23, 3, "long"}, {H, 0, 3, "long"}});
  E.Offset = 23;
  ReportDiagnostic NoFix = diag(A, 2, {});
  R.Diagnostics = {D, E, NoFix};
  auto YAML = exportFixes(R, A, Dir);
  ASSERT_TRUE(static_cast<bool>(YAML)) << llvm::toString(YAML.takeError());
  llvm::SmallString<128> FixesDir(Dir);
  llvm::sys::path::append(FixesDir, "fixes");
  ASSERT_FALSE(llvm::sys::fs::create_directory(FixesDir));
  llvm::SmallString<128> YAMLPath(FixesDir);
  llvm::sys::path::append(YAMLPath, "a.yaml");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(YAMLPath, EC);
    ASSERT_FALSE(EC);
    OS << *YAML;
  }
  std::string Err;
  const int RC = llvm::sys::ExecuteAndWait(
      Tool, {Tool, std::string(FixesDir)}, std::nullopt, {}, 0, 0, &Err);
  ASSERT_EQ(RC, 0) << Err << "\n" << *YAML;
  EXPECT_EQ(read(A), "auto u = dsn + \"&x=1\";\nlong y = 0;\n");
  EXPECT_EQ(read(H), "long b;\n");
}

TEST_F(FixesTest, ExportRefusesConflictsWithinOneDiagnostic) {
  Report R;
  R.Diagnostics = {diag("/src/a.cpp", 1, {{"/src/a.cpp", 0, 4, "x"},
                                          {"/src/a.cpp", 2, 4, "y"}})};
  auto YAML = exportFixes(R, "/src/a.cpp");
  ASSERT_FALSE(static_cast<bool>(YAML));
  EXPECT_NE(llvm::toString(YAML.takeError()).find("conflicting fixes"),
            std::string::npos);
}

} // namespace
} // namespace poolguard
