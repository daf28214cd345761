//===----------------------------------------------------------------------===//
//
// poolguard-duplicate-pooled-provider
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H
#define POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// Finds a service that owns a connection pool and is provided by several
/// modules, so several instances, each with its own pool, exist at run time.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-duplicate-pooled-provider.rst
class DuplicatePooledProviderCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;

protected:
  std::vector<Finding> reduce(const Facts &F) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DUPLICATEPOOLEDPROVIDERCHECK_H
