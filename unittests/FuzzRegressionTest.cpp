//===----------------------------------------------------------------------===//
//
// Inputs found by the libFuzzer targets (test/fuzz, docs/reliability.md) that
// crashed or hit undefined behaviour, kept as regression tests. Run them in
// the sanitized build too (POOLGUARD_SANITIZE), where UBSan fails them if the
// bug comes back.
//
//===----------------------------------------------------------------------===//

#include "dsn/DsnValue.h"
#include "gtest/gtest.h"
#include <climits>

namespace clang::tidy::poolguard {
namespace {

// dsn-value crash-5e83da6e: a printf positional index or width with more
// digits than an int holds overflowed (signed overflow in parseNumber).
TEST(FuzzRegressionTest, PrintfPositionalIndexDoesNotOverflow) {
  llvm::SmallVector<FormatPiece, 4> Pieces;
  ASSERT_TRUE(parsePrintfFormat("%99999999999$s", Pieces));
  ASSERT_EQ(Pieces.size(), 1u);
  EXPECT_EQ(Pieces[0].Kind, FormatPiece::FP_Argument);
  // Saturated: an index past any call's arguments, never a wrapped one.
  EXPECT_EQ(Pieces[0].ArgIndex, INT_MAX - 1);
}

TEST(FuzzRegressionTest, PrintfHugeWidthDoesNotOverflow) {
  llvm::SmallVector<FormatPiece, 4> Pieces;
  // The fuzzer's input: digits, a conversion with a 16-digit width.
  llvm::StringRef Input("44444444444444444444444%444444444444444444\xd8/");
  (void)parsePrintfFormat(Input, Pieces);
  for (const FormatPiece &P : Pieces)
    EXPECT_LE(P.Offset + P.Length, Input.size());
  Pieces.clear();
  ASSERT_TRUE(parsePrintfFormat("%-88888888888888C", Pieces));
}

} // namespace
} // namespace clang::tidy::poolguard
