//===----------------------------------------------------------------------===//
//
// poolguard-repeated-pool
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_REPEATEDPOOLCHECK_H
#define POOLGUARD_REPEATEDPOOLCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// The findings of poolguard-repeated-pool over \p F: several pool creation
/// sites that reach the same database identity. Sorted.
std::vector<Finding> findRepeatedPools(const Facts &F);

/// Finds several pool creation sites in one program that reach the same
/// database.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-repeated-pool.rst
class RepeatedPoolCheck : public CrossTUCheck {
public:
  using CrossTUCheck::CrossTUCheck;

  std::vector<Finding> reduce(const Facts &F) override;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_REPEATEDPOOLCHECK_H
