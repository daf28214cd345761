//===----------------------------------------------------------------------===//
//
// The tool's report phase (tool/ReportPhase) against the real clang-tidy of
// the LLVM we build against: a cross-TU check's findings reported by the
// tool are suppressed by NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/END exactly
// where clang-tidy suppresses a check's diagnostics, with the same pairing
// errors (clang-tidy-nolint). The cases mirror clang-tidy's
// test/clang-tidy/infrastructure/nolint.cpp, nolintnextline.cpp,
// nolintbeginend*.cpp.
//
//===----------------------------------------------------------------------===//

#include "ReportPhase.h"
#include "TestFiles.h"
#include "utils/LLVMCompat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"
#include <set>
#include <tuple>

namespace clang::tidy::poolguard {
namespace {

constexpr llvm::StringLiteral Explicit = "google-explicit-constructor";
constexpr llvm::StringLiteral NoLintError = "clang-tidy-nolint";

/// The findings the test check reports (one per "Name(int" of the file).
std::vector<Finding> TestFindings;

/// A cross-TU check named like the clang-tidy check the cases are written
/// for, whose reducer returns TestFindings.
class FixedFindingsCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;
  std::vector<Finding> reduce(const Facts &) override { return TestFindings; }
};

class TestModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<FixedFindingsCheck>(Explicit);
  }
};
ClangTidyModuleRegistry::Add<TestModule> X("poolguard-report-phase-test",
                                           "a cross-TU check for the tests");

constexpr llvm::StringLiteral SameLineText = R"cpp(
class A { A(int i); };
class B { B(int i); }; // NOLINT
class C { C(int i); }; // NOLINT(for-some-other-check)
class C1 { C1(int i); }; // NOLINT()
class C2 { C2(int i); }; // NOLINT(*)
class C3 { C3(int i); }; // NOLINT(not-closed-bracket-is-treated-as-skip-all
class C4 { C4(int i); }; // NOLINT(google-explicit-constructor)
class C5 { C5(int i); }; // NOLINT(some-check, google-explicit-constructor)
class C6 { C6(int i); }; // NOLINT without-brackets-skip-all
class C7 { C7(int i); }; // NOLINTNEXTLINE
// NOLINTnextline
class C8 { C8(int i); }; // nolint
// NOLINTNEXTLINEXYZ
class C9 { C9(int i); }; // NOLINTXYZ
class C10 { C10(int i); }; /* NOLINT */
/* NOLINT */ class C11 { C11(int i); };
class C12 { C12(int i); }; // NOLINT(some-other-check) NOLINT(google-explicit-constructor)
class C13 { C13(int i); }; // NOLINT(google-explicit-constructor) NOLINT(some-other-check)
class C14 { C14(int i); }; // NOLINTNEXTLINE(some-other-check) NOLINT(google-explicit-constructor)
// NOLINTNEXTLINE(google-explicit-constructor) NOLINT(some-other-check)
class C15 { C15(int i); };
class C16 { C16(int i); }; // NOLINT: suppress check because <reason>
class C17 { C17(int i); }; // NOLINT(google-explicit-constructor): suppress check because <reason>
class C18 { C18(int i); }; /* NOL
INT */
/* NO
LINT */ class C19 { C19(int i); };
class C20 { C20(int i); }; // NOLINT( google-explicit-constructor )
class C21 { C21(int i); }; // NOLINT( google-explicit-constructor , some-other-check )
class C22 { C22(int i); }; // NOLINT(google-explicit- constructor)
class C23 { C23(int i); }; // NOLINT (some-other-check)
class D1 { D1(int x); }; // NOLINT(google*)
class D2 { D2(int x); }; // NOLINT(*explicit-constructor)
class D3 { D3(int x); }; // NOLINT(*explicit*)
class D4 { D4(int x); }; // NOLINT(-explicit-constructor)
class D5 { D5(int x); }; // NOLINT(google*,-google*)
class D6 { D6(int x); }; // NOLINT(*,-google*)
const char *S = "NOLINT"; class D7 { D7(int x); };
class D8 { D8(int x); }; // NOLINTfoo
class D9 { D9(int x); }; // NOLINT(Google-explicit-constructor)
int array2[10];  // NOLINT(cppcoreguidelines-avoid-c-arrays)
int array3[10];  // NOLINT(cppcoreguidelines-avoid-c-arrays,modernize-avoid-c-arrays)
int array4[10];  // NOLINT(*-avoid-c-arrays)
)cpp";

