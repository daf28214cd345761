//===----------------------------------------------------------------------===//
//
// Unit tests of NOLINT handling on raw bytes. The cases mirror clang-tidy's
// test/clang-tidy/infrastructure/nolint.cpp, nolintnextline.cpp,
// nolintbeginend.cpp and nolintbeginend-*.cpp (release/19.x): a diagnostic
// is placed at the constructor of each class, as google-explicit-constructor
// reports it there.
//
//===----------------------------------------------------------------------===//

#include "TestFiles.h"
#include "utils/NoLint.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "gtest/gtest.h"
#include <map>
#include <set>
#include <tuple>

namespace clang::tidy::poolguard {
namespace {

constexpr llvm::StringLiteral Explicit = "google-explicit-constructor";

// Offset of the first occurrence of Needle (which must exist).
unsigned at(llvm::StringRef Text, llvm::StringRef Needle) {
  const size_t Pos = Text.find(Needle);
  EXPECT_NE(Pos, llvm::StringRef::npos) << "no '" << Needle.str() << "'";
  return Pos;
}

// Whether a diagnostic of Check at the first Needle is suppressed.
bool suppressed(const NoLintFile &F, llvm::StringRef Text,
                llvm::StringRef Needle, llvm::StringRef Check = Explicit) {
  return F.suppresses(at(Text, Needle), Check);
}

// The texts of the upstream-mirrored cases; DifferentialTest runs the real
// clang-tidy on them too.
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

TEST(NoLintGlobListTest, MatchesLikeClangTidy) {
  NoLintGlobList L("google*, -google-explicit*,*-arrays", true);
  EXPECT_TRUE(L.contains("google-readability-casting"));
  EXPECT_FALSE(L.contains("google-explicit-constructor"));
  EXPECT_TRUE(L.contains("modernize-avoid-c-arrays"));
  EXPECT_FALSE(L.contains("misc-unused"));
  // Whole-name match, case-sensitive.
  EXPECT_FALSE(NoLintGlobList("google").contains("google-x"));
  EXPECT_FALSE(NoLintGlobList("Google*").contains("google-x"));
  EXPECT_TRUE(NoLintGlobList("*").contains(""));
  EXPECT_TRUE(NoLintGlobList("a*b*c").contains("aXbYbc"));
  EXPECT_FALSE(NoLintGlobList("a*b*c").contains("aXbYbcd"));
  // Regex metacharacters are literal.
  EXPECT_TRUE(NoLintGlobList("a.b").contains("a.b"));
  EXPECT_FALSE(NoLintGlobList("a.b").contains("axb"));
  // The empty list matches nothing but the empty name.
  EXPECT_FALSE(NoLintGlobList("").contains("x"));
  // Negative globs dropped.
  EXPECT_FALSE(NoLintGlobList("-x", false).contains("x"));
  EXPECT_TRUE(NoLintGlobList("x,-x", false).contains("x"));
  EXPECT_FALSE(NoLintGlobList("x,-x", true).contains("x"));
  // Newlines separate globs too.
  EXPECT_TRUE(NoLintGlobList("a\nb").contains("b"));
}

// nolint.cpp
TEST(NoLintTest, SameLine) {
  const llvm::StringRef Text = SameLineText;
  NoLintFile F(Text);
  EXPECT_FALSE(suppressed(F, Text, "A(int"));
  EXPECT_TRUE(suppressed(F, Text, "B(int"));
  EXPECT_FALSE(suppressed(F, Text, "C(int"));
  EXPECT_FALSE(suppressed(F, Text, "C1(int"));
  EXPECT_TRUE(suppressed(F, Text, "C2(int"));
  EXPECT_TRUE(suppressed(F, Text, "C3(int"));
  EXPECT_TRUE(suppressed(F, Text, "C4(int"));
  EXPECT_TRUE(suppressed(F, Text, "C5(int"));
  EXPECT_TRUE(suppressed(F, Text, "C6(int"));
  EXPECT_FALSE(suppressed(F, Text, "C7(int"));
  EXPECT_FALSE(suppressed(F, Text, "C8(int"));
  EXPECT_FALSE(suppressed(F, Text, "C9(int"));
  EXPECT_TRUE(suppressed(F, Text, "C10(int"));
  EXPECT_TRUE(suppressed(F, Text, "C11(int"));
  EXPECT_TRUE(suppressed(F, Text, "C12(int"));
  EXPECT_TRUE(suppressed(F, Text, "C13(int"));
  EXPECT_TRUE(suppressed(F, Text, "C14(int"));
  EXPECT_TRUE(suppressed(F, Text, "C15(int"));
  EXPECT_TRUE(suppressed(F, Text, "C16(int"));
  EXPECT_TRUE(suppressed(F, Text, "C17(int"));
  EXPECT_FALSE(suppressed(F, Text, "C18(int"));
  EXPECT_FALSE(suppressed(F, Text, "C19(int"));
  EXPECT_TRUE(suppressed(F, Text, "C20(int"));
  EXPECT_TRUE(suppressed(F, Text, "C21(int"));
  EXPECT_FALSE(suppressed(F, Text, "C22(int"));
  EXPECT_TRUE(suppressed(F, Text, "C23(int"));
  EXPECT_TRUE(suppressed(F, Text, "D1(int"));
  EXPECT_TRUE(suppressed(F, Text, "D2(int"));
  EXPECT_TRUE(suppressed(F, Text, "D3(int"));
  EXPECT_FALSE(suppressed(F, Text, "D4(int"));
  EXPECT_TRUE(suppressed(F, Text, "D5(int"));
  EXPECT_TRUE(suppressed(F, Text, "D6(int"));
  // Textual: a NOLINT inside a string literal counts.
  EXPECT_TRUE(suppressed(F, Text, "D7(int"));
  EXPECT_FALSE(suppressed(F, Text, "D8(int"));
  // Check names are case-sensitive.
  EXPECT_FALSE(suppressed(F, Text, "D9(int"));

  // One diagnostic, two check names (aliases): each is looked up.
  const unsigned A2 = at(Text, "int array2");
  EXPECT_TRUE(F.suppresses(A2, "cppcoreguidelines-avoid-c-arrays"));
  EXPECT_FALSE(F.suppresses(A2, "modernize-avoid-c-arrays"));
  const unsigned A3 = at(Text, "int array3");
  EXPECT_TRUE(F.suppresses(A3, "cppcoreguidelines-avoid-c-arrays"));
  EXPECT_TRUE(F.suppresses(A3, "modernize-avoid-c-arrays"));
  EXPECT_TRUE(F.suppresses(at(Text, "int array4"), "modernize-avoid-c-arrays"));
  EXPECT_TRUE(F.errors().empty());
}

// nolintnextline.cpp
TEST(NoLintTest, NextLine) {
  const llvm::StringRef Text = NextLineText;
  NoLintFile F(Text);
  EXPECT_TRUE(suppressed(F, Text, "A(int"));
  EXPECT_FALSE(suppressed(F, Text, "B(int"));
  EXPECT_FALSE(suppressed(F, Text, "D(int"));
  EXPECT_FALSE(suppressed(F, Text, "D1(int"));
  EXPECT_TRUE(suppressed(F, Text, "D2(int"));
  EXPECT_TRUE(suppressed(F, Text, "D3(int"));
  EXPECT_TRUE(suppressed(F, Text, "D4(int"));
  EXPECT_TRUE(suppressed(F, Text, "D5(int"));
  EXPECT_TRUE(suppressed(F, Text, "D6(int"));
  // A blank or comment line in between breaks NOLINTNEXTLINE.
  EXPECT_FALSE(suppressed(F, Text, "E(int"));
  EXPECT_FALSE(suppressed(F, Text, "F(int"));
  EXPECT_TRUE(suppressed(F, Text, "I1(int"));
  EXPECT_FALSE(suppressed(F, Text, "I4(int"));
  EXPECT_TRUE(suppressed(F, Text, "I5(int"));
  EXPECT_TRUE(suppressed(F, Text, "I6(int"));
  // NOLINT applies to its own line only; NOLINTNEXTLINE to the next only.
  EXPECT_FALSE(suppressed(F, Text, "I7(int"));
  EXPECT_FALSE(suppressed(F, Text, "I8(int"));
  EXPECT_TRUE(suppressed(F, Text, "I9(int"));
}

TEST(NoLintTest, NextLineOnFirstLineAndCRLF) {
  // A diagnostic on the first line has no previous line.
  const llvm::StringRef First = "class A { A(int i); };\n";
  EXPECT_FALSE(NoLintFile(First).suppresses(at(First, "A(int"), Explicit));
  // CRLF: the '\r' stays in the previous line and does not matter.
  const llvm::StringRef CRLF = "// NOLINTNEXTLINE(google-*)\r\nclass A { A(int i); };\r\n";
  EXPECT_TRUE(NoLintFile(CRLF).suppresses(at(CRLF, "A(int"), Explicit));
  // Offsets past the end are never suppressed.
  EXPECT_FALSE(NoLintFile("// NOLINT").suppresses(100, Explicit));
}

// nolintbeginend.cpp
TEST(NoLintTest, Blocks) {
  const llvm::StringRef Text = BlocksText;
  NoLintFile F(Text);
  EXPECT_FALSE(suppressed(F, Text, "A(int"));
  EXPECT_TRUE(suppressed(F, Text, "B1(int"));
  EXPECT_TRUE(suppressed(F, Text, "B2(int"));
  EXPECT_TRUE(suppressed(F, Text, "B3(int"));
  EXPECT_TRUE(suppressed(F, Text, "B4(int"));
  EXPECT_FALSE(suppressed(F, Text, "B5(int"));
  EXPECT_TRUE(suppressed(F, Text, "C1(int"));
  EXPECT_FALSE(suppressed(F, Text, "C2(int"));
  EXPECT_TRUE(suppressed(F, Text, "C3(int"));
  EXPECT_FALSE(suppressed(F, Text, "C4(int"));
  EXPECT_TRUE(suppressed(F, Text, "C5(int"));
  EXPECT_TRUE(suppressed(F, Text, "C6(int"));
  EXPECT_TRUE(suppressed(F, Text, "C7(int"));
  EXPECT_TRUE(suppressed(F, Text, "C9(int"));
  EXPECT_TRUE(suppressed(F, Text, "C10(int"));
  EXPECT_TRUE(suppressed(F, Text, "C11(int"));
  EXPECT_FALSE(suppressed(F, Text, "C14(int"));
  EXPECT_TRUE(suppressed(F, Text, "C15(int"));
  EXPECT_TRUE(suppressed(F, Text, "C16(int"));
  EXPECT_FALSE(suppressed(F, Text, "Z(int"));
  EXPECT_TRUE(F.errors().empty());
  // The directives themselves are outside their block (strict bounds).
  EXPECT_FALSE(F.suppresses(at(Text, "NOLINTBEGIN\nclass B1"), Explicit));
  // With blocks disabled only line-level directives count.
  EXPECT_FALSE(F.suppresses(at(Text, "B1(int"), Explicit,
                            /*EnableNoLintBlocks=*/false));
}

constexpr llvm::StringLiteral UnmatchedBegin =
    "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment";
constexpr llvm::StringLiteral UnmatchedEnd =
    "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment";

// nolintbeginend-LIFO.cpp
TEST(NoLintTest, BlocksAreLIFO) {
  const llvm::StringRef Text = BlocksAreLIFOText;
  NoLintFile F(Text);
  EXPECT_FALSE(suppressed(F, Text, "A(int"));
  EXPECT_TRUE(suppressed(F, Text, "(unsigned", "modernize-avoid-c-style-cast"));
  ASSERT_EQ(F.errors().size(), 2u);
  EXPECT_EQ(F.errors()[0].Line, 2u);
  EXPECT_EQ(F.errors()[0].Column, 4u);
  EXPECT_EQ(F.errors()[0].Offset, at(Text, "NOLINTBEGIN(google"));
  EXPECT_EQ(F.errors()[0].Message, UnmatchedBegin);
  EXPECT_EQ(F.errors()[1].Line, 6u);
  EXPECT_EQ(F.errors()[1].Column, 4u);
  EXPECT_EQ(F.errors()[1].Message, UnmatchedEnd);
}

// nolintbeginend-begin-multiple-end-single.cpp
TEST(NoLintTest, BeginMultipleEndSingle) {
  const llvm::StringRef Text = BeginMultipleEndSingleText;
  NoLintFile F(Text);
  EXPECT_FALSE(suppressed(F, Text, "B(int"));
  EXPECT_FALSE(suppressed(F, Text, "(unsigned", "modernize-avoid-c-style-cast"));
  ASSERT_EQ(F.errors().size(), 3u);
  EXPECT_EQ(F.errors()[0].Message, UnmatchedBegin);
  EXPECT_EQ(F.errors()[0].Line, 2u);
  EXPECT_EQ(F.errors()[1].Message, UnmatchedEnd);
  EXPECT_EQ(F.errors()[1].Line, 4u);
  EXPECT_EQ(F.errors()[2].Message, UnmatchedEnd);
  EXPECT_EQ(F.errors()[2].Line, 6u);
}

// nolintbeginend-begin-single-end-multiple.cpp
TEST(NoLintTest, BeginSingleEndMultiple) {
  const llvm::StringRef Text = BeginSingleEndMultipleText;
  NoLintFile F(Text);
  EXPECT_FALSE(suppressed(F, Text, "B(int"));
  ASSERT_EQ(F.errors().size(), 2u);
  EXPECT_EQ(F.errors()[0].Message, UnmatchedBegin);
  EXPECT_EQ(F.errors()[1].Message, UnmatchedEnd);
}

// nolintbeginend-begin-all-end-specific.cpp, -begin-glob-end-all.cpp,
// -begin-specific-end-all.cpp, -begin-all-end-glob.cpp,
// -mismatched-check-names.cpp
TEST(NoLintTest, CheckListsMustMatchTextually) {
  for (auto [Begin, End] :
       std::vector<std::pair<llvm::StringRef, llvm::StringRef>>{
           {"NOLINTBEGIN", "NOLINTEND(google-explicit-constructor)"},
           {"NOLINTBEGIN(google-explicit-constructor)", "NOLINTEND"},
           {"NOLINTBEGIN(google-explicit*)", "NOLINTEND"},
           {"NOLINTBEGIN", "NOLINTEND(*)"},
           {"NOLINTBEGIN(google-explicit-constructor)",
            "NOLINTEND(google-explicit*)"},
           {"NOLINTBEGIN(google-explicit-constructor)",
            "NOLINTEND(google-explicit-constructo)"},
           {"NOLINTBEGIN(a,b)", "NOLINTEND(b,a)"},
       }) {
    const std::string Text = "// " + Begin.str() +
                             "\nclass A { A(int i); };\n// " + End.str() + "\n";
    NoLintFile F(Text);
    EXPECT_FALSE(suppressed(F, Text, "A(int")) << Text;
    ASSERT_EQ(F.errors().size(), 2u) << Text;
    EXPECT_EQ(F.errors()[0].Message, UnmatchedBegin);
    EXPECT_EQ(F.errors()[0].Line, 1u);
    EXPECT_EQ(F.errors()[1].Message, UnmatchedEnd);
    EXPECT_EQ(F.errors()[1].Line, 3u);
  }
}

// nolintbeginend-begin-without-end.cpp, -end-without-begin.cpp,
// -begin-at-eof.cpp, -end-at-sof.cpp
TEST(NoLintTest, UnpairedDirectives) {
  {
    const llvm::StringRef Text = "// NOLINTBEGIN\nclass A { A(int i); };\n";
    NoLintFile F(Text);
    EXPECT_FALSE(suppressed(F, Text, "A(int"));
    ASSERT_EQ(F.errors().size(), 1u);
    EXPECT_EQ(F.errors()[0].Message, UnmatchedBegin);
    EXPECT_EQ(F.errors()[0].Column, 4u);
  }
  {
    const llvm::StringRef Text = "class A { A(int i); };\n// NOLINTEND\n";
    NoLintFile F(Text);
    EXPECT_FALSE(suppressed(F, Text, "A(int"));
    ASSERT_EQ(F.errors().size(), 1u);
    EXPECT_EQ(F.errors()[0].Message, UnmatchedEnd);
    EXPECT_EQ(F.errors()[0].Line, 2u);
  }
  {
    const llvm::StringRef Text = "class A { A(int i); };\n// NOLINTBEGIN";
    NoLintFile F(Text);
    EXPECT_FALSE(suppressed(F, Text, "A(int"));
    ASSERT_EQ(F.errors().size(), 1u);
    EXPECT_EQ(F.errors()[0].Line, 2u);
  }
  {
    const llvm::StringRef Text = "NOLINTEND\nclass A { A(int i); };\n";
    NoLintFile F(Text);
    EXPECT_FALSE(suppressed(F, Text, "A(int"));
    ASSERT_EQ(F.errors().size(), 1u);
    EXPECT_EQ(F.errors()[0].Line, 1u);
    EXPECT_EQ(F.errors()[0].Column, 1u);
  }
}

TEST(NoLintTest, BlocksConsultedOnlyWhenLineLevelDoesNotApply) {
  const llvm::StringRef Text =
      "// NOLINTBEGIN\nclass A { A(int i); }; // NOLINT\n";
  NoLintFile F(Text);
  EXPECT_FALSE(F.blocksConsulted());
  EXPECT_TRUE(suppressed(F, Text, "A(int"));
  // clang-tidy would report no pairing error for this file.
  EXPECT_FALSE(F.blocksConsulted());
  EXPECT_EQ(F.errors().size(), 1u);
  EXPECT_FALSE(F.suppresses(0, Explicit));
  EXPECT_TRUE(F.blocksConsulted());
}

// Macro cases of nolint.cpp, nolintnextline.cpp and nolintbeginend.cpp: the
// spelling offset first, then the expansion chain.
TEST(NoLintTest, MacroChains) {
  const llvm::StringRef Text = R"cpp(
#define MACRO(X) class X { X(int i); };
MACRO(D)
MACRO(E) // NOLINT
#define MACRO_NOLINT class G { G(int i); }; // NOLINT
MACRO_NOLINT
// NOLINTNEXTLINE
MACRO(H)
// NOLINTBEGIN
#define MACRO_WRAPPED_WITH_NO_LINT class I { I(int i); };
// NOLINTEND
MACRO_WRAPPED_WITH_NO_LINT
#define DOUBLE_MACRO MACRO(K) // NOLINT
DOUBLE_MACRO
)cpp";
  NoLintFile F(Text);
  const unsigned Def = at(Text, "X(int");
  EXPECT_FALSE(F.suppresses({Def, at(Text, "MACRO(D)")}, Explicit));
  EXPECT_TRUE(F.suppresses({Def, at(Text, "MACRO(E)")}, Explicit));
  EXPECT_TRUE(F.suppresses({at(Text, "G(int"), at(Text, "MACRO_NOLINT\n")},
                           Explicit));
  EXPECT_TRUE(F.suppresses({Def, at(Text, "MACRO(H)")}, Explicit));
  EXPECT_TRUE(F.suppresses(
      {at(Text, "I(int"), at(Text, "MACRO_WRAPPED_WITH_NO_LINT\n")}, Explicit));
  // MACRO's definition, then MACRO(K) in DOUBLE_MACRO's definition (NOLINT),
  // then the DOUBLE_MACRO expansion.
  EXPECT_TRUE(F.suppresses(
      {Def, at(Text, "MACRO(K)"), at(Text, "DOUBLE_MACRO\n")}, Explicit));
  EXPECT_FALSE(F.suppresses(llvm::ArrayRef<unsigned>(), Explicit));
}

TEST(NoLintCacheTest, ChainAcrossFiles) {
  std::map<std::string, std::string> Files = {
      {"/p/m.h", "#define MAKE(X) class X { X(int i); };\n"},
      {"/p/a.cpp", "#include \"m.h\"\nMAKE(A)\nMAKE(B) // NOLINT\n"
                   "// NOLINTBEGIN\n"},
  };
  int Reads = 0;
  NoLintCache Cache([&](llvm::StringRef Path) -> std::optional<std::string> {
    ++Reads;
    auto It = Files.find(Path.str());
    if (It == Files.end())
      return std::nullopt;
    return It->second;
  });
  const unsigned Def = at(Files["/p/m.h"], "X(int");
  const llvm::StringRef A = Files["/p/a.cpp"];
  EXPECT_FALSE(Cache.suppresses({{"/p/m.h", Def}, {"/p/a.cpp", at(A, "MAKE(A)")}},
                                Explicit));
  EXPECT_TRUE(Cache.suppresses({{"/p/m.h", Def}, {"/p/a.cpp", at(A, "MAKE(B)")}},
                               Explicit));
  EXPECT_FALSE(Cache.suppresses("/p/missing.cpp", 0, Explicit));
  EXPECT_EQ(Reads, 3);
  auto Errors = Cache.errors();
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_EQ(Errors[0].first, "/p/a.cpp");
  EXPECT_EQ(Errors[0].second.Message, UnmatchedBegin);
  EXPECT_EQ(Errors[0].second.Line, 4u);
}

//===----------------------------------------------------------------------===//
// Differential test against the real clang-tidy of the LLVM we build against
//===----------------------------------------------------------------------===//

struct TidyOutput {
  std::set<std::pair<unsigned, unsigned>> Warnings; // (line, column)
  std::set<std::tuple<unsigned, unsigned, std::string>> NoLintErrors;
};

// Runs clang-tidy with google-explicit-constructor on Text.
TidyOutput runClangTidy(llvm::StringRef Text) {
  TidyOutput Out;
  const std::string Tool = "/usr/lib/llvm-" +
                           std::to_string(LLVM_VERSION_MAJOR) +
                           "/bin/clang-tidy";
  EXPECT_TRUE(llvm::sys::fs::can_execute(Tool)) << Tool;
  llvm::SmallString<128> Dir, Source, Log;
  EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("nolint-diff", Dir));
  Source = ::poolguard::test::writeTestFile(Dir, "t.cpp", Text);
  Log = Dir;
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
    else if (M[5] == NoLintErrorCheck)
      Out.NoLintErrors.insert({LineNo, Col, M[4].str()});
    else
      ADD_FAILURE() << "unexpected: " << L.str();
  }
  llvm::sys::fs::remove_directories(Dir);
  return Out;
}

