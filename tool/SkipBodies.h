//===----------------------------------------------------------------------===//
//
// Which function bodies the map step does not parse. poolguard judges library
// types by their declarations: registrations, pool creations and DSN values
// live in the project's own code. Bodies of functions in system headers and
// in library headers (outside the project roots, or matched by
// --library-headers) are skipped with clang's own mechanism
// (FrontendOptions::SkipFunctionBodies, ASTConsumer::shouldSkipFunctionBody),
// as clangd's preamble builder does; clang keeps the bodies it must evaluate
// (constexpr, consteval, deduced return types). See docs/performance.md.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_SKIPBODIES_H
#define POOLGUARD_TOOL_SKIPBODIES_H

#include "ProjectRoots.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>

namespace clang {
class Decl;
class SourceManager;
} // namespace clang

namespace poolguard {

/// The files that are libraries to the project: outside its roots, or
/// matched by the --library-headers regular expression.
class LibraryFiles {
public:
  /// \p HeaderRegex: empty for none; an invalid one is an error naming it.
  static llvm::Expected<LibraryFiles> create(ProjectRoots Roots,
                                             llvm::StringRef HeaderRegex);

  /// Whether \p File (absolute) is a library file.
  bool contains(llvm::StringRef File) const;

  /// The roots and the expression, for cache keys.
  std::string describe() const;

private:
  LibraryFiles(ProjectRoots Roots, std::string Pattern);
  ProjectRoots Roots;
  std::string Pattern;
  std::shared_ptr<llvm::Regex> Matcher; // null without a pattern
};

/// Decides, per declaration, whether clang may skip a function body: in a
/// system header or a library file, never in the main file. The decision is
/// made once per file, by the file the declaration is expanded in (a
/// function a library macro defines in the project's code is the project's).
class BodySkipper {
public:
  /// \p Skipped counts the bodies allowed to be skipped.
  BodySkipper(const clang::SourceManager &SM, const LibraryFiles &Libraries,
              unsigned &Skipped)
      : SM(SM), Libraries(Libraries), Skipped(Skipped) {}
  bool shouldSkip(const clang::Decl *D);

private:
  bool isLibrary(clang::FileID File, clang::SourceLocation Loc) const;
  const clang::SourceManager &SM;
  const LibraryFiles &Libraries;
  unsigned &Skipped;
  llvm::DenseMap<clang::FileID, bool> Decisions;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_SKIPBODIES_H
