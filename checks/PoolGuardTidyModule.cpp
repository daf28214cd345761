//===----------------------------------------------------------------------===//
//
// The poolguard clang-tidy module: registers every poolguard check. Linked
// into libPoolGuardTidyModule.so, the poolguard tool and poolguard-clangd.
//
//===----------------------------------------------------------------------===//

#include "ConnectionBudgetCheck.h"
#include "DsnQueryAppendCheck.h"
#include "DuplicatePooledProviderCheck.h"
#include "RepeatedPoolCheck.h"
#include "utils/LLVMCompat.h"

namespace clang::tidy {
namespace poolguard {

class PoolGuardModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<ConnectionBudgetCheck>(
        "poolguard-connection-budget");
    CheckFactories.registerCheck<DsnQueryAppendCheck>(
        "poolguard-dsn-query-append");
    CheckFactories.registerCheck<DuplicatePooledProviderCheck>(
        "poolguard-duplicate-pooled-provider");
    CheckFactories.registerCheck<RepeatedPoolCheck>("poolguard-repeated-pool");
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
