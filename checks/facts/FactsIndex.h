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

/// The file name of the facts index `poolguard -p <dir>` writes into the
/// directory of the compile database, where the plugin and poolguard-clangd
/// look for it when IndexFile is not set.
inline constexpr llvm::StringLiteral DefaultIndexName = "poolguard-index.json";

/// A translation unit of \p Index, other than \p Except, modified after the
/// index at \p IndexPath was written; empty if none.
std::string newerSourceThanIndex(const Facts &Index, llvm::StringRef IndexPath,
                                 llvm::StringRef Except);

/// Replaces, in \p Index, the facts that \p TU contributed with \p Fresh
/// (the facts of the TU being analyzed now, which may have been edited since
/// the index was written) and returns the merged result.
Facts overlayTUFacts(const Facts &Index, const Facts &Fresh);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_FACTSINDEX_H