constexpr llvm::StringLiteral NextLineText = R"cpp(// NOLINTNEXTLINE
class A { A(int i); };
class B { B(int i); };
// NOLINTNEXTLINE(for-some-other-check)
class D { D(int i); };
// NOLINTNEXTLINE()
class D1 { D1(int i); };
// NOLINTNEXTLINE(*)
class D2 { D2(int i); };
// NOLINTNEXTLINE(not-closed-bracket-is-treated-as-skip-all
class D3 { D3(int i); };
// NOLINTNEXTLINE(google-explicit-constructor)
class D4 { D4(int i); };
// NOLINTNEXTLINE(some-check, google-explicit-constructor)
class D5 { D5(int i); };
// NOLINTNEXTLINE without-brackets-skip-all, another-check
class D6 { D6(int i); };
// NOLINTNEXTLINE

class E { E(int i); };
// NOLINTNEXTLINE
//
class F { F(int i); };
// NOLINTNEXTLINE(google*)
class I1 { I1(int i); };
// NOLINTNEXTLINE(-explicit-constructor)
class I4 { I4(int x); };
// NOLINTNEXTLINE(google*,-google*)
class I5 { I5(int x); };
// NOLINTNEXTLINE(*,-google*)
class I6 { I6(int x); };
// NOLINT
class I7 { I7(int x); };
class I8 { I8(int x); }; // NOLINTNEXTLINE
class I9 { I9(int x); };
)cpp";

constexpr llvm::StringLiteral BlocksText = R"cpp(
class A { A(int i); };
// NOLINTBEGIN
class B1 { B1(int i); };
// NOLINTEND
// NOLINTBEGIN
// NOLINTEND
// NOLINTBEGIN
class B2 { B2(int i); };
// NOLINTEND
// NOLINTBEGIN
// NOLINTBEGIN
class B3 { B3(int i); };
// NOLINTEND
// NOLINTEND
// NOLINTBEGIN
// NOLINTBEGIN
// NOLINTEND
class B4 { B4(int i); };
// NOLINTEND
// NOLINTBEGIN
// NOLINTEND
class B5 { B5(int i); };
// NOLINTBEGIN(google-explicit-constructor)
class C1 { C1(int i); };
// NOLINTEND(google-explicit-constructor)
// NOLINTBEGIN()
class C2 { C2(int i); };
// NOLINTEND()
// NOLINTBEGIN(*)
class C3 { C3(int i); };
// NOLINTEND(*)
// NOLINTBEGIN(some-other-check)
class C4 { C4(int i); };
// NOLINTEND(some-other-check)
// NOLINTBEGIN(some-other-check, google-explicit-constructor)
class C5 { C5(int i); };
// NOLINTEND(some-other-check,google-explicit-constructor )
// NOLINTBEGIN(google-explicit-constructor)
// NOLINTBEGIN(some-other-check)
class C6 { C6(int i); };
// NOLINTEND(some-other-check)
// NOLINTEND(google-explicit-constructor)
// NOLINTBEGIN(google-explicit-constructor)
// NOLINTBEGIN
class C7 { C7(int i); };
// NOLINTEND
// NOLINTEND(google-explicit-constructor)
// NOLINTBEGIN(not-closed-bracket-is-treated-as-skip-all
class C9 { C9(int i); };
// NOLINTEND(not-closed-bracket-is-treated-as-skip-all
// NOLINTBEGIN without-brackets-skip-all, another-check
class C10 { C10(int i); };
// NOLINTEND without-brackets-skip-all, another-check
// NOLINTBEGIN(google*)
class C11 { C11(int i); };
// NOLINTEND(google*)
// NOLINTBEGIN(-explicit-constructor)
class C14 { C14(int x); };
// NOLINTEND(-explicit-constructor)
// NOLINTBEGIN(google*,-google*)
class C15 { C15(int x); };
// NOLINTEND(google*,-google*)
// NOLINTBEGIN(*,-google*)
class C16 { C16(int x); };
// NOLINTEND(*,-google*)
class Z { Z(int i); };
)cpp";

