//===----------------------------------------------------------------------===//
//
// poolguard-duplicate-pooled-provider: a pure function of the facts, run by
// the check on this TU's facts (over the facts index when one is configured)
// and by the standalone tool on the merged facts of every TU.
//
//===----------------------------------------------------------------------===//

#include "DuplicatePooledProviderCheck.h"
#include "facts/Instances.h"
#include "facts/ModuleGraph.h"
#include "utils/Plural.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace clang::tidy::poolguard {

/// For each module, the injectors (imports that build one: a Fruit
/// fruit::Injector or NormalizedComponent) whose component reaches it
/// through imports, in source order.
static std::map<std::string, std::vector<const ImportFact *>>
injectorsReaching(const Facts &F, const ModuleGraph &Graph) {
  std::vector<const ImportFact *> Injectors;
  for (const ImportFact &I : F.Imports)
    if (I.Injector)
      Injectors.push_back(&I);
  llvm::sort(Injectors, [](const ImportFact *A, const ImportFact *B) {
    return std::tie(A->Loc, A->Module) < std::tie(B->Loc, B->Module);
  });
  std::map<std::string, std::vector<const ImportFact *>> Reaching;
  for (const ImportFact *Injector : Injectors)
    for (const auto &Reached : Graph.distancesFrom({Injector->Imported}))
      Reaching[Reached.getKey().str()].push_back(Injector);
  return Reaching;
}

/// A place that makes an instance of a pool owner: a class member that holds
/// its own, or a registration.
struct InstanceSite {
  SourcePos Loc;
  std::string Makes; ///< "'Svc' holds its own 'T' in member 'db_'".
};

/// The sites that make instances of \p Type: the holdings whose holder
/// exists, and one registration per instance; in location order.
static std::vector<InstanceSite> instanceSites(const Facts &F,
                                               const InstanceIndex &Index,
                                               const std::string &Type) {
  std::vector<InstanceSite> Sites;
  for (const HoldingFact *H : Index.holders(Type))
    if (Index.known(H->Owner))
      Sites.push_back({H->Loc, llvm::formatv("'{0}' holds its own '{1}' in "
                                             "member '{2}'",
                                             H->Owner, Type, H->Member)});
  std::set<std::string> Keys;
  for (const RegistrationFact &R : F.Registrations)
    if (R.Service == Type && Keys.insert(instanceKey(R)).second)
      Sites.push_back({R.Loc, llvm::formatv("'{0}' makes a '{1}'",
                                            moduleName(F, R.Module), Type)});
  llvm::stable_sort(Sites, [](const InstanceSite &A, const InstanceSite &B) {
    return A.Loc < B.Loc;
  });
  return Sites;
}

/// Pool owners that several classes hold by value (or create for themselves)
/// while the program builds those classes: the incident without a framework.
/// One finding per owner type, at its second site; notes at the others. The
/// types reported are added to \p Reported.
static void findHeldDuplicates(
    const Facts &F, const std::map<std::string, const PoolOwnerFact *> &Owners,
    std::vector<Finding> &Findings, std::set<std::string> &Reported) {
  InstanceIndex Index(F);
  for (const auto &[Type, Owner] : Owners) {
    if (Index.holders(Type).empty())
      continue;
    std::vector<InstanceSite> Sites = instanceSites(F, Index, Type);
    if (Sites.size() < 2 || Sites.size() == Index.registered(Type))
      continue;
    Reported.insert(Type);
    Finding Fd;
    Fd.Check = "poolguard-duplicate-pooled-provider";
    Fd.Key = Type;
    Fd.Loc = Sites[1].Loc;
    Fd.Message =
        llvm::formatv("'{0}' owns a connection pool and {1}; the program "
                      "makes {2} of it, each with its own pool; create one "
                      "and pass it to every holder (by reference or "
                      "std::shared_ptr)",
                      Type, Sites[1].Makes,
                      plural(Index.known(Type), "instance", "instances"))
            .str();
    for (size_t I = 0; I < Sites.size(); ++I) {
      Fd.Members.push_back(Sites[I].Loc);
      if (I != 1)
        Fd.Notes.push_back({Sites[I].Makes + " here", Sites[I].Loc});
    }
    Fd.Notes.push_back(
        {llvm::formatv("'{0}' owns a pool: {1}", Type, Owner->Reason).str(),
         Owner->Loc});
    Findings.push_back(std::move(Fd));
  }
}

