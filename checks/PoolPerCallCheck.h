//===----------------------------------------------------------------------===//
//
// poolguard-pool-per-call
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_POOLPERCALLCHECK_H
#define POOLGUARD_POOLPERCALLCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// The findings of poolguard-pool-per-call over \p F: pools, connections,
/// pool owners and injectors made in code that runs again and again (the
/// Repeats of PoolCreationFact, RegistrationFact and ImportFact). Sorted.
std::vector<Finding> findPoolsPerCall(const Facts &F);

/// Finds a connection pool or connection, an object that owns a pool, or an
/// injector that makes such objects, created in code that runs again and
/// again: a request handler, a loop body, a thread or timer callback.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-pool-per-call.rst
class PoolPerCallCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;

  std::vector<Finding> reduce(const Facts &F) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_POOLPERCALLCHECK_H
