//===----------------------------------------------------------------------===//
//
// A bound on the nesting of YAML read by poolguard (userver configuration
// files, `.clang-tidy`), checked before a recursive reader sees the text:
// LLVM's YAML node skipping and clang-tidy's YAML input recurse once per
// level, so a small file of nested brackets would exhaust the stack.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_YAMLDEPTH_H
#define POOLGUARD_UTILS_YAMLDEPTH_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace clang::tidy::poolguard {

/// The deepest nesting of sequences and mappings accepted in YAML that
/// poolguard reads.
constexpr unsigned MaxYAMLDepth = 64;

/// Walks every document of \p Text (the contents of \p File) without
/// recursion and fails with "<File>:<line>: nesting deeper than <MaxDepth>
/// levels" at the first collection nested deeper than \p MaxDepth. Syntax
/// errors are left to the reader that runs afterwards.
llvm::Error checkYAMLDepth(llvm::StringRef Text, llvm::StringRef File,
                           unsigned MaxDepth = MaxYAMLDepth);

/// The walk of checkYAMLDepth: the 1-based line of the first collection
/// nested deeper than \p MaxDepth, if any.
std::optional<unsigned> lineNestedTooDeep(llvm::StringRef Text,
                                          unsigned MaxDepth = MaxYAMLDepth);

/// "nesting deeper than <MaxDepth> levels".
std::string tooDeepMessage(unsigned MaxDepth = MaxYAMLDepth);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_YAMLDEPTH_H