/// One finding for all instances of \p Service, at instance \p At, with a
/// note at every other instance. Its key is the service, so its identity
/// does not change when an instance is added or removed.
static Finding groupFindingAt(
    const Facts &F, StringRef Service,
    ArrayRef<const RegistrationFact *> Instances,
    const std::map<const RegistrationFact *, const RegistrationFact *> &BoundAt,
    const PoolOwnerFact *Owner, StringRef Ownership, size_t At) {
  std::set<std::string> Modules;
  for (const RegistrationFact *R : Instances)
    Modules.insert(R->Module);
  const RegistrationFact *Primary = Instances[At];
  Finding Fd;
  Fd.Check = "poolguard-duplicate-pooled-provider";
  Fd.Key = Service.str();
  Fd.Loc = Primary->Loc;
  Fd.Message =
      llvm::formatv(
          "'{0}' owns a connection pool and is provided again by '{1}'; "
          "its {2} in {3} create {4}, each with its own pool; provide it "
          "once in a shared module and inject it elsewhere",
          Service, moduleName(F, Primary->Module),
          plural(Instances.size(), "registration", "registrations"),
          plural(Modules.size(), "module", "modules"),
          plural(Instances.size(), "instance", "instances"))
          .str();
  std::set<const RegistrationFact *> Bindings;
  for (const RegistrationFact *Other : Instances) {
    Fd.Members.push_back(Other->Loc);
    if (auto It = BoundAt.find(Other); It != BoundAt.end())
      Bindings.insert(It->second);
    if (Other == Primary)
      continue;
    Fd.Notes.push_back({llvm::formatv("'{0}' is also provided by '{1}' here",
                                      Service, moduleName(F, Other->Module))
                            .str(),
                        Other->Loc});
  }
  for (const RegistrationFact *B : Bindings)
    Fd.Notes.push_back(
        {llvm::formatv("each injector makes its own '{0}', bound in '{1}' "
                       "here",
                       Service, moduleName(F, B->Module))
             .str(),
         B->Loc});
  if (Owner)
    Fd.Notes.push_back({Ownership.str(), Owner->Loc});
  return Fd;
}

/// The finding of groupFindingAt at the instance that is not the first
/// (\p Instances is in reachability, file and line order: the first is the
/// one to keep), and the same finding at each instance.
static Finding groupFinding(
    const Facts &F, StringRef Service,
    ArrayRef<const RegistrationFact *> Instances,
    const std::map<const RegistrationFact *, const RegistrationFact *> &BoundAt,
    const PoolOwnerFact *Owner, StringRef Ownership) {
  Finding Fd =
      groupFindingAt(F, Service, Instances, BoundAt, Owner, Ownership, 1);
  for (size_t I = 0; I < Instances.size(); ++I)
    Fd.AtMembers.push_back(
        groupFindingAt(F, Service, Instances, BoundAt, Owner, Ownership, I));
  return Fd;
}

/// The findings within one program.
/// The registrations of each service. A per-injector registration (a Fruit
/// binding) is one instance in every injector whose component reaches it:
/// with several injectors, each is an instance, located where that injector
/// is built (a copy in \p PerInjector, mapped to its binding in \p BoundAt).
static std::map<std::string, std::vector<const RegistrationFact *>>
registrationsByService(
    const Facts &F, const ModuleGraph &Graph,
    std::deque<RegistrationFact> &PerInjector,
    std::map<const RegistrationFact *, const RegistrationFact *> &BoundAt) {
  auto Reaching = injectorsReaching(F, Graph);
  std::map<std::string, std::vector<const RegistrationFact *>> ByService;
  for (const RegistrationFact &R : F.Registrations) {
    if (R.Service.empty())
      continue;
    auto Roots = Reaching.find(R.Module);
    if (lifetimeOf(R) != LifetimeKind::PerInjector || !R.Container.empty() ||
        Roots == Reaching.end() || Roots->second.size() < 2) {
      ByService[R.Service].push_back(&R);
      continue;
    }
    for (const ImportFact *Injector : Roots->second) {
      RegistrationFact &C = PerInjector.emplace_back(R);
      C.Module = Injector->Module;
      C.Container = Injector->Module;
      C.Loc = Injector->Loc;
      BoundAt[&C] = &R;
      ByService[R.Service].push_back(&C);
    }
  }
  return ByService;
}

