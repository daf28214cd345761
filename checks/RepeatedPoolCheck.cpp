//===----------------------------------------------------------------------===//
//
// poolguard-repeated-pool: a pure function of the facts, run by the check on
// this TU's facts (over the facts index when one is configured) and by the
// standalone tool on the merged facts of every TU.
//
//===----------------------------------------------------------------------===//

#include "RepeatedPoolCheck.h"
#include "facts/Instances.h"
#include "llvm/Support/FormatVariadic.h"

namespace clang::tidy::poolguard {

/// One finding for the pools of database \p Db, at creation \p At (\p Group
/// is in file and line order), with a note at every other creation. Its key
/// is the database, so its identity does not change when a creation is added
/// or removed.
static Finding groupFindingAt(StringRef Db,
                              ArrayRef<const PoolCreationFact *> Group,
                              size_t At) {
  const PoolCreationFact *Primary = Group[At];
  Finding Fd;
  Fd.Check = "poolguard-repeated-pool";
  Fd.Key = Db.str();
  Fd.Loc = Primary->Loc;
  Fd.Message = llvm::formatv("another connection pool to database '{0}' is "
                             "created here; {1} pools reach it; share one "
                             "pool (or executor) as its own component and "
                             "inject it",
                             databaseText(*Primary), Group.size())
                   .str();
  for (const PoolCreationFact *Other : Group) {
    Fd.Members.push_back(Other->Loc);
    if (Other == Primary)
      continue;
    Fd.Notes.push_back(
        {llvm::formatv("{0} to '{1}' created here",
                       Other == Group.front() ? "first pool" : "another pool",
                       databaseText(*Other))
             .str(),
         Other->Loc});
  }
  return Fd;
}

/// The finding at the creation that is not the first, and the same finding
/// at each creation.
static Finding groupFinding(StringRef Db,
                            ArrayRef<const PoolCreationFact *> Group) {
  Finding Fd = groupFindingAt(Db, Group, 1);
  for (size_t I = 0; I < Group.size(); ++I)
    Fd.AtMembers.push_back(groupFindingAt(Db, Group, I));
  return Fd;
}

/// The findings within one program.
static std::vector<Finding> findInProgram(const Facts &F) {
  std::vector<Finding> Findings;
  for (auto &[Db, Group] : poolsByDatabase(F))
    if (Group.size() >= 2)
      Findings.push_back(groupFinding(Db, Group));
  llvm::sort(Findings);
  return Findings;
}

std::vector<Finding> findRepeatedPools(const Facts &F) {
  return findPerProgram(F, findInProgram);
}

std::vector<Finding> RepeatedPoolCheck::reduce(const Facts &F) {
  return findRepeatedPools(F);
}

} // namespace clang::tidy::poolguard