constexpr llvm::StringLiteral BlocksAreLIFOText = R"cpp(
// NOLINTBEGIN(google-explicit-constructor)
// NOLINTBEGIN(modernize-avoid-c-style-cast)
class A { A(int i); };
auto Num = (unsigned int)(-1);
// NOLINTEND(google-explicit-constructor)
// NOLINTEND(modernize-avoid-c-style-cast)
)cpp";

constexpr llvm::StringLiteral BeginMultipleEndSingleText = R"cpp(
// NOLINTBEGIN(google-explicit-constructor,modernize-avoid-c-style-cast)
class B { B(int i); };
// NOLINTEND(google-explicit-constructor)
auto Num2 = (unsigned int)(-1);
// NOLINTEND(modernize-avoid-c-style-cast)
)cpp";

constexpr llvm::StringLiteral BeginSingleEndMultipleText = R"cpp(
// NOLINTBEGIN(google-explicit-constructor)
class B { B(int i); };
// NOLINTEND(google-explicit-constructor,modernize-avoid-c-style-cast)
)cpp";

struct TidyOutput {
  std::set<std::pair<unsigned, unsigned>> Warnings; // (line, column)
  std::set<std::tuple<unsigned, unsigned, std::string>> NoLintErrors;
};

// Runs clang-tidy with google-explicit-constructor on Source.
TidyOutput runClangTidy(llvm::StringRef Dir, llvm::StringRef Source) {
  TidyOutput Out;
  const std::string Tool = "/usr/lib/llvm-" +
                           std::to_string(LLVM_VERSION_MAJOR) +
                           "/bin/clang-tidy";
  EXPECT_TRUE(llvm::sys::fs::can_execute(Tool)) << Tool;
  llvm::SmallString<128> Log(Dir);
  llvm::sys::path::append(Log, "out.txt");
  const std::string SourceArg(Source);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Log.str(),
                                                Log.str()};
  llvm::sys::ExecuteAndWait(
      Tool,
      {Tool, "--config={}", "--checks=-*," + Explicit.str(), SourceArg, "--",
       "-std=c++17"},
      std::nullopt, Redirects);
  auto Buffer = llvm::MemoryBuffer::getFile(Log);
  EXPECT_TRUE(static_cast<bool>(Buffer));
  llvm::Regex Line("^.*t\\.cpp:([0-9]+):([0-9]+): (warning|error): (.*) "
                   "\\[([a-z-]+)\\]$");
  llvm::SmallVector<llvm::StringRef> Lines;
  if (Buffer)
    (*Buffer)->getBuffer().split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    llvm::SmallVector<llvm::StringRef, 6> M;
    if (!Line.match(L, &M))
      continue;
    const unsigned LineNo = std::stoul(M[1].str()), Col = std::stoul(M[2].str());
    if (M[5] == Explicit)
      Out.Warnings.insert({LineNo, Col});
    else if (M[5] == NoLintError)
      Out.NoLintErrors.insert({LineNo, Col, M[4].str()});
    else
      ADD_FAILURE() << "unexpected: " << L.str();
  }
  return Out;
}

