//===----------------------------------------------------------------------===//
//
// AST side of poolguard-dsn-query-append: computes the DsnValue of a string
// expression inside its function (literals, macros, const/constexpr globals,
// locals and their later assignments and appends, concatenations, streams,
// format calls, StrCat), recognizes code that checks for an existing '?',
// and follows a string into database/pool APIs (sinks).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DSN_DSNEVALUATOR_H
#define POOLGUARD_DSN_DSNEVALUATOR_H

#include "dsn/ControlFlow.h"
#include "dsn/DsnValue.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// Where a piece of a string value comes from; shown as a note.
struct DsnOrigin {
  /// The message of the origin of known text.
  static constexpr llvm::StringLiteral DefinedHere = "base URL defined here";
  SourceLocation Loc;
  std::string Message;
};

/// Strips implicit conversions, temporaries, parentheses, functional casts
/// and converting constructors (std::string(x), string_view(x), AlphaNum,
/// format_string) around a string expression.
const Expr *ignoreStringWrappers(const Expr *E);

/// The format-string argument index of a printf-like call (from its format
/// attribute, else the first string-literal argument); -1 if there is none.
int printfFormatIndex(const CallExpr *Call);

/// True for the callee names of the brace-format functions (fmt::format,
/// std::format), of the printf-like writers (sprintf, snprintf) and of
/// absl::StrCat / absl::StrAppend.
bool isBraceFormatFunction(const FunctionDecl *FD);
bool isPrintfFunction(const FunctionDecl *FD);
bool isStrCatFunction(const FunctionDecl *FD);
bool isStrAppendFunction(const FunctionDecl *FD);

/// Computes DsnValues; one per check invocation (it keeps the origins).
class DsnEvaluator {
public:
  explicit DsnEvaluator(ASTContext &Ctx);

  /// The value of \p E where it is evaluated: assignments and appends to
  /// local variables that complete before \p E starts are applied.
  DsnValue evaluate(const Expr *E);
  /// The text a format call produces before byte \p EndOffset of its format
  /// string \p Format, with \p Args the formatted arguments.
  DsnValue evaluateFormat(const StringLiteral *Format,
                          llvm::ArrayRef<FormatPiece> Pieces,
                          llvm::ArrayRef<const Expr *> Args,
                          std::size_t EndOffset);
  /// The origin of the characters of \p Lit.
  unsigned literalOrigin(const StringLiteral *Lit);
  const DsnOrigin &origin(unsigned Id) const { return Origins[Id]; }

private:
  DsnValue eval(const Expr *E, SourceLocation Before, unsigned Depth);
  DsnValue evalVar(const VarDecl *VD, const Expr *Use, SourceLocation Before,
                   unsigned Depth);
  DsnValue evalTracked(const VarDecl *VD, SourceLocation Before,
                       unsigned Depth);
  DsnValue evalCall(const CallExpr *Call, SourceLocation Before,
                    unsigned Depth);
  DsnValue evalFormatCall(const CallExpr *Call, SourceLocation Before,
                          unsigned Depth);
  DsnValue evalFormatPieces(const StringLiteral *Format,
                            llvm::ArrayRef<FormatPiece> Pieces,
                            llvm::ArrayRef<const Expr *> Args,
                            std::size_t EndOffset, SourceLocation Before,
                            unsigned Depth);
  unsigned addOrigin(SourceLocation Loc, const llvm::Twine &Message);

  ASTContext &Ctx;
  ControlFlow Flow; ///< Whether a change reaches an evaluation point.
  std::vector<DsnOrigin> Origins;
  llvm::DenseMap<std::pair<SourceLocation, unsigned>, unsigned> OriginIds;
  llvm::StringMap<unsigned> MessageIds;
  llvm::SmallPtrSet<const Decl *, 8> Active;
  /// Memoized values of variables at a point and of function calls, so that
  /// shared sub-expressions are evaluated once.
  llvm::DenseMap<std::pair<const Decl *, SourceLocation>, DsnValue> VarValues;
  llvm::DenseMap<const Decl *, DsnValue> ReturnValues;
  llvm::DenseMap<const Decl *, llvm::SmallVector<const DeclRefExpr *, 8>>
      VarUses;
};

/// True if the code around \p Anchor checks for an existing '?' before
/// appending: a condition of an enclosing if/?:/loop that looks for '?', or
/// a look-up of '?' (find, strchr, contains, == '?') on a variable that
/// \p Base refers to, anywhere in the function.
bool isGuardedByQueryProbe(const Expr *Anchor, const Expr *Base,
                           ASTContext &Ctx);

/// True if the value of \p E reaches an argument of a sink: a function or
/// constructor named in \p Sinks (qualified names; a class name stands for
/// its constructors), directly, through std::make_shared/make_unique, or
/// through a local variable it initializes or is assigned to.
bool flowsIntoSink(const Expr *E, const llvm::StringSet<> &Sinks,
                   ASTContext &Ctx);
/// Same for every use of the variable \p VD in its function.
bool varFlowsIntoSink(const VarDecl *VD, const llvm::StringSet<> &Sinks,
                      ASTContext &Ctx);

/// The variable at the root of an object expression (url, os in
/// "os << a << b", s in "s.append(a)"), or null.
const VarDecl *rootVariable(const Expr *E);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DSN_DSNEVALUATOR_H
