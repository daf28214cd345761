//===----------------------------------------------------------------------===//
//
// poolguard-repeated-pool: the reducer lives in facts/Reducers.cpp so that the
// standalone tool runs the same logic on merged facts.
//
//===----------------------------------------------------------------------===//

#include "RepeatedPoolCheck.h"

namespace clang::tidy::poolguard {

std::vector<Finding> RepeatedPoolCheck::reduce(const Facts &F) {
  return findRepeatedPools(F);
}

} // namespace clang::tidy::poolguard
