//===----------------------------------------------------------------------===//
//
// The poolguard clang-tidy module: registers every check of Checks.def. Linked
// into libPoolGuardTidyModule.so, the poolguard tool and poolguard-clangd.
//
//===----------------------------------------------------------------------===//

#include "ConnectionBudgetCheck.h"
#include "DsnQueryAppendCheck.h"
#include "DuplicatePooledProviderCheck.h"
#include "PoolPerCallCheck.h"
#include "RepeatedPoolCheck.h"
#include "utils/LLVMCompat.h"

namespace clang::tidy {
namespace poolguard {

class PoolGuardModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
#define POOLGUARD_CHECK(Class, Name, Kind, Summary, Details)                   \
  CheckFactories.registerCheck<Class>(Name);
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
