//===----------------------------------------------------------------------===//
//
// poolguard-duplicate-pooled-provider
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H
#define POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// The findings of poolguard-duplicate-pooled-provider over \p F: a
/// pool-owning service provided by several modules in ways that create
/// several instances. Sorted, so independent of the order TUs were analyzed.
std::vector<Finding> findDuplicatePooledProviders(const Facts &F);

/// Finds a service that owns a connection pool and is provided by several
/// modules, so several instances, each with its own pool, exist at run time.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-duplicate-pooled-provider.rst
class DuplicatePooledProviderCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;

  std::vector<Finding> reduce(const Facts &F) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H
