//===----------------------------------------------------------------------===//
//
// poolguard-pool-per-call: a pure function of the facts. The collector marks
// each pool creation that runs again and again (a loop body, a callback or
// handler the models list); the check reports them.
//
//===----------------------------------------------------------------------===//

#include "PoolPerCallCheck.h"
#include "facts/Instances.h"
#include "llvm/Support/FormatVariadic.h"
#include <set>

namespace clang::tidy::poolguard {

std::vector<Finding> findPoolsPerCall(const Facts &F) {
  std::vector<Finding> Findings;
  std::set<SourcePos> Seen; // One site seen by several TUs is one finding.
  for (const PoolCreationFact &C : F.PoolCreations) {
    if (C.Repeats.empty() || !Seen.insert(C.Loc).second)
      continue;
    Finding Fd;
    Fd.Check = "poolguard-pool-per-call";
    Fd.Loc = C.Loc;
    std::string Target =
        C.Database.empty() ? std::string()
                           : llvm::formatv(" to '{0}'", databaseText(C)).str();
    Fd.Message =
        llvm::formatv("'{0}' opens new database connections{1} {2}, on every "
                      "run; create the pool once (a member or a component) "
                      "and reuse it",
                      C.Callee, Target, C.Repeats)
            .str();
    Findings.push_back(std::move(Fd));
  }
  llvm::sort(Findings);
  return Findings;
}

std::vector<Finding> PoolPerCallCheck::reduce(const Facts &F) {
  return findPoolsPerCall(F);
}

} // namespace clang::tidy::poolguard
