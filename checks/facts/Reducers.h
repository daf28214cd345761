//===----------------------------------------------------------------------===//
//
// Whole-program checks over merged facts. Pure data in, findings out: the
// same functions serve the standalone tool (all TUs merged), the clang-tidy
// plugin and poolguard-clangd (one TU, optionally overlaid on an index).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_REDUCERS_H
#define POOLGUARD_FACTS_REDUCERS_H

#include "facts/Facts.h"

namespace clang::tidy::poolguard {

struct FindingNote {
  std::string Message;
  SourcePos Loc;
};

/// A diagnostic computed from facts, before NOLINT filtering.
struct Finding {
  std::string Check;
  std::string Message;
  SourcePos Loc;
  std::vector<FindingNote> Notes;
};
bool operator<(const Finding &A, const Finding &B);

/// poolguard-duplicate-pooled-provider: a pool-owning service provided by
/// several modules in ways that create several instances.
std::vector<Finding> findDuplicatePooledProviders(const Facts &F);

/// poolguard-repeated-pool: several pool creation sites that reach the same
/// database identity.
std::vector<Finding> findRepeatedPools(const Facts &F);

/// Options of poolguard-connection-budget.
struct BudgetOptions {
  int64_t MaxConnections = 100;
  int64_t ReservedConnections = 3;
  int64_t Replicas = 1;
};

/// One pool's contribution to a database's connection total.
struct BudgetContribution {
  const PoolCreationFact *Pool = nullptr;
  unsigned Instances = 1;
  std::string InstancesReason;
  /// The pool's multiplier with its MultiplierSetting resolved against the
  /// program's settings (Drogon fast clients: threads + 1).
  unsigned Multiplier = 1;
  std::string MultiplierReason; ///< With the setting's origin, if any.
  std::optional<int64_t> Connections; ///< size × instances × multiplier.
};

/// The connection budget of one database identity.
struct DatabaseBudget {
  std::string Database;
  std::string DatabaseText;
  std::vector<BudgetContribution> Pools; ///< Sorted by location.
  int64_t KnownTotal = 0;  ///< Per process.
  bool HasUnknown = false; ///< Some pool has an unknown or unbounded size.
  int64_t Available = 0;   ///< Per process: (Max - Reserved) / Replicas.
};

/// Computes the budget of every database with at least one pool.
std::vector<DatabaseBudget> computeBudgets(const Facts &F,
                                           const BudgetOptions &Opts);

/// poolguard-connection-budget: databases whose pools may hold more
/// connections than the server accepts.
std::vector<Finding> findBudgetOverruns(const Facts &F,
                                        const BudgetOptions &Opts);

/// How many instances of \p Type the registrations in \p F create (1 when
/// the type is not registered), with a reason for messages.
unsigned countInstances(const Facts &F, llvm::StringRef Type,
                        std::string *Reason = nullptr);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_REDUCERS_H
