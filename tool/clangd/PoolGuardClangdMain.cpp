//===----------------------------------------------------------------------===//
//
// poolguard-clangd: clangd's own main function with poolguard's clang-tidy
// checks linked in, so that `Diagnostics: ClangTidy: Add: [poolguard-*]` in
// .clangd (or `Checks: poolguard-*` in .clang-tidy) shows poolguard findings
// in any editor that talks to clangd.
//
// The checks register through the static ClangTidyModuleRegistry::Add in
// checks/PoolGuardTidyModule.cpp, linked as object files; everything else is
// upstream clangd (clangdMain, LLVM 17+).
//
// The one thing this main adds is the resource directory (clang's builtin
// headers such as <stddef.h>). clangd derives it from its own executable path,
// <bin>/../lib/clang/<major>, which is only right when the binary sits in the
// LLVM installation it was built against. When that directory has no builtin
// headers and the user did not choose one, pass clangd's --resource-dir with
// the directory of the LLVM installation poolguard-clangd was built against.
//
//===----------------------------------------------------------------------===//

#include "utils/LLVMCompat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

// Debian's libclang-19-dev ships libclangdMain.a but no clangd headers; this
// is the declaration of clangd/tool/ClangdMain.h.
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

#ifndef POOLGUARD_CLANG_RESOURCE_DIR
#define POOLGUARD_CLANG_RESOURCE_DIR ""
#endif

using llvm::StringRef;

/// True if \p Arg sets clangd's resource directory (`--resource-dir=D`,
/// `-resource-dir D`, ...).
static bool isResourceDirFlag(StringRef Arg) {
  return Arg.ltrim('-').starts_with("resource-dir");
}

/// True if the user chose a resource directory on the command line or in
/// CLANGD_FLAGS, which clangd also parses.
static bool userChoseResourceDir(int Argc, char **Argv) {
  for (int I = 1; I < Argc; ++I)
    if (isResourceDirFlag(Argv[I]))
      return true;
  const char *EnvFlags = std::getenv("CLANGD_FLAGS");
  return EnvFlags && StringRef(EnvFlags).contains("resource-dir");
}

/// True if \p Dir is a clang resource directory, i.e. holds the builtin
/// headers.
static bool hasBuiltinHeaders(StringRef Dir) {
  if (Dir.empty())
    return false;
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "include", "stddef.h");
  return llvm::sys::fs::exists(Header);
}

/// The resource directory clangd computes for itself, exactly as clangd does
/// (CompileCommands.cpp, detectStandardResourceDir).
static std::string clangdOwnResourceDir(const char *Argv0) {
  static int StaticForMainAddr;
  return clang::tidy::poolguard::resourcesPath(
      Argv0, static_cast<void *>(&StaticForMainAddr));
}

int main(int Argc, char **Argv) {
  // clangd prints its own version (the LLVM it is); say which poolguard
  // checks it carries first.
  for (int I = 1; I < Argc; ++I)
    if (StringRef(Argv[I]).ltrim('-') == "version") {
      std::printf("poolguard-clangd: poolguard " POOLGUARD_VERSION
                  " checks in clangd\n");
      std::fflush(stdout);
    }
  if (userChoseResourceDir(Argc, Argv) ||
      hasBuiltinHeaders(clangdOwnResourceDir(Argv[0])) ||
      !hasBuiltinHeaders(POOLGUARD_CLANG_RESOURCE_DIR))
    return clang::clangd::clangdMain(Argc, Argv);

  // Insert the flag right after argv[0]; later flags and clangd's own flag
  // parsing are unaffected.
  std::string ResourceDirFlag =
      std::string("--resource-dir=") + POOLGUARD_CLANG_RESOURCE_DIR;
  std::vector<char *> Args(Argv, Argv + Argc);
  Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(Argc + 1, Args.data());
}
