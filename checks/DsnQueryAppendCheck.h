//===----------------------------------------------------------------------===//
//
// poolguard-dsn-query-append (skeleton; the full check is being written)
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DSNQUERYAPPENDCHECK_H
#define POOLGUARD_DSNQUERYAPPENDCHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::poolguard {

/// Finds a query part starting with '?' appended to a URL or DSN that
/// already has, or may have, a query string.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-dsn-query-append.rst
class DsnQueryAppendCheck : public ClangTidyCheck {
public:
  DsnQueryAppendCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DSNQUERYAPPENDCHECK_H
