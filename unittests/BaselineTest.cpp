//===----------------------------------------------------------------------===//
//
// Unit tests of finding fingerprints and baseline files.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <map>

namespace poolguard {
namespace {

constexpr llvm::StringLiteral Check = "poolguard-dsn-query-append";

ReportDiagnostic diag(llvm::StringRef File, unsigned Line, unsigned Column,
                      llvm::StringRef Message = "query parameter appended "
                                                "with '?' to a DSN that "
                                                "already has a query") {
  ReportDiagnostic D;
  D.Check = Check.str();
  D.Severity = "warning";
  D.Message = Message.str();
  D.File = File.str();
  D.Line = Line;
  D.Column = Column;
  return D;
}

struct FakeFiles {
  std::map<std::string, std::string> Files;
  FileReader reader() {
    return [this](llvm::StringRef Path) -> std::optional<std::string> {
      auto It = Files.find(Path.str());
      if (It == Files.end())
        return std::nullopt;
      return It->second;
    };
  }
};

TEST(FingerprintTest, NormalizedLineText) {
  EXPECT_EQ(normalizedLineText("a\n  int x =\t1;\r\nb", 2, 0), "intx=1;");
  EXPECT_EQ(normalizedLineText("a\nbc d\n", 0, 3), "bcd");
  EXPECT_EQ(normalizedLineText("a\n", 5, 0), "");
  EXPECT_EQ(normalizedLineText("a", 0, 9), "");
}

TEST(FingerprintTest, StableAcrossLineShiftsAndIndentation) {
  FakeFiles Before, After;
  Before.Files["/src/a.cpp"] = "int a;\nauto u = dsn + \"?x=1\";\n";
  After.Files["/src/a.cpp"] =
      "// new comment\n\nint a;\n    auto u = dsn  + \"?x=1\";\n";
  Report R1, R2;
  R1.Diagnostics = {diag("/src/a.cpp", 2, 16)};
  R2.Diagnostics = {diag("/src/a.cpp", 4, 20)};
  const auto P1 = computeFingerprints(R1, Before.reader());
  const auto P2 = computeFingerprints(R2, After.reader());
  ASSERT_EQ(P1.size(), 1u);
  EXPECT_EQ(P1, P2);
  EXPECT_TRUE(llvm::StringRef(P1[0]).ends_with(":1"));
  EXPECT_EQ(P1[0].size(), 16u + 2u);
}

TEST(FingerprintTest, ChangesWithLineTextMessageOrCheck) {
  FakeFiles F;
  F.Files["/src/a.cpp"] = "auto u = dsn + \"?x=1\";\nauto v = dsn + \"?y=1\";\n";
  Report R;
  R.Diagnostics = {diag("/src/a.cpp", 1, 16), diag("/src/a.cpp", 2, 16),
                   diag("/src/a.cpp", 1, 16, "other message")};
  R.Diagnostics.push_back(diag("/src/a.cpp", 1, 16));
  R.Diagnostics.back().Check = "poolguard-repeated-pool";
  const auto P = computeFingerprints(R, F.reader());
  EXPECT_NE(P[0], P[1]);
  EXPECT_NE(P[0], P[2]);
  EXPECT_NE(P[0], P[3]);
}

TEST(FingerprintTest, OccurrenceIndexAmongIdenticalFindings) {
  FakeFiles F;
  F.Files["/src/a.cpp"] = "f(dsn + \"?a\");\nf(dsn + \"?a\");\nint x;\n";
  F.Files["/src/b.cpp"] = "f(dsn + \"?a\");\n";
  Report R;
  R.Diagnostics = {diag("/src/a.cpp", 1, 7), diag("/src/a.cpp", 2, 7),
                   diag("/src/b.cpp", 1, 7)};
  const auto P = computeFingerprints(R, F.reader());
  const llvm::StringRef Hash = llvm::StringRef(P[0]).drop_back(2);
  EXPECT_EQ(P[0], (Hash + ":1").str());
  EXPECT_EQ(P[1], (Hash + ":2").str());
  // Occurrences count per file.
  EXPECT_EQ(P[2], (Hash + ":1").str());
}

TEST(FingerprintTest, UnreadableFileStillFingerprints) {
  Report R;
  R.Diagnostics = {diag("/nonexistent/x.cpp", 3, 1)};
  const auto P = computeFingerprints(R, FakeFiles().reader());
  ASSERT_EQ(P.size(), 1u);
  EXPECT_TRUE(llvm::StringRef(P[0]).ends_with(":1"));
}

TEST(BaselineTest, RelativeToRoot) {
  EXPECT_EQ(relativeToRoot("/src/a/b.cpp", "/src"), "a/b.cpp");
  EXPECT_EQ(relativeToRoot("/src/a/../b.cpp", "/src/"), "b.cpp");
  EXPECT_EQ(relativeToRoot("/src2/b.cpp", "/src"), "/src2/b.cpp");
  EXPECT_EQ(relativeToRoot("/other/b.cpp", "/src"), "/other/b.cpp");
}

TEST(BaselineTest, FiltersKnownFindingsOnly) {
  FakeFiles Old, New;
  Old.Files["/src/a.cpp"] = "f(dsn + \"?a\");\nint x;\n";
  New.Files["/src/a.cpp"] =
      "int y;\nf(dsn + \"?a\");\nint x;\nf(dsn + \"?a\");\ng(dsn + \"?b\");\n";
  Report Accepted;
  Accepted.Diagnostics = {diag("/src/a.cpp", 1, 7)};
  const Baseline B = makeBaseline(Accepted, "/src", Old.reader());
  ASSERT_EQ(B.Entries.size(), 1u);
  EXPECT_EQ(B.Entries.begin()->File, "a.cpp");

  Report Now;
  Now.Diagnostics = {diag("/src/a.cpp", 2, 7), diag("/src/a.cpp", 4, 7),
                     diag("/src/a.cpp", 5, 7)};
  EXPECT_EQ(filterBaseline(Now, B, "/src", New.reader()), 1u);
  // The moved accepted finding is gone; the second identical one and the
  // different one are new.
  ASSERT_EQ(Now.Diagnostics.size(), 2u);
  EXPECT_EQ(Now.Diagnostics[0].Line, 4u);
  EXPECT_EQ(Now.Diagnostics[1].Line, 5u);
}

/// A duplicate-provider finding over registrations at \p Members (line 1
/// of each file), reported at the second.
ReportDiagnostic group(std::vector<std::string> Members, unsigned Count) {
  ReportDiagnostic D = diag(Members[1], 1, 1,
                            "'S' owns a connection pool and is provided "
                            "again; its " +
                                std::to_string(Count) + " registrations");
  D.Check = "poolguard-duplicate-pooled-provider";
  D.Key = "S";
  for (const std::string &M : Members)
    D.Members.push_back({M, 1});
  return D;
}

TEST(BaselineTest, GroupFindingKnownWhileItHasNoNewMember) {
  FakeFiles Files;
  for (const char *F : {"/src/a.cpp", "/src/b.cpp", "/src/c.cpp", "/src/d.cpp"})
    Files.Files[F] = "reg<S>();\n";
  Report Accepted;
  Accepted.Diagnostics = {group({"/src/a.cpp", "/src/b.cpp", "/src/c.cpp"}, 3)};
  const Baseline B = makeBaseline(Accepted, "/src", Files.reader());
  ASSERT_EQ(B.Groups.size(), 1u);
  EXPECT_EQ(B.Groups.begin()->second.size(), 3u);

  // One registration fixed: another location, another message, same finding.
  Report Fixed;
  Fixed.Diagnostics = {group({"/src/a.cpp", "/src/c.cpp"}, 2)};
  EXPECT_EQ(computeFingerprints(Fixed, Files.reader()),
            computeFingerprints(Accepted, Files.reader()));
  EXPECT_EQ(filterBaseline(Fixed, B, "/src", Files.reader()), 1u);

  // A new registration: reported again.
  Report Added;
  Added.Diagnostics = {
      group({"/src/a.cpp", "/src/b.cpp", "/src/c.cpp", "/src/d.cpp"}, 4)};
  EXPECT_EQ(filterBaseline(Added, B, "/src", Files.reader()), 0u);
  ASSERT_EQ(Added.Diagnostics.size(), 1u);
  // Which member is new: a note there.
  ASSERT_EQ(Added.Diagnostics[0].Notes.size(), 1u);
  EXPECT_EQ(Added.Diagnostics[0].Notes[0].File, "/src/d.cpp");
  EXPECT_EQ(Added.Diagnostics[0].Notes[0].Message,
            "added since the baseline was written; the finding is reported "
            "again because of it");

  // The members survive the file format.
  auto Parsed = parseBaseline(baselineToJSON(Accepted, "/src", Files.reader()),
                              "base.json");
  ASSERT_TRUE(static_cast<bool>(Parsed));
  EXPECT_EQ(Parsed->Groups, B.Groups);
}

TEST(BaselineTest, NewGroupMemberIsWhereTheGroupIsReported) {
  FakeFiles Files;
  for (const char *F : {"/src/a.cpp", "/src/b.cpp", "/src/c.cpp"})
    Files.Files[F] = "reg<S>();\n";
  Files.Files["/src/0.cpp"] = "reg<S>(); // new\n";
  Report Accepted;
  Accepted.Diagnostics = {group({"/src/a.cpp", "/src/b.cpp", "/src/c.cpp"}, 3)};
  const Baseline B = makeBaseline(Accepted, "/src", Files.reader());
  const std::vector<ReportPlace> Known = {
      {"/src/a.cpp", 1}, {"/src/b.cpp", 1}, {"/src/c.cpp", 1}};
  // Every member known: the group's own choice.
  EXPECT_EQ(newGroupMember(B, "poolguard-duplicate-pooled-provider", "S",
                           Known, "/src", ProjectRoots(), Files.reader()),
            std::nullopt);
  // A new member sorting first in the group: reported there.
  std::vector<ReportPlace> Added = Known;
  Added.insert(Added.begin(), {"/src/0.cpp", 1});
  EXPECT_EQ(newGroupMember(B, "poolguard-duplicate-pooled-provider", "S",
                           Added, "/src", ProjectRoots(), Files.reader()),
            std::optional<size_t>(0));
  // A group the baseline does not hold (another key or check): not moved.
  EXPECT_EQ(newGroupMember(B, "poolguard-duplicate-pooled-provider", "T",
                           Added, "/src", ProjectRoots(), Files.reader()),
            std::nullopt);
  EXPECT_EQ(newGroupMember(B, "poolguard-repeated-pool", "S", Added, "/src",
                           ProjectRoots(), Files.reader()),
            std::nullopt);
}

TEST(BaselineTest, SameRootIndependentOfCheckoutLocation) {
  FakeFiles A, B;
  A.Files["/home/a/repo/src/x.cpp"] = "f(dsn + \"?a\");\n";
  B.Files["/ci/work/src/x.cpp"] = "f(dsn + \"?a\");\n";
  Report RA, RB;
  RA.Diagnostics = {diag("/home/a/repo/src/x.cpp", 1, 7)};
  RB.Diagnostics = {diag("/ci/work/src/x.cpp", 1, 7)};
  const Baseline Base = makeBaseline(RA, "/home/a/repo", A.reader());
  EXPECT_EQ(filterBaseline(RB, Base, "/ci/work", B.reader()), 1u);
  EXPECT_TRUE(RB.Diagnostics.empty());
}

TEST(BaselineTest, JSONRoundTripAndDeterminism) {
  FakeFiles F;
  F.Files["/src/b.cpp"] = "f(dsn + \"?a\");\n";
  F.Files["/src/a.cpp"] = "f(dsn + \"?a\");\n";
  Report R;
  R.Diagnostics = {diag("/src/b.cpp", 1, 7), diag("/src/a.cpp", 1, 7)};
  const std::string JSON = baselineToJSON(R, "/src", F.reader());
  EXPECT_EQ(JSON, baselineToJSON(R, "/src", F.reader()));
  // Sorted by file.
  EXPECT_LT(JSON.find("\"a.cpp\""), JSON.find("\"b.cpp\""));
  EXPECT_NE(JSON.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(JSON.find("\"message\": \"query parameter"), std::string::npos);
  auto B = parseBaseline(JSON, "b.json");
  ASSERT_TRUE(static_cast<bool>(B)) << llvm::toString(B.takeError());
  EXPECT_EQ(B->Entries.size(), 2u);
  EXPECT_EQ(B->Entries.size(), makeBaseline(R, "/src", F.reader()).Entries.size());
  EXPECT_TRUE(B->Entries == makeBaseline(R, "/src", F.reader()).Entries);
}

TEST(BaselineTest, InvalidUtf8MessageIsReplacedNotFatal) {
  FakeFiles F;
  F.Files["/src/a.cpp"] = "f(\"\xff\");\n";
  Report R;
  R.Diagnostics = {diag("/src/a.cpp", 1, 3, "bad byte \xff")};
  const std::string JSON = baselineToJSON(R, "/src", F.reader());
  auto B = parseBaseline(JSON, "b.json");
  ASSERT_TRUE(static_cast<bool>(B)) << llvm::toString(B.takeError());
  EXPECT_EQ(B->Entries.size(), 1u);
  EXPECT_NE(JSON.find("bad byte \xEF\xBF\xBD"), std::string::npos);
}

std::string errorOf(llvm::StringRef JSON) {
  auto B = parseBaseline(JSON, "base.json");
  if (B)
    return "";
  return llvm::toString(B.takeError());
}

TEST(BaselineTest, ClearErrors) {
  EXPECT_EQ(errorOf("{"),
            "invalid baseline file 'base.json': base.json:1: invalid JSON: "
            "syntax error while parsing object key - unexpected end of "
            "input; expected string literal");
  EXPECT_EQ(errorOf("{\"version\": " + std::string(100000, '[')),
            "invalid baseline file 'base.json': base.json:1: nesting deeper "
            "than 64 levels");
  EXPECT_EQ(errorOf("[]"),
            "invalid baseline file 'base.json': expected a JSON object");
  EXPECT_EQ(errorOf("{\"findings\":[]}"),
            "invalid baseline file 'base.json': missing integer 'version'");
  EXPECT_EQ(errorOf("{\"version\":2,\"findings\":[]}"),
            "invalid baseline file 'base.json': unsupported version 2 "
            "(expected 1)");
  EXPECT_EQ(errorOf("{\"version\":1}"),
            "invalid baseline file 'base.json': missing array 'findings'");
  EXPECT_EQ(errorOf("{\"version\":1,\"findings\":[{\"check\":\"c\","
                    "\"file\":\"f\"}]}"),
            "invalid baseline file 'base.json': findings[0]: missing string "
            "'fingerprint'");
  EXPECT_EQ(errorOf("{\"version\":1,\"findings\":[3]}"),
            "invalid baseline file 'base.json': findings[0]: missing string "
            "'check'");
  EXPECT_EQ(errorOf("{\"version\":1,\"findings\":[{\"check\":\"c\","
                    "\"file\":\"f\",\"fingerprint\":\"x:1\","
                    "\"members\":[\"a\",2]}]}"),
            "invalid baseline file 'base.json': findings[0]: 'members' is not "
            "an array of strings");
  EXPECT_EQ(errorOf("{\"version\":1,\"findings\":[]}"), "");
  auto Missing = loadBaseline("/nonexistent/dir/base.json");
  ASSERT_FALSE(static_cast<bool>(Missing));
  EXPECT_EQ(llvm::toString(Missing.takeError()),
            "cannot read baseline file '/nonexistent/dir/base.json': No such "
            "file or directory");
}

TEST(BaselineTest, WriteAndLoadFile) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("baseline-test", Dir));
  llvm::SmallString<128> Src(Dir), Path(Dir);
  llvm::sys::path::append(Src, "a.cpp");
  llvm::sys::path::append(Path, "base.json");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Src, EC);
    ASSERT_FALSE(EC);
    OS << "f(dsn + \"?a\");\n";
  }
  Report R;
  R.Diagnostics = {diag(Src, 1, 7)};
  ASSERT_FALSE(static_cast<bool>(writeBaseline(Path, R, Dir)));
  auto B = loadBaseline(Path);
  ASSERT_TRUE(static_cast<bool>(B)) << llvm::toString(B.takeError());
  ASSERT_EQ(B->Entries.size(), 1u);
  EXPECT_EQ(B->Entries.begin()->File, "a.cpp");
  EXPECT_EQ(filterBaseline(R, *B, Dir), 1u);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace poolguard
