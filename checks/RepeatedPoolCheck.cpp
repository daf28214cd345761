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

/// The most sites a repeated-pool finding names in notes.
static constexpr size_t MaxPoolNotes = 16;

/// The findings within one program.
static std::vector<Finding> findInProgram(const Facts &F) {
  std::vector<Finding> Findings;
  for (auto &[Db, Group] : poolsByDatabase(F)) {
    if (Group.size() < 2)
      continue;
    for (size_t I = 1; I < Group.size(); ++I) {
      const PoolCreationFact *C = Group[I];
      Finding Fd;
      Fd.Check = "poolguard-repeated-pool";
      Fd.Loc = C->Loc;
      Fd.Message = llvm::formatv(
                       "another connection pool to database '{0}' is created "
                       "here; {1} pools reach it; share one pool (or "
                       "executor) as its own component and inject it",
                       databaseText(*C), Group.size())
                       .str();
      // Every other site gets a note, up to a bound: N pools on one
      // database would otherwise make N * (N - 1) notes.
      size_t Listed = 0;
      for (const PoolCreationFact *Other : Group) {
        if (Other == C)
          continue;
        if (Listed++ == MaxPoolNotes) {
          Fd.Notes.push_back(
              {llvm::formatv("and {0} more pools to '{1}' (see the other "
                             "warnings of this check)",
                             Group.size() - 1 - MaxPoolNotes,
                             databaseText(*C))
                   .str(),
               C->Loc});
          break;
        }
        Fd.Notes.push_back(
            {llvm::formatv("{0} to '{1}' created here",
                           Other == Group.front() ? "first pool"
                                                  : "another pool",
                           databaseText(*Other))
                 .str(),
             Other->Loc});
      }
      Findings.push_back(std::move(Fd));
    }
  }
  return Findings;
}

std::vector<Finding> findRepeatedPools(const Facts &F) {
  return findPerProgram(F, findInProgram);
}

std::vector<Finding> RepeatedPoolCheck::reduce(const Facts &F) {
  return findRepeatedPools(F);
}

} // namespace clang::tidy::poolguard