// Every "Name(int i)" constructor of Text is a google-explicit-constructor
// diagnostic; NoLintFile must suppress exactly those clang-tidy suppresses
// and report the pairing errors clang-tidy reports.
void expectSameAsClangTidy(llvm::StringRef Text, bool ExpectWarnings = false) {
  SCOPED_TRACE(Text.str());
  const TidyOutput Tidy = runClangTidy(Text);
  // Guards against a clang-tidy that silently reports nothing.
  if (ExpectWarnings)
    EXPECT_FALSE(Tidy.Warnings.empty());
  NoLintFile F(Text);
  TidyOutput Ours;
  size_t Pos = 0;
  while ((Pos = Text.find("(int ", Pos)) != llvm::StringRef::npos) {
    size_t Name = Pos;
    while (Name > 0 && (llvm::isAlnum(Text[Name - 1]) || Text[Name - 1] == '_'))
      --Name;
    const llvm::StringRef Before = Text.take_front(Name);
    const unsigned LineNo = Before.count('\n') + 1;
    const unsigned Col = Name - (Before.find_last_of('\n') + 1) + 1;
    if (!F.suppresses(Name, Explicit))
      Ours.Warnings.insert({LineNo, Col});
    Pos += 5;
  }
  if (F.blocksConsulted())
    for (const NoLintError &E : F.errors())
      Ours.NoLintErrors.insert({E.Line, E.Column, E.Message});
  EXPECT_EQ(Ours.Warnings, Tidy.Warnings);
  EXPECT_EQ(Ours.NoLintErrors, Tidy.NoLintErrors);
}

TEST(NoLintDifferentialTest, UpstreamCases) {
  for (llvm::StringRef Text :
       {SameLineText, NextLineText, BlocksText, BlocksAreLIFOText,
        BeginMultipleEndSingleText, BeginSingleEndMultipleText})
    expectSameAsClangTidy(Text, /*ExpectWarnings=*/true);
}

TEST(NoLintDifferentialTest, EdgeCases) {
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
