//===----------------------------------------------------------------------===//
//
// Skipping the function bodies of libraries; see SkipBodies.h.
//
//===----------------------------------------------------------------------===//

#include "SkipBodies.h"
#include "clang/AST/DeclBase.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"

namespace poolguard {

llvm::Expected<LibraryFiles> LibraryFiles::create(ProjectRoots Roots,
                                                  llvm::StringRef HeaderRegex) {
  LibraryFiles L(std::move(Roots), HeaderRegex.str());
  if (HeaderRegex.empty())
    return L;
  L.Matcher = std::make_shared<llvm::Regex>(HeaderRegex);
  std::string Why;
  if (!L.Matcher->isValid(Why))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--library-headers: invalid regular expression '%s': %s",
        HeaderRegex.str().c_str(), Why.c_str());
  return L;
}

LibraryFiles::LibraryFiles(ProjectRoots Roots, std::string Pattern)
    : Roots(std::move(Roots)), Pattern(std::move(Pattern)) {}

bool LibraryFiles::contains(llvm::StringRef File) const {
  if (!Roots.contains(File))
    return true;
  return Matcher && Matcher->match(File);
}

std::string LibraryFiles::describe() const {
  return "roots: " + Roots.describe() + "\nlibrary headers: " + Pattern;
}

bool BodySkipper::shouldSkip(const clang::Decl *D) {
  clang::SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
  clang::FileID File = SM.getFileID(Loc);
  auto [It, New] = Decisions.try_emplace(File, false);
  if (New)
    It->second = isLibrary(File, Loc);
  Skipped += It->second;
  return It->second;
}

bool BodySkipper::isLibrary(clang::FileID File,
                            clang::SourceLocation Loc) const {
  if (File.isInvalid() || File == SM.getMainFileID())
    return false;
  if (SM.isInSystemHeader(Loc))
    return true;
  clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return false;
  // Relative to the compile command's directory, as clang opened it.
  llvm::SmallString<256> Path(Entry->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  return Libraries.contains(Path);
}

} // namespace poolguard
