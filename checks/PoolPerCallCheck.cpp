//===----------------------------------------------------------------------===//
//
// poolguard-pool-per-call: a pure function of the facts. The collector marks
// each pool creation, registration and injector that runs again and again (a
// loop body, a callback or handler the models list); the check reports the
// pools, the pool owners and the injectors that make pool owners.
//
//===----------------------------------------------------------------------===//

#include "PoolPerCallCheck.h"
#include "facts/Instances.h"
#include "facts/ModuleGraph.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>
#include <set>

namespace clang::tidy::poolguard {

/// A pool creation in code that repeats: a new pool on every run.
static void findRepeatedCreations(const Facts &F,
                                  std::vector<Finding> &Findings) {
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
}

/// Whether a registration of lifetime \p L makes a new instance each time
/// the code that registers or injects it runs again. A per-name component,
/// a per-type singleton (Boost.DI's static singleton) and a global are made
/// once whatever runs again.
static bool madePerRun(LifetimeKind L) {
  switch (L) {
  case LifetimeKind::PerRegistration:
  case LifetimeKind::PerModule:
  case LifetimeKind::PerInjector:
  case LifetimeKind::PerConsumer:
    return true;
  case LifetimeKind::PerName:
  case LifetimeKind::PerType:
  case LifetimeKind::Global:
    return false;
  }
  return false;
}

namespace {
/// Why each type owns a pool: its own PoolOwnerFact, else the first member
/// through which it holds an owner (HoldingFact), transitively.
class PoolOwnership {
public:
  explicit PoolOwnership(const Facts &F) {
    for (const PoolOwnerFact &O : F.PoolOwners) // Sorted: the first reason.
      Owners.try_emplace(O.Type, &O);
    // Holdings, to a fixed point: an owner of an owner owns a pool.
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const HoldingFact &H : F.Holdings)
        if (Owners.count(H.Held) && !Holds.count(H.Owner) &&
            !Owners.count(H.Owner))
          Changed |= Holds.try_emplace(H.Owner, &H).second;
    }
  }

  bool owns(llvm::StringRef Type) const {
    return Owners.count(Type.str()) || Holds.count(Type.str());
  }

  /// A note at the member, base or creation that makes \p Type an owner.
  FindingNote note(llvm::StringRef Type) const {
    if (auto It = Owners.find(Type.str()); It != Owners.end())
      return {llvm::formatv("'{0}' owns a pool: {1}", Type, It->second->Reason)
                  .str(),
              It->second->Loc};
    const HoldingFact *H = Holds.at(Type.str());
    return {llvm::formatv("'{0}' owns a pool: member '{1}' of type '{2}', "
                          "which owns one",
                          Type, H->Member, H->Held)
                .str(),
            H->Loc};
  }

private:
  std::map<std::string, const PoolOwnerFact *> Owners;
  std::map<std::string, const HoldingFact *> Holds;
};
} // namespace

/// A pool owner made by code that repeats: a local `Database Db(url)` or a
/// std::make_unique in a handler, a Boost.DI injector or Hypodermic
/// container filled in one.
static void findRepeatedInstances(const Facts &F, const PoolOwnership &Pools,
                                  std::vector<Finding> &Findings) {
  std::set<SourcePos> Seen;
  for (const RegistrationFact &R : F.Registrations) {
    if (R.Repeats.empty() || !madePerRun(lifetimeOf(R)) ||
        !(Pools.owns(R.Service) || R.PoolCreatedByProvider) ||
        !Seen.insert(R.Loc).second)
      continue;
    Finding Fd;
    Fd.Check = "poolguard-pool-per-call";
    Fd.Loc = R.Loc;
    Fd.Message =
        llvm::formatv("'{0}' owns a connection pool and a new one is made {1}, "
                      "on every run; make it once (a member or a component) "
                      "and reuse it",
                      R.Service, R.Repeats)
            .str();
    if (Pools.owns(R.Service))
      Fd.Notes.push_back(Pools.note(R.Service));
    Findings.push_back(std::move(Fd));
  }
}

/// An injector built by code that repeats (a fruit::Injector, a local
/// kangaru container): every run makes new instances of the pool owners its
/// components register. One finding per injector, with a note at each
/// registration.
static void findRepeatedInjectors(const Facts &F, const PoolOwnership &Pools,
                                  std::vector<Finding> &Findings) {
  ModuleGraph Graph(F.Imports);
  std::set<SourcePos> Seen;
  for (const ImportFact &I : F.Imports) {
    if (!I.Injector || I.Repeats.empty() || !Seen.insert(I.Loc).second)
      continue;
    llvm::StringMap<unsigned> Reached = Graph.distancesFrom({I.Imported});
    std::vector<std::string> Services;
    std::vector<FindingNote> Notes;
    for (const RegistrationFact &R : F.Registrations) {
      if (!R.Repeats.empty() || !Reached.count(R.Module) ||
          !madePerRun(lifetimeOf(R)) || !Pools.owns(R.Service))
        continue;
      if (!llvm::is_contained(Services, R.Service))
        Services.push_back(R.Service);
      Notes.push_back(
          {llvm::formatv("'{0}' is registered here by '{1}'", R.Service,
                         moduleName(F, R.Module))
               .str(),
           R.Loc});
    }
    if (Services.empty())
      continue;
    Finding Fd;
    Fd.Check = "poolguard-pool-per-call";
    Fd.Loc = I.Loc;
    std::vector<std::string> Quoted;
    for (const std::string &S : Services)
      Quoted.push_back("'" + S + "'");
    Fd.Message =
        llvm::formatv("the injector built here makes new instances of {0}, "
                      "which own{1} a connection pool, {2}, on every run; "
                      "build the injector once and reuse it",
                      llvm::join(Quoted, ", "), Services.size() == 1 ? "s" : "",
                      I.Repeats)
            .str();
    Fd.Notes = std::move(Notes);
    for (const std::string &S : Services)
      Fd.Notes.push_back(Pools.note(S));
    Findings.push_back(std::move(Fd));
  }
}

std::vector<Finding> findPoolsPerCall(const Facts &F) {
  std::vector<Finding> Findings;
  findRepeatedCreations(F, Findings);
  PoolOwnership Pools(F);
  findRepeatedInstances(F, Pools, Findings);
  findRepeatedInjectors(F, Pools, Findings);
  llvm::sort(Findings);
  return Findings;
}

std::vector<Finding> PoolPerCallCheck::reduce(const Facts &F) {
  return findPoolsPerCall(F);
}

} // namespace clang::tidy::poolguard
