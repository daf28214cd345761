//===----------------------------------------------------------------------===//
//
// The facts index: merged facts written by `poolguard --write-index` and read
// by the cross-TU checks in clang-tidy and poolguard-clangd.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_FACTSINDEX_H
#define POOLGUARD_FACTS_FACTSINDEX_H

#include "facts/Facts.h"
#include <memory>

namespace clang::tidy::poolguard {

/// Loads the index at \p Path. Loads are cached per path and modification
/// time, so many checks in many TUs of one process parse it once.
llvm::Expected<std::shared_ptr<const Facts>>
loadFactsIndex(llvm::StringRef Path);

/// Replaces, in \p Index, the facts that \p TU contributed with \p Fresh
/// (the facts of the TU being analyzed now, which may have been edited since
/// the index was written) and returns the merged result.
Facts overlayTUFacts(const Facts &Index, const Facts &Fresh);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_FACTSINDEX_H
