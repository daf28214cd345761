//===----------------------------------------------------------------------===//
//
// The directories a run may read excerpts from and write fixes to. Facts
// files and cache entries are untrusted input: a path they name is only read
// for a report excerpt, or edited by --fix and --export-fixes, when it lies
// inside one of these roots (docs/reliability.md, "A sandbox for paths").
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_PROJECTROOTS_H
#define POOLGUARD_TOOL_PROJECTROOTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace poolguard {

class ProjectRoots {
public:
  /// Adds the directory \p Dir (made absolute; symlinks resolved when it
  /// exists).
  void add(llvm::StringRef Dir);

  /// Adds the deepest directory that contains every path of \p Paths
  /// (absolute or relative to the current directory).
  void addCommonAncestor(llvm::ArrayRef<std::string> Paths);

  /// Whether \p File, with symlinks and ".." resolved by the file system,
  /// lies inside a root. True for every file when no root was added (unit
  /// tests, library use).
  bool contains(llvm::StringRef File) const;

  /// The roots, for error messages.
  std::string describe() const;

  bool empty() const { return Roots.empty(); }

private:
  std::vector<std::string> Roots;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_PROJECTROOTS_H
