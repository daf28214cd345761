//===----------------------------------------------------------------------===//
//
// libPoolGuardTidyModule.so, the file given to `clang-tidy --load`: a guard
// that links no LLVM or clang library. When loaded it asks the host for its
// clang version (clang::getClangFullVersion(), resolved from the loading
// process) and loads the checks (libPoolGuardTidyChecks.so, next to it) only
// if the host is the clang-tidy they were built for. A plugin built for
// another LLVM version cannot even be opened (its symbols do not resolve) and
// clang-tidy would then carry on without our checks and exit 0; the guard
// makes the mismatch an error instead:
//
//   error: libPoolGuardTidyModule.so was built for clang-tidy 19 but is
//   loaded into clang-tidy 14; use the matching plugin or poolguard's own
//   binary
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>

#ifndef POOLGUARD_LLVM_MAJOR
#error "POOLGUARD_LLVM_MAJOR must be the LLVM major version of the checks"
#endif
#ifndef POOLGUARD_CHECKS_LIBRARY
#error "POOLGUARD_CHECKS_LIBRARY must name the library with the checks"
#endif

namespace {

constexpr const char *GuardName = "libPoolGuardTidyModule.so";
// std::string clang::getClangFullVersion(), the same mangled name and ABI in
// every clang since the libstdc++ C++11 string ABI.
constexpr const char *FullVersionSymbol =
    "_ZN5clang19getClangFullVersionB5cxx11Ev";

[[noreturn]] void fail(const std::string &Message) {
  std::fprintf(stderr, "error: %s\n", Message.c_str());
  std::fflush(stderr);
  std::_Exit(1);
}

/// The major version in "Debian clang version 19.1.7 (...)", or -1.
int majorVersion(const std::string &FullVersion) {
  std::size_t Pos = FullVersion.find("version ");
  if (Pos == std::string::npos)
    return -1;
  Pos += std::strlen("version ");
  int Major = 0;
  bool Digits = false;
  for (; Pos < FullVersion.size() && FullVersion[Pos] >= '0' &&
         FullVersion[Pos] <= '9';
       ++Pos) {
    Major = Major * 10 + (FullVersion[Pos] - '0');
    Digits = true;
    if (Major > 10000)
      return -1;
  }
  return Digits ? Major : -1;
}

/// The directory of this library, with a trailing '/', or "" if unknown.
std::string ownDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&majorVersion), &Info) ||
      !Info.dli_fname)
    return "";
  std::string Path = Info.dli_fname;
  std::size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "" : Path.substr(0, Slash + 1);
}

__attribute__((constructor)) void loadPoolGuardChecks() {
  using FullVersionFn = std::string (*)();
  auto *HostVersion =
      reinterpret_cast<FullVersionFn>(dlsym(RTLD_DEFAULT, FullVersionSymbol));
  if (!HostVersion)
    fail(std::string(GuardName) +
         " is loaded into a program that is not clang-tidy (no "
         "clang::getClangFullVersion); load it with clang-tidy " +
         std::to_string(POOLGUARD_LLVM_MAJOR) + " or use poolguard's own binary");
  int HostMajor = majorVersion(HostVersion());
  if (HostMajor != POOLGUARD_LLVM_MAJOR)
    fail(std::string(GuardName) + " (poolguard " POOLGUARD_VERSION
         ") was built for clang-tidy " +
         std::to_string(POOLGUARD_LLVM_MAJOR) + " but is loaded into " +
         (HostMajor < 0 ? std::string("an unknown clang-tidy")
                        : "clang-tidy " + std::to_string(HostMajor)) +
         "; use the matching plugin or poolguard's own binary");

  // The same flags as llvm::sys::DynamicLibrary, which opened this guard.
  std::string Checks = ownDirectory() + POOLGUARD_CHECKS_LIBRARY;
  if (!dlopen(Checks.c_str(), RTLD_LAZY | RTLD_GLOBAL)) {
    const char *Reason = dlerror();
    fail(std::string(GuardName) + " cannot load its checks: " +
         (Reason ? Reason : Checks));
  }
}

} // namespace
