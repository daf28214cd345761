//===----------------------------------------------------------------------===//
//
// Verification of the configuration as clang-tidy's --verify-config does it,
// for poolguard's checks, in every front end: option names no poolguard
// check reads and check names no poolguard check has are errors, with a
// did-you-mean.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_CONFIGVERIFIER_H
#define POOLGUARD_CONFIGVERIFIER_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// The element of \p Known nearest to \p Name by edit distance, if it is
/// close enough to be a misspelling of it; empty otherwise.
std::string closestName(llvm::StringRef Name,
                        llvm::ArrayRef<std::string> Known);

/// The configuration errors of \p Options that concern \p Check, named
/// \p Name: an option
/// "<check>.<name>" it does not read, an option addressed to a poolguard
/// check that does not exist, a global option (no check prefix) that looks
/// like a misspelling of one of its options.
std::vector<std::string> unknownOptions(ClangTidyCheck &Check,
                                        llvm::StringRef Name,
                                        const ClangTidyOptions &Options);

/// Reports unknownOptions as clang-tidy configuration errors of \p Context
/// (called by the factory of every poolguard check, so every front end
/// verifies; identical errors from several checks are reported once).
void verifyCheckOptions(ClangTidyCheck &Check, llvm::StringRef Name,
                        ClangTidyContext &Context);

/// The errors of a Checks value for poolguard: a name or glob in the
/// poolguard- namespace (or a misspelling of it, such as "poolgaurd-*") that
/// matches no poolguard check; with \p AllMustMatch (poolguard's own
/// --checks), every positive entry that matches no poolguard check.
std::vector<std::string> checkGlobErrors(llvm::StringRef Globs,
                                         bool AllMustMatch);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_CONFIGVERIFIER_H