// Every "Name(int i)" constructor of Text is a google-explicit-constructor
// diagnostic for clang-tidy and a finding of the test check for the report
// phase; the report phase must keep exactly those clang-tidy keeps and
// report the pairing errors clang-tidy reports.
void expectSameAsClangTidy(llvm::StringRef Text, bool ExpectWarnings = false) {
  SCOPED_TRACE(Text.str());
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("report-phase", Dir));
  const std::string Source =
      ::poolguard::test::writeTestFile(Dir, "t.cpp", Text);
  const TidyOutput Tidy = runClangTidy(Dir, Source);
  // Guards against a clang-tidy that silently reports nothing.
  if (ExpectWarnings) {
    EXPECT_FALSE(Tidy.Warnings.empty());
  }

  TestFindings.clear();
  size_t Pos = 0;
  while ((Pos = Text.find("(int ", Pos)) != llvm::StringRef::npos) {
    size_t Name = Pos;
    while (Name > 0 && (llvm::isAlnum(Text[Name - 1]) || Text[Name - 1] == '_'))
      --Name;
    const llvm::StringRef Before = Text.take_front(Name);
    Finding F;
    F.Check = Explicit.str();
    F.Message = "single-argument constructors must be marked explicit";
    F.Loc.File = Source;
    F.Loc.Line = Before.count('\n') + 1;
    F.Loc.Column = Name - (Before.find_last_of('\n') + 1) + 1;
    F.Loc.Offset = Name;
    TestFindings.push_back(std::move(F));
    Pos += 5;
  }

  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*," + Explicit.str();
  ::poolguard::ReportPhase Phase(
      std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                               Options),
      (Dir + "/t.cpp").str());
  EXPECT_TRUE(Phase.configErrors().empty());
  ASSERT_EQ(Phase.crossTUChecks().size(), 1u);
  TidyOutput Ours;
  // t.cpp is a translation unit's main file, as in clang-tidy (a file the
  // facts do not name as one is a header, subject to the header filter).
  Facts Program;
  Program.TranslationUnits = {Source};
  for (const ::poolguard::ReportedError &Reported :
       Phase.report(Program, [](const Finding &) { return true; })) {
    const ClangTidyError &E = Reported.Error;
    const unsigned Offset = E.Message.FileOffset;
    const llvm::StringRef Before = Text.take_front(Offset);
    const unsigned LineNo = Before.count('\n') + 1;
    const unsigned Col = Offset - (Before.find_last_of('\n') + 1) + 1;
    if (E.DiagnosticName == Explicit)
      Ours.Warnings.insert({LineNo, Col});
    else if (E.DiagnosticName == NoLintError)
      Ours.NoLintErrors.insert({LineNo, Col, E.Message.Message});
    else
      ADD_FAILURE() << "unexpected: " << E.DiagnosticName;
  }
  EXPECT_EQ(Ours.Warnings, Tidy.Warnings);
  EXPECT_EQ(Ours.NoLintErrors, Tidy.NoLintErrors);
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ReportPhaseNoLintTest, UpstreamCases) {
  for (llvm::StringRef Text :
       {SameLineText, NextLineText, BlocksText, BlocksAreLIFOText,
        BeginMultipleEndSingleText, BeginSingleEndMultipleText})
    expectSameAsClangTidy(Text, /*ExpectWarnings=*/true);
}

TEST(ReportPhaseNoLintTest, EdgeCases) {
  for (llvm::StringRef Text : {
           "// NOLINTBEGIN\nclass A { A(int i); };\n",
           "class A { A(int i); };\n// NOLINTEND\n",
           "class A { A(int i); };\n// NOLINTBEGIN",
           "/*NOLINTEND*/\nclass A { A(int i); };\n",
           "// NOLINTBEGIN\nclass A { A(int i); }; // NOLINT\n",
           "// NOLINTBEGIN(a,b)\nclass A { A(int i); };\n// NOLINTEND(b,a)\n",
           "// NOLINTBEGIN( google-explicit-constructor , a )\nclass A { A(int "
           "i); };\n// NOLINTEND(google-explicit-constructor,a)\n",
           "// NOLINTBEGIN(google-explicit-constructor\nclass A { A(int i); "
           "};\n// NOLINTEND(google-explicit-constructor\n",
           "// NOLINTBEGIN\n// NOLINTBEGIN(x)\nclass A { A(int i); };\n// "
           "NOLINTEND\n// NOLINTEND(x)\nclass B { B(int i); };\n",
           "// NOLINTNEXTLINE(google-explicit-constructor)\r\nclass A { A(int "
           "i); };\r\n",
           "class A { A(int i); }; // NOLINT(google-explicit-constructor,\n"
           "class B { B(int i); }; // NOLINT(*,-google-*)\n"
           "class C { C(int i); }; // NOLINT(google-explicit-constructor)x\n"
           "class D { D(int i); }; // NOLINTNOLINT\n"
           "class E { E(int i); }; // NOLINT(\tgoogle-*\t)\n",
       })
    expectSameAsClangTidy(Text);
}

} // namespace
} // namespace clang::tidy::poolguard
