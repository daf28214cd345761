#include "DsnQueryAppendCheck.h"

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

void DsnQueryAppendCheck::registerMatchers(MatchFinder *Finder) {}
void DsnQueryAppendCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::poolguard
