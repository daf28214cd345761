//===----------------------------------------------------------------------===//
//
// poolguard-connection-budget
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_CONNECTIONBUDGETCHECK_H
#define POOLGUARD_CONNECTIONBUDGETCHECK_H

#include "CrossTUCheck.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// Options of poolguard-connection-budget.
struct BudgetOptions {
  int64_t MaxConnections = 100;
  int64_t ReservedConnections = 3;
  int64_t Replicas = 1;
};

/// One pool's contribution to a database's connection total.
struct BudgetContribution {
  const PoolCreationFact *Pool = nullptr;
  /// The program (main file) whose process opens these connections; empty
  /// when the facts name fewer than two programs.
  std::string Program;
  unsigned Instances = 1;
  std::string InstancesReason;
  /// The pool's multiplier with its MultiplierSetting resolved against the
  /// program's settings (Drogon fast clients: threads + 1).
  unsigned Multiplier = 1;
  std::string MultiplierReason; ///< With the setting's origin, if any.
  std::optional<int64_t> Connections; ///< size × instances × multiplier.
};

/// Connection counts at or above this are not a number any server accepts:
/// sizes and totals saturate here and print as "unbounded".
constexpr int64_t UnboundedConnections = 1'000'000'000;

/// \p N as a number, or "unbounded" from UnboundedConnections on.
std::string connectionCount(int64_t N);

/// The connection budget of one database server (max_connections is a
/// server's limit), or of one database whose server is not known.
struct DatabaseBudget {
  std::string Database; ///< The server key, else the database key.
  /// The database as messages show it; for a server with several
  /// databases, the server ("host:port").
  std::string DatabaseText;
  std::vector<std::string> Databases;     ///< Database keys on this server.
  std::vector<std::string> DatabaseNames; ///< The same, as messages show them.
  std::vector<BudgetContribution> Pools; ///< Sorted by location.
  int64_t KnownTotal = 0;  ///< Per process.
  bool HasUnknown = false; ///< Some pool has an unknown or unbounded size.
  int64_t Available = 0;   ///< Per process: (Max - Reserved) / Replicas.
};

/// How messages name a budget group: "database 'X'", or "server 'host:port'
/// (databases 'a', 'b')" for a server with several databases.
std::string budgetSubject(const DatabaseBudget &B);

/// Computes the budget of every server (or database of an unknown server)
/// with at least one pool.
std::vector<DatabaseBudget> computeBudgets(const Facts &F,
                                           const BudgetOptions &Opts);

/// The findings of poolguard-connection-budget over \p F: databases whose
/// pools may hold more connections than the server accepts. Sorted.
std::vector<Finding> findBudgetOverruns(const Facts &F,
                                        const BudgetOptions &Opts);

/// Finds databases whose pools, summed over every instance, may open more
/// connections than the database server accepts.
///
/// For the user-facing documentation see:
/// docs/checks/poolguard-connection-budget.rst
class ConnectionBudgetCheck : public CrossTUCheck {
public:
  ConnectionBudgetCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  std::vector<Finding> reduce(const Facts &F) override;

  /// The options as read and validated by the constructor (the tool's
  /// --report=budget table).
  const BudgetOptions &budget() const { return Budget; }

private:
  BudgetOptions Budget;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_CONNECTIONBUDGETCHECK_H
