//===----------------------------------------------------------------------===//
//
// poolguard's checks count as fast in poolguard-clangd.
//
// clangd (17+) runs a clang-tidy check only if its FastCheckFilter allows it:
// the default, Strict, keeps the checks that clangd::isFastTidyCheck knows as
// fast from its table of measured latencies (TidyFastChecks.inc) and silently
// drops every check the table does not list, poolguard's included; Loose
// keeps unknown checks too. Both ParsedAST.cpp (filterFastTidyChecks) and
// ConfigCompile.cpp (the "Latency ... is not known" note) ask that function.
//
// The link of poolguard-clangd redirects those calls here (GNU ld --wrap, see
// CMakeLists.txt): the checks of Checks.def are fast (per-TU matchers; the
// cross-TU checks read a cached facts index), and every other check is
// decided by clangd's own table, unchanged.
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

// clang::clangd::isFastTidyCheck(llvm::StringRef) (clangd/TidyProvider.h,
// not installed by distributions), under the names --wrap gives it.
#define POOLGUARD_IS_FAST_TIDY_CHECK _ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE
#define POOLGUARD_CONCAT(A, B) A##B
#define POOLGUARD_WRAPPED(Prefix, Name) POOLGUARD_CONCAT(Prefix, Name)

extern "C" {
std::optional<bool>
    POOLGUARD_WRAPPED(__real_, POOLGUARD_IS_FAST_TIDY_CHECK)(llvm::StringRef);
std::optional<bool>
    POOLGUARD_WRAPPED(__wrap_, POOLGUARD_IS_FAST_TIDY_CHECK)(llvm::StringRef);
}

std::optional<bool>
    POOLGUARD_WRAPPED(__wrap_, POOLGUARD_IS_FAST_TIDY_CHECK)(llvm::StringRef Check) {
  for (const clang::tidy::poolguard::CheckInfo &C :
       clang::tidy::poolguard::PoolGuardChecks)
    if (C.Name == Check)
      return true;
  return POOLGUARD_WRAPPED(__real_, POOLGUARD_IS_FAST_TIDY_CHECK)(Check);
}
