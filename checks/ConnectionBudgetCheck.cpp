//===----------------------------------------------------------------------===//
//
// poolguard-connection-budget: the arithmetic lives in facts/Reducers.cpp so
// that the standalone tool runs the same logic on merged facts.
//
//===----------------------------------------------------------------------===//

#include "ConnectionBudgetCheck.h"

namespace clang::tidy::poolguard {

ConnectionBudgetCheck::ConnectionBudgetCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : CrossTUCheck(Name, Context) {
  Budget.MaxConnections = Options.get("MaxConnections", Budget.MaxConnections);
  Budget.ReservedConnections =
      Options.get("ReservedConnections", Budget.ReservedConnections);
  Budget.Replicas = Options.get("Replicas", Budget.Replicas);
  if (Budget.Replicas < 1) {
    configurationDiag("invalid option 'Replicas': %0; expected at least 1")
        << static_cast<int>(Budget.Replicas);
    Budget.Replicas = 1;
  }
}

void ConnectionBudgetCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  CrossTUCheck::storeOptions(Opts);
  Options.store(Opts, "MaxConnections", Budget.MaxConnections);
  Options.store(Opts, "ReservedConnections", Budget.ReservedConnections);
  Options.store(Opts, "Replicas", Budget.Replicas);
}

std::vector<Finding> ConnectionBudgetCheck::reduce(const Facts &F) {
  return findBudgetOverruns(F, Budget);
}

} // namespace clang::tidy::poolguard
