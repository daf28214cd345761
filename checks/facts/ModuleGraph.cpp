//===----------------------------------------------------------------------===//
//
// The import graph of a program's modules: one breadth-first walk serves the
// ranking of registrations by distance from the roots, the injectors that
// reach a module and the modules a new-instance import reaches.
//
//===----------------------------------------------------------------------===//

#include "facts/ModuleGraph.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::poolguard {

ModuleGraph::ModuleGraph(llvm::ArrayRef<ImportFact> Imports) {
  for (const ImportFact &I : Imports) {
    Imported.insert(I.Imported);
    Edges[I.Module].insert(I.Imported);
  }
}

std::vector<std::string> ModuleGraph::roots() const {
  std::vector<std::string> Roots;
  for (const auto &[Module, Targets] : Edges)
    if (!Imported.contains(Module))
      Roots.push_back(Module);
  return Roots;
}

llvm::StringMap<unsigned>
ModuleGraph::distancesFrom(llvm::ArrayRef<std::string> From) const {
  llvm::StringMap<unsigned> Distance;
  std::vector<std::string> Frontier(From.begin(), From.end());
  for (unsigned Depth = 0; !Frontier.empty(); ++Depth) {
    std::vector<std::string> Next;
    for (const std::string &M : Frontier) {
      if (!Distance.try_emplace(M, Depth).second)
        continue;
      auto It = Edges.find(M);
      if (It != Edges.end())
        llvm::append_range(Next, It->second);
    }
    Frontier = std::move(Next);
  }
  return Distance;
}

} // namespace clang::tidy::poolguard
