//===----------------------------------------------------------------------===//
//
// Project roots; see ProjectRoots.h.
//
//===----------------------------------------------------------------------===//

#include "ProjectRoots.h"
#include "utils/Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace poolguard {

/// \p Path with every symlink and ".." resolved by the file system. For a
/// path that does not exist (yet), its nearest existing ancestor is resolved
/// and the rest appended.
static std::string resolved(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(Abs, Real))
    return std::string(Real);
  llvm::StringRef Parent = llvm::sys::path::parent_path(Abs);
  if (Parent.empty() || Parent == Abs)
    return clang::tidy::poolguard::absolutePath(Abs);
  llvm::SmallString<256> Result(resolved(Parent));
  llvm::sys::path::append(Result, llvm::sys::path::filename(Abs));
  return clang::tidy::poolguard::absolutePath(Result);
}

void ProjectRoots::add(llvm::StringRef Dir) {
  std::string R = resolved(Dir);
  if (!llvm::is_contained(Roots, R))
    Roots.push_back(std::move(R));
}

void ProjectRoots::addCommonAncestor(llvm::ArrayRef<std::string> Paths) {
  std::string Common;
  for (const std::string &P : Paths) {
    std::string R = resolved(P);
    if (Common.empty()) {
      Common = R;
      continue;
    }
    while (!Common.empty() && R != Common &&
           !llvm::StringRef(R).starts_with(
               llvm::StringRef(Common).ends_with("/") ? Common : Common + "/"))
      Common = std::string(llvm::sys::path::parent_path(Common));
  }
  if (!Common.empty())
    add(Common);
}

bool ProjectRoots::contains(llvm::StringRef File) const {
  if (Roots.empty())
    return true;
  const std::string R = resolved(File);
  for (const std::string &Root : Roots) {
    llvm::StringRef Prefix = Root;
    if (R == Root ||
        llvm::StringRef(R).starts_with(Prefix.ends_with("/") ? Root
                                                             : Root + "/"))
      return true;
  }
  return false;
}

std::string ProjectRoots::describe() const {
  return llvm::join(Roots, ", ");
}

} // namespace poolguard
