//===----------------------------------------------------------------------===//
//
// poolguard-duplicate-pooled-provider: the reducer lives in facts/Reducers.cpp so that the
// standalone tool runs the same logic on merged facts.
//
//===----------------------------------------------------------------------===//

#include "DuplicatePooledProviderCheck.h"

namespace clang::tidy::poolguard {

std::vector<Finding> DuplicatePooledProviderCheck::reduce(const Facts &F) {
  return findDuplicatePooledProviders(F);
}

} // namespace clang::tidy::poolguard
