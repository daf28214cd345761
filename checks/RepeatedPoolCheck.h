//===----------------------------------------------------------------------===//
//
// poolguard-repeated-pool
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_REPEATEDPOOLCHECK_H
#define POOLGUARD_REPEATEDPOOLCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// Finds several pool creation sites that reach the same database.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-repeated-pool.rst
class RepeatedPoolCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;

protected:
  std::vector<Finding> reduce(const Facts &F) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_REPEATEDPOOLCHECK_H
