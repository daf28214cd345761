//===----------------------------------------------------------------------===//
//
// File naming; see Paths.h.
//
//===----------------------------------------------------------------------===//

#include "Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::poolguard {

/// \p Path joined to \p Dir and made absolute, dots kept.
static llvm::SmallString<256> joined(llvm::StringRef Path,
                                     llvm::StringRef Dir) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P) && !Dir.empty()) {
    P = Dir;
    llvm::sys::path::append(P, Path);
  }
  llvm::sys::fs::make_absolute(P);
  return P;
}

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::SmallString<256> P = joined(Path, Dir);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string existingPath(llvm::StringRef Path, llvm::StringRef Dir) {
  std::string Lexical = absolutePath(Path, Dir);
  if (llvm::sys::fs::exists(Lexical))
    return Lexical;
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(joined(Path, Dir), Real))
    return Lexical;
  return std::string(Real);
}

} // namespace clang::tidy::poolguard