/// The instances \p Regs of \p Service make, one registration each: the one
/// reached first from a root module (by \p Rank), else the first by file
/// and line. \p Regs is sorted so.
static std::vector<const RegistrationFact *>
instancesOf(const Facts &F, llvm::StringRef Service,
            std::vector<const RegistrationFact *> &Regs,
            const llvm::StringMap<unsigned> &Rank) {
  llvm::stable_sort(Regs, [&](const RegistrationFact *A,
                              const RegistrationFact *B) {
    unsigned RA = Rank.lookup(A->Module), RB = Rank.lookup(B->Module);
    bool HasA = Rank.count(A->Module), HasB = Rank.count(B->Module);
    if (HasA != HasB)
      return HasA;
    if (HasA && RA != RB)
      return RA < RB;
    return A->Loc < B->Loc;
  });
  std::vector<const RegistrationFact *> Instances;
  std::set<std::string> Seen;
  for (const RegistrationFact *R : Regs)
    if (Seen.insert(instanceKey(*R)).second)
      Instances.push_back(R);
  // A named instance that is a pool itself, with the database its
  // configuration gives (a userver component), is counted by
  // poolguard-repeated-pool with the other pools of that database: one
  // issue, one finding. The instances left are those it cannot place.
  llvm::erase_if(Instances, [&](const RegistrationFact *R) {
    return namedInstancePool(F, *R) != nullptr;
  });
  return instancesSharingDatabase(F, Service, Instances);
}

/// A factory that makes an instance per consumer is several instances by
/// itself (a CppMicroServices ServiceFactory: one per consuming bundle): a
/// finding at each such registration of \p Regs.
static void perConsumerFindings(const Facts &F, llvm::StringRef Service,
                                llvm::ArrayRef<const RegistrationFact *> Regs,
                                const PoolOwnerFact *Owner,
                                const std::string &Ownership,
                                std::vector<Finding> &Findings) {
  std::set<SourcePos> Reported;
  for (const RegistrationFact *R : Regs) {
    if (lifetimeOf(*R) != LifetimeKind::PerConsumer ||
        !Reported.insert(R->Loc).second)
      continue;
    Finding Fd;
    Fd.Check = "poolguard-duplicate-pooled-provider";
    Fd.Loc = R->Loc;
    Fd.Message =
        llvm::formatv("'{0}' owns a connection pool and is made by '{1}' "
                      "for each consumer; every consumer gets its own "
                      "instance and pool; register one shared instance "
                      "instead",
                      Service, moduleName(F, R->Module))
            .str();
    if (Owner)
      Fd.Notes.push_back({Ownership, Owner->Loc});
    Findings.push_back(std::move(Fd));
  }
}

static std::vector<Finding> findInProgram(const Facts &F) {
  std::vector<Finding> Findings;
  auto Owners = poolOwners(F);
  std::set<std::string> ReportedAsHeld;
  findHeldDuplicates(F, Owners, Findings, ReportedAsHeld);
  // Registrations are ranked by distance from the program's roots, so the
  // one "reached first" can be kept; modules no root reaches get no rank.
  ModuleGraph Graph(F.Imports);
  llvm::StringMap<unsigned> Rank = Graph.distancesFrom(Graph.roots());
  std::deque<RegistrationFact> PerInjector;
  std::map<const RegistrationFact *, const RegistrationFact *> BoundAt;
  for (auto &[Service, Regs] :
       registrationsByService(F, Graph, PerInjector, BoundAt)) {
    if (ReportedAsHeld.count(Service))
      continue;
    auto Owner = Owners.find(Service);
    const PoolOwnerFact *OwnerFact =
        Owner != Owners.end() ? Owner->second : nullptr;
    bool ProviderCreatesPool = llvm::any_of(
        Regs, [](const RegistrationFact *R) { return R->PoolCreatedByProvider; });
    if (!OwnerFact && !ProviderCreatesPool)
      continue;
    std::vector<const RegistrationFact *> Instances =
        instancesOf(F, Service, Regs, Rank);
    std::string Ownership =
        OwnerFact ? llvm::formatv("'{0}' owns a pool: {1}", Service,
                                  OwnerFact->Reason)
                        .str()
                  : llvm::formatv("the provider of '{0}' creates a pool",
                                  Service)
                        .str();
    // One issue, one finding: the per-consumer registrations are reported
    // on their own only when no group finding about the service covers them.
    if (Instances.size() >= 2)
      Findings.push_back(
          groupFinding(F, Service, Instances, BoundAt, OwnerFact, Ownership));
    else
      perConsumerFindings(F, Service, Regs, OwnerFact, Ownership, Findings);
  }
  return Findings;
}

std::vector<Finding> findDuplicatePooledProviders(const Facts &F) {
  return findPerProgram(F, findInProgram);
}

std::vector<Finding> DuplicatePooledProviderCheck::reduce(const Facts &F) {
  return findDuplicatePooledProviders(F);
}

} // namespace clang::tidy::poolguard
