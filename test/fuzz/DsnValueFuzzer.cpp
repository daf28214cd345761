//===----------------------------------------------------------------------===//
//
// libFuzzer target for the DSN/URL text parsers and the value lattice of
// poolguard-dsn-query-append (checks/dsn/DsnValue.h).
//
// The input is split at '\x01' into pieces; a piece starting with '\x02' is
// an unknown value named by the rest, '\x03' an atom, anything else text.
// Each piece goes through every text parser, and the pieces are combined
// with concat and join. Invariants checked: format pieces lie inside the
// format string, origins are ones that were given, a concatenation of text
// has a query iff queryOfSequence says so.
//
//===----------------------------------------------------------------------===//

#include "dsn/DsnValue.h"
#include "facts/DatabaseAddress.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstdlib>

using namespace clang::tidy::poolguard;

static void checkFormatPieces(llvm::StringRef Format,
                              llvm::ArrayRef<FormatPiece> Pieces) {
  for (const FormatPiece &P : Pieces)
    if (P.Offset > Format.size() || P.Length > Format.size() - P.Offset)
      std::abort();
}

static void parseText(llvm::StringRef Text) {
  (void)isDatabaseScheme(Text);
  (void)hasDatabaseScheme(Text);
  (void)hasDatabaseParameter(Text);
  (void)isDsnName(Text);
  (void)isKeywordDsn(Text);
  (void)startsQueryParameter(Text, /*RequireValue=*/false);
  (void)startsQueryParameter(Text, /*RequireValue=*/true);
  llvm::SmallVector<FormatPiece, 8> Pieces;
  if (parsePrintfFormat(Text, Pieces))
    checkFormatPieces(Text, Pieces);
  Pieces.clear();
  if (parseBraceFormat(Text, Pieces))
    checkFormatPieces(Text, Pieces);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Input.split(Parts, '\x01');

  DsnValue Concatenated;
  DsnValue Joined;
  bool First = true;
  unsigned Origin = 0;
  for (llvm::StringRef Part : Parts) {
    ++Origin;
    parseText(Part);
    DsnValue Piece;
    if (Part.consume_front("\x02"))
      Piece = DsnValue::unknown(Part, Origin);
    else if (Part.consume_front("\x03"))
      Piece = DsnValue::atom(Origin);
    else
      Piece = DsnValue::text(Part, Origin);
    Concatenated = Concatenated.concat(Piece);
    Joined = First ? Piece : DsnValue::join(Joined, Piece);
    First = false;
  }

  for (const DsnValue *V : {&Concatenated, &Joined}) {
    if (V->alternatives().size() > DsnValue::MaxAlternatives)
      std::abort();
    DsnQuery Q = V->query();
    (void)V->isDsnLike();
    std::string Excerpt = V->queryExcerpt();
    llvm::SmallVector<unsigned, 4> Origins;
    V->explainingOrigins(Origins);
    for (unsigned O : Origins)
      if (O == 0 || O > Origin)
        std::abort();
    for (const DsnValue::Sequence &S : V->alternatives()) {
      std::size_t QueryPiece = 0;
      DsnQuery SQ = queryOfSequence(S, &QueryPiece);
      if (SQ != DsnQuery::None && QueryPiece >= S.size())
        std::abort();
    }
    if (Q == DsnQuery::Present && Excerpt.empty())
      std::abort();
  }
  return 0;
}
