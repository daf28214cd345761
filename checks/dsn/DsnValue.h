//===----------------------------------------------------------------------===//
//
// The value lattice of poolguard-dsn-query-append: what is known about a
// string that is being built into a URL or DSN, and the small text parsers
// the check needs (database schemes and parameters, DSN-like names, libpq
// keyword strings, printf and {fmt} format strings). Pure logic, no AST.
//
// A value is a set of alternatives (a join of control-flow paths); each
// alternative is a concatenation of pieces: known text, an atom that cannot
// hold a '?' (a number, a character), or an unknown part (getenv, a
// parameter, a config member, a function the analysis cannot see). An
// unknown part that starts an alternative may be a whole URL and so may
// carry a query; an unknown part after known text is taken to be a URL
// component (user, host, database name) and carries none.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DSN_DSNVALUE_H
#define POOLGUARD_DSN_DSNVALUE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>

namespace clang::tidy::poolguard {

/// What is known about the query part ('?' and what follows) of a string.
enum class DsnQuery {
  None,    ///< Definitely no query (or not a URL at all).
  Present, ///< Definitely a '?' that starts a query.
  Maybe,   ///< The string may carry a query the analysis cannot see.
};

/// One piece of a string value.
struct DsnPiece {
  enum PieceKind {
    PK_Text,    ///< Known characters (\c Text).
    PK_Atom,    ///< A value that cannot hold a '?': a number, a character.
    PK_Unknown, ///< A value the analysis cannot see; \c Text is its name.
  };
  PieceKind Kind = PK_Text;
  /// PK_Text: the characters; PK_Unknown: the name the value comes from
  /// (variable, member, function or environment variable), used to decide
  /// whether the string is DSN-like.
  std::string Text;
  /// The client's index of where the piece comes from (for notes); 0 if none.
  unsigned Origin = 0;

  bool operator==(const DsnPiece &Other) const {
    return Kind == Other.Kind && Text == Other.Text && Origin == Other.Origin;
  }
};

/// The abstract value of a string expression.
class DsnValue {
public:
  using Sequence = llvm::SmallVector<DsnPiece, 4>;
  /// Joins and concatenations keep at most this many alternatives.
  static constexpr std::size_t MaxAlternatives = 8;

  /// The empty string.
  DsnValue();
  static DsnValue text(llvm::StringRef Text, unsigned Origin = 0);
  static DsnValue atom(unsigned Origin = 0);
  static DsnValue unknown(llvm::StringRef Name, unsigned Origin = 0);
  /// The value on either of two control-flow paths.
  static DsnValue join(const DsnValue &A, const DsnValue &B);

  /// The value of this string followed by \p RHS.
  DsnValue concat(const DsnValue &RHS) const;

  /// Present or None when every alternative agrees, Maybe otherwise.
  DsnQuery query() const;
  /// True if some alternative has a database scheme, a database parameter or
  /// a DSN-like name (see isDsnName).
  bool isDsnLike() const;
  /// The query of the first alternative that has one, for messages:
  /// "...?schema=public" (shortened when long); empty if there is none.
  std::string queryExcerpt() const;
  /// What libpq says when this value, a postgresql:// or postgres:// URL
  /// with a query, is followed by '?' and \p Appended (the text after that
  /// '?'): PQconninfoParse refuses the URL with this error (measured by
  /// test/pg/dsn-libpq.test). Empty when libpq would not refuse it (an
  /// appended parameter without '=' is read into the previous value) or when
  /// some alternative is not such a URL or its query is not all known.
  std::string libpqRejection(llvm::StringRef Appended) const;
  /// The origins that explain query(): the piece holding the '?' of every
  /// alternative with a query and the leading unknown piece of every
  /// alternative that may have one; in order, without duplicates or 0.
  void explainingOrigins(llvm::SmallVectorImpl<unsigned> &Out) const;

  llvm::ArrayRef<Sequence> alternatives() const { return Alternatives; }

private:
  void add(Sequence S);
  void limit();
  llvm::SmallVector<Sequence, 1> Alternatives;
};

/// The query state of one alternative. \p QueryPiece is set to the index of
/// the piece holding the '?' (Present) or of the leading unknown piece
/// (Maybe).
DsnQuery queryOfSequence(llvm::ArrayRef<DsnPiece> Pieces,
                         std::size_t *QueryPiece = nullptr);

/// True if \p Text contains "<database scheme>://".
bool hasDatabaseScheme(llvm::StringRef Text);
/// True if \p Text contains a database parameter such as connection_limit=,
/// pool_timeout=, schema=, sslmode=, application_name=, connect_timeout=.
bool hasDatabaseParameter(llvm::StringRef Text);
/// True for names that denote a connection string: DATABASE_URL, DSN, DB_URL,
/// dbUrl, CONNECTION, conninfo, connectionString, DATABASE_LINK, redisUri.
bool isDsnName(llvm::StringRef Name);
/// True if \p AfterMark (the text after a '?') starts a query parameter:
/// "name=value", "name&...", "name" or, unless \p RequireValue, nothing.
bool startsQueryParameter(llvm::StringRef AfterMark, bool RequireValue);

/// A piece of a parsed format string.
struct FormatPiece {
  enum FormatPieceKind {
    FP_Text,     ///< Literal characters (\c Text, escapes resolved).
    FP_Argument, ///< A replacement field or conversion.
  };
  FormatPieceKind Kind = FP_Text;
  /// Byte offset and length of the piece in the format string.
  std::size_t Offset = 0;
  std::size_t Length = 0;
  std::string Text;
  /// FP_Argument: the index of the formatted argument (0 = the first one
  /// after the format string), or -1 for a named {fmt} argument.
  int ArgIndex = -1;
  /// FP_Argument: true if the argument is printed as a string (%s, {}),
  /// false if it is a number or a character (%d, %c, {:x}).
  bool IsString = true;
};

/// Splits a printf format string into text and conversions ('*' widths and
/// precisions consume arguments). Returns false if the string is malformed.
bool parsePrintfFormat(llvm::StringRef Format,
                       llvm::SmallVectorImpl<FormatPiece> &Pieces);
/// Splits a {fmt} / std::format string into text and replacement fields
/// ("{}", "{1}", "{:>8}", "{{" and "}}"). Returns false if it is malformed.
bool parseBraceFormat(llvm::StringRef Format,
                      llvm::SmallVectorImpl<FormatPiece> &Pieces);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DSN_DSNVALUE_H
