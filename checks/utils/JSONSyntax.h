//===----------------------------------------------------------------------===//
//
// Where a JSON text first breaks, for errors that name the file and line
// (nlohmann/json is used without exceptions, so its own error is a flag).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_JSONSYNTAX_H
#define POOLGUARD_UTILS_JSONSYNTAX_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace clang::tidy::poolguard {

/// Succeeds when \p Text is well-formed JSON; otherwise an error
/// "<File>:<line>: invalid JSON: <what>".
llvm::Error checkJSONSyntax(llvm::StringRef Text, llvm::StringRef File,
                            bool IgnoreComments = false);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_JSONSYNTAX_H
