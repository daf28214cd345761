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

using PoolOwners = std::map<std::string, const PoolOwnerFact *>;

/// A note at the member, base or creation that makes \p Type an owner.
static FindingNote ownerNote(const PoolOwners &Owners, llvm::StringRef Type) {
  const PoolOwnerFact *O = Owners.at(Type.str());
  return {llvm::formatv("'{0}' owns a pool: {1}", Type, O->Reason).str(),
          O->Loc};
}

/// A pool owner made by code that repeats: a local `Database Db(url)` or a
/// std::make_unique in a handler, a Boost.DI injector or Hypodermic
/// container filled in one.
static void findRepeatedInstances(const Facts &F, const PoolOwners &Owners,
                                  std::vector<Finding> &Findings) {
  std::set<SourcePos> Seen;
  for (const RegistrationFact &R : F.Registrations) {
    if (R.Repeats.empty() || !madePerRun(lifetimeOf(R)) ||
        !(Owners.count(R.Service) || R.PoolCreatedByProvider) ||
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
    if (Owners.count(R.Service))
      Fd.Notes.push_back(ownerNote(Owners, R.Service));
    Findings.push_back(std::move(Fd));
  }
}

/// An injector built by code that repeats (a fruit::Injector, a local
/// kangaru container): every run makes new instances of the pool owners its
/// components register. One finding per injector, with a note at each
/// registration.
static void findRepeatedInjectors(const Facts &F, const PoolOwners &Owners,
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
          !madePerRun(lifetimeOf(R)) || !Owners.count(R.Service))
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
      Fd.Notes.push_back(ownerNote(Owners, S));
    Findings.push_back(std::move(Fd));
  }
}

std::vector<Finding> findPoolsPerCall(const Facts &F) {
  std::vector<Finding> Findings;
  findRepeatedCreations(F, Findings);
  PoolOwners Owners = poolOwners(F);
  findRepeatedInstances(F, Owners, Findings);
  findRepeatedInjectors(F, Owners, Findings);
  llvm::sort(Findings);
  return Findings;
}

std::vector<Finding> PoolPerCallCheck::reduce(const Facts &F) {
  return findPoolsPerCall(F);
}

} // namespace clang::tidy::poolguard
