//===----------------------------------------------------------------------===//
//
// poolguard-connection-budget
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_CONNECTIONBUDGETCHECK_H
#define POOLGUARD_CONNECTIONBUDGETCHECK_H

#include "CrossTUCheck.h"

namespace clang::tidy::poolguard {

/// Finds databases whose pools, summed over every instance, may open more
/// connections than the database server accepts.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-connection-budget.rst
class ConnectionBudgetCheck : public CrossTUCheck {
public:
  ConnectionBudgetCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  std::vector<Finding> reduce(const Facts &F) override;

private:
  BudgetOptions Budget;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_CONNECTIONBUDGETCHECK_H
