#include "facts/Reducers.h"

namespace clang::tidy::poolguard {

bool operator<(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Check, A.Message) <
         std::tie(B.Loc, B.Check, B.Message);
}

std::vector<Finding> findDuplicatePooledProviders(const Facts &F) { return {}; }
std::vector<Finding> findRepeatedPools(const Facts &F) { return {}; }
std::vector<DatabaseBudget> computeBudgets(const Facts &F,
                                           const BudgetOptions &Opts) {
  return {};
}
std::vector<Finding> findBudgetOverruns(const Facts &F,
                                        const BudgetOptions &Opts) {
  return {};
}
unsigned countInstances(const Facts &F, llvm::StringRef Type,
                        std::string *Reason) {
  return 1;
}

} // namespace clang::tidy::poolguard
