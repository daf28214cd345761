//===----------------------------------------------------------------------===//
//
// How poolguard names files: one absolute, dot-free spelling per path, so
// that facts, reports, caches and fixes agree on a file's name.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_PATHS_H
#define POOLGUARD_UTILS_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::poolguard {

/// \p Path made absolute against \p Dir (the current directory when \p Dir
/// is empty or \p Path is absolute), with "." removed, and ".." removed as
/// the file system sees it: "a/link/.." is the parent of the directory link
/// points to. Other symlinks keep their names.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir = "");

/// absolutePath() of a file that was read, unless removing ".." as text
/// names a file that does not exist: through a symlink, ".." is the link
/// target's parent (Debian's /lib -> usr/lib: clang reads libstdc++ as
/// /lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/vector, which is
/// /usr/include/c++/12/vector, not /include/c++/12/vector). Then the real
/// path.
std::string existingPath(llvm::StringRef Path, llvm::StringRef Dir = "");

/// \p File made absolute (against the current directory) and normalized, then
/// made relative to \p Root with '/' separators when it is inside \p Root.
/// Files outside \p Root stay absolute. An empty \p Root means the current
/// directory.
std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root);

/// The nearest directory, \p Start or a parent of it, that holds
/// compile_commands.json directly or in a build/ subdirectory (where clangd
/// and poolguard look for a compile database); empty if none.
std::string findCompileDatabaseDir(llvm::StringRef Start);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_PATHS_H
