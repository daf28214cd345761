//===----------------------------------------------------------------------===//
//
// The import graph of a program's modules (components, injectors, bundles):
// which modules a module reaches through its imports, and how far away.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_MODULEGRAPH_H
#define POOLGUARD_FACTS_MODULEGRAPH_H

#include "facts/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// The modules of a program, with an edge from each import's \c Module to its
/// \c Imported module.
class ModuleGraph {
public:
  explicit ModuleGraph(llvm::ArrayRef<ImportFact> Imports);

  /// The program's roots: modules that import others and are imported by
  /// none, in name order.
  std::vector<std::string> roots() const;

  /// Every module reachable from \p From through imports, \p From included,
  /// with its distance in imports from the nearest module of \p From.
  llvm::StringMap<unsigned>
  distancesFrom(llvm::ArrayRef<std::string> From) const;

private:
  std::map<std::string, std::set<std::string>> Edges;
  llvm::StringSet<> Imported;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_MODULEGRAPH_H
