//===----------------------------------------------------------------------===//
//
// The map step's front-end action: one parse of a TU runs clang-tidy's
// per-TU checks (through clang-tidy's own AST consumer) and the facts
// collector on the same AST, records every file the TU read (with the hash
// of the bytes parsed) and the places where a new header would shadow one it
// read, and, with a BodySkipper, skips the bodies of library functions.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_MAPACTION_H
#define POOLGUARD_TOOL_MAPACTION_H

#include "SkipBodies.h"
#include "facts/FactsCollector.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <string>
#include <vector>

namespace poolguard {

/// The files a TU read, and the hash of the bytes clang parsed of each.
struct ReadFiles {
  std::vector<std::string> Names;
  llvm::StringMap<std::string> Hashes;
  /// Files that would have been included instead had they existed: a header
  /// created there later shadows the one that was read.
  std::vector<std::string> Absent;
};

/// What a parse needs besides clang-tidy's context.
struct MapState {
  clang::tidy::poolguard::FactsCollector &Collector;
  ReadFiles &Deps;
  /// The library files whose function bodies are skipped; null: none.
  const LibraryFiles *Libraries;
  unsigned &Skipped; ///< Counts the bodies skipped.
};

/// The action factory of one map-step parse.
std::unique_ptr<clang::tooling::FrontendActionFactory>
newMapActionFactory(clang::tidy::ClangTidyContext &Context, MapState &State);

/// The compile command as clang-tidy runs it: syntax only, no output or
/// dependency files, the command line's --extra-arg-before/--extra-arg and
/// the .clang-tidy ExtraArgsBefore/ExtraArgs of \p TUOpts where clang-tidy
/// puts them, and the resource directory of the LLVM poolguard was built
/// against.
void addMapArgumentAdjusters(clang::tooling::ClangTool &Tool,
                             const std::vector<std::string> &ExtraArgsBefore,
                             const std::vector<std::string> &ExtraArgs,
                             const clang::tidy::ClangTidyOptions &TUOpts);

} // namespace poolguard

#endif // POOLGUARD_TOOL_MAPACTION_H
