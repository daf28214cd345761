//===----------------------------------------------------------------------===//
//
// poolguard-dsn-query-append
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DSNQUERYAPPENDCHECK_H
#define POOLGUARD_DSNQUERYAPPENDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <functional>
#include <string>

namespace clang::tidy::poolguard {

class DsnEvaluator;
class DsnValue;

/// Finds a query part starting with '?' appended to a URL or DSN that
/// already has, or may have, a query string.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-dsn-query-append.rst
class DsnQueryAppendCheck : public ClangTidyCheck {
public:
  DsnQueryAppendCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// One string literal whose '?' may start a second query.
  struct Site {
    /// The string literal, or a '?' character literal.
    const Expr *Literal = nullptr;
    /// The expression that appends (for guards and sinks).
    const Expr *Anchor = nullptr;
    /// What the '?' is appended to, when it is one expression (for guards
    /// and the suggested guarded form); may be null.
    const Expr *Base = nullptr;
    /// The literal is a format string: a '?' may be followed by a field.
    bool IsFormat = false;
    /// The variable that receives the result ("url += ..."), if any.
    const VarDecl *Target = nullptr;
    /// The value of everything before byte \p Offset of the literal.
    std::function<DsnValue(std::size_t Offset)> ValueBefore;
    /// The base expression whose value precedes byte \p Offset of the
    /// literal (format arguments); defaults to \c Base.
    std::function<const Expr *(std::size_t Offset)> BaseBefore;
  };

  void checkSite(const Site &S, DsnEvaluator &Eval,
                 const ast_matchers::MatchFinder::MatchResult &Result);
  /// Each kind of match; false when \p Result is not of that kind.
  bool checkAppend(const ast_matchers::MatchFinder::MatchResult &Result,
                   DsnEvaluator &Eval);
  bool checkFormat(const ast_matchers::MatchFinder::MatchResult &Result,
                   DsnEvaluator &Eval);
  bool checkStrCat(const ast_matchers::MatchFinder::MatchResult &Result,
                   DsnEvaluator &Eval);
  bool flowsIntoSink(const Site &S, ASTContext &Ctx) const;

  const std::string RawSinkFunctions;
  llvm::StringSet<> SinkFunctions;
  /// (literal, byte offset) of every '?' already reported.
  llvm::DenseSet<std::pair<const Expr *, unsigned>> Reported;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DSNQUERYAPPENDCHECK_H
