//===----------------------------------------------------------------------===//
//
// The poolguard clang-tidy module: registers every check of Checks.def. Linked
// into libPoolGuardTidyModule.so, the poolguard tool and poolguard-clangd.
//
//===----------------------------------------------------------------------===//

#include "ConfigVerifier.h"
#include "ConnectionBudgetCheck.h"
#include "DsnQueryAppendCheck.h"
#include "DuplicatePooledProviderCheck.h"
#include "PoolPerCallCheck.h"
#include "RepeatedPoolCheck.h"
#include "utils/LLVMCompat.h"

namespace clang::tidy {
namespace poolguard {

/// Makes a check and verifies the options addressed to it, in every front
/// end (ConfigVerifier.h).
template <typename CheckType>
static std::unique_ptr<ClangTidyCheck> verified(llvm::StringRef Name,
                                                ClangTidyContext *Context) {
  auto Check = std::make_unique<CheckType>(Name, Context);
  verifyCheckOptions(*Check, Name, *Context);
  return Check;
}

class PoolGuardModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
#define POOLGUARD_CHECK(Class, Name, Kind, Summary, Details)                   \
  CheckFactories.registerCheckFactory(Name, verified<Class>);
#include "Checks.def"
  }
};

} // namespace poolguard

// Register the module using this statically initialized variable.
static ClangTidyModuleRegistry::Add<poolguard::PoolGuardModule>
    X("poolguard-module", "Adds poolguard's connection-pool and DSN checks.");

// This anchor is used to force the linker to link in the generated object
// file and thus register the PoolGuardModule.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int PoolGuardModuleAnchorSource = 0;

} // namespace clang::tidy
