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
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
  if (!llvm::is_contained(llvm::make_range(llvm::sys::path::begin(P),
                                           llvm::sys::path::end(P)),
                          ".."))
    return std::string(P);
  // "a/link/.." is the parent of link's target, not "a": resolve a symlink
  // before stepping out of it. Other components keep their spelling.
  llvm::SmallString<256> Out;
  for (llvm::StringRef C : llvm::make_range(llvm::sys::path::begin(P),
                                            llvm::sys::path::end(P))) {
    if (C != "..") {
      if (Out.empty())
        Out = C; // The root.
      else
        llvm::sys::path::append(Out, C);
      continue;
    }
    llvm::sys::fs::file_status Link;
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::status(Out, Link, /*follow=*/false) &&
        Link.type() == llvm::sys::fs::file_type::symlink_file &&
        !llvm::sys::fs::real_path(Out, Real))
      Out = Real;
    if (llvm::sys::path::has_parent_path(Out) &&
        llvm::sys::path::parent_path(Out) != Out)
      llvm::sys::path::remove_filename(Out);
  }
  return std::string(Out);
}

std::string existingPath(llvm::StringRef Path, llvm::StringRef Dir) {
  std::string Lexical = absolutePath(Path, Dir);
  if (llvm::sys::fs::exists(Lexical))
    return Lexical;
  // realpath() fails where stat() does (both resolve the path the same
  // way): one call for an absent file, not a readlink() per component.
  const llvm::SmallString<256> Joined = joined(Path, Dir);
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::exists(Joined) || llvm::sys::fs::real_path(Joined, Real))
    return Lexical;
  return std::string(Real);
}

std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root) {
  const std::string Abs = absolutePath(File);
  const std::string RootAbs = absolutePath(Root);
  llvm::StringRef Rel = Abs;
  if (!Rel.consume_front(RootAbs))
    return llvm::sys::path::convert_to_slash(Abs);
  if (!llvm::StringRef(RootAbs).ends_with("/") && !Rel.consume_front("/"))
    return llvm::sys::path::convert_to_slash(Abs); // "/src2" under "/src"
  return llvm::sys::path::convert_to_slash(Rel);
}

std::string findCompileDatabaseDir(llvm::StringRef Start) {
  std::string Abs = absolutePath(Start);
  for (llvm::StringRef D = Abs; !D.empty(); D = llvm::sys::path::parent_path(D))
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Dir(D);
      if (!Sub.empty()) // append(Dir, "") would add a trailing separator
        llvm::sys::path::append(Dir, Sub);
      llvm::SmallString<256> JSON(Dir);
      llvm::sys::path::append(JSON, "compile_commands.json");
      if (llvm::sys::fs::exists(JSON))
        return std::string(Dir);
    }
  return "";
}

} // namespace clang::tidy::poolguard
