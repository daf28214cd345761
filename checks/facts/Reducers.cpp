//===----------------------------------------------------------------------===//
//
// Whole-program checks over merged facts: duplicate pooled providers,
// repeated pools and the connection budget. Pure functions of the facts; the
// output is sorted, so it does not depend on the order TUs were analyzed in.
//
//===----------------------------------------------------------------------===//

#include "facts/Reducers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace clang::tidy::poolguard {

bool operator<(const Finding &A, const Finding &B) {
  return std::tie(A.Loc, A.Check, A.Message) <
         std::tie(B.Loc, B.Check, B.Message);
}

namespace {

/// Module keys look like "fn:AppendDb" or "class:AppComponent"; messages show
/// the module's name.
std::string moduleName(const Facts &F, llvm::StringRef Key) {
  for (const ModuleFact &M : F.Modules)
    if (M.Key == Key && !M.Name.empty())
      return M.Name;
  auto Colon = Key.find(':');
  return Colon == llvm::StringRef::npos ? Key.str()
                                        : Key.substr(Colon + 1).str();
}

/// The instance a registration denotes, under the framework's lifetime rules:
/// two registrations with the same key are one instance at run time.
std::string instanceKey(const RegistrationFact &R) {
  llvm::StringRef L = R.Lifetime;
  if (L == "per-name")
    return "name:" + R.InstanceName;
  if (L == "per-type")
    return "type:" + R.InstanceName;
  if (L == "per-module")
    return "module:" + R.Module;
  if (L == "per-injector")
    return "injector:" + (R.Container.empty() ? R.Module : R.Container);
  if (L == "global")
    return "global";
  // "per-registration" and anything unknown: every registration is its own
  // instance (Hypodermic registerType, CppMicroServices RegisterService).
  return llvm::formatv("registration:{0}:{1}:{2}", R.Loc.File, R.Loc.Line,
                       R.Loc.Column)
      .str();
}

/// Ranks modules by distance from the program's roots (modules that import
/// others and are imported by none), so the registration "reached first" can
/// be kept. Modules not reachable from a root get no rank.
llvm::StringMap<unsigned> rankModules(const Facts &F) {
  llvm::StringMap<unsigned> Rank;
  if (F.Imports.empty())
    return Rank;
  llvm::StringSet<> Imported;
  std::map<std::string, std::set<std::string>> Edges;
  for (const ImportFact &I : F.Imports) {
    Imported.insert(I.Imported);
    Edges[I.Module].insert(I.Imported);
  }
  std::vector<std::string> Frontier;
  for (const auto &[Module, Targets] : Edges)
    if (!Imported.contains(Module))
      Frontier.push_back(Module);
  for (unsigned Depth = 0; !Frontier.empty(); ++Depth) {
    std::vector<std::string> Next;
    for (const std::string &M : Frontier) {
      if (!Rank.try_emplace(M, Depth).second)
        continue;
      auto It = Edges.find(M);
      if (It != Edges.end())
        llvm::append_range(Next, It->second);
    }
    Frontier = std::move(Next);
  }
  return Rank;
}

/// The first pool-ownership reason of each type, by location.
std::map<std::string, const PoolOwnerFact *> poolOwners(const Facts &F) {
  std::map<std::string, const PoolOwnerFact *> Owners;
  for (const PoolOwnerFact &O : F.PoolOwners) // Sorted by (type, reason, loc).
    Owners.try_emplace(O.Type, &O);
  return Owners;
}

/// For each module, the injectors (imports that build one: a Fruit
/// fruit::Injector or NormalizedComponent) whose component reaches it
/// through imports, in source order.
std::map<std::string, std::vector<const ImportFact *>>
injectorsReaching(const Facts &F) {
  std::map<std::string, std::vector<const ImportFact *>> Reaching;
  std::map<std::string, std::vector<const ImportFact *>> Edges;
  std::vector<const ImportFact *> Injectors;
  for (const ImportFact &I : F.Imports) {
    Edges[I.Module].push_back(&I);
    if (I.Injector)
      Injectors.push_back(&I);
  }
  llvm::sort(Injectors, [](const ImportFact *A, const ImportFact *B) {
    return std::tie(A->Loc, A->Module) < std::tie(B->Loc, B->Module);
  });
  for (const ImportFact *Injector : Injectors) {
    std::set<std::string> Seen;
    std::vector<std::string> Work = {Injector->Imported};
    while (!Work.empty()) {
      std::string M = Work.back();
      Work.pop_back();
      if (!Seen.insert(M).second)
        continue;
      Reaching[M].push_back(Injector);
      auto It = Edges.find(M);
      if (It != Edges.end())
        for (const ImportFact *I : It->second)
          Work.push_back(I->Imported);
    }
  }
  return Reaching;
}

std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return llvm::formatv("{0} {1}", N, N == 1 ? One : Many).str();
}

} // namespace

std::vector<Finding> findDuplicatePooledProviders(const Facts &F) {
  std::vector<Finding> Findings;
  auto Owners = poolOwners(F);
  llvm::StringMap<unsigned> Rank = rankModules(F);

  // A per-injector registration (a Fruit binding) is one instance in every
  // injector whose component reaches it: with several injectors, each is an
  // instance, located where that injector is built.
  auto Reaching = injectorsReaching(F);
  std::deque<RegistrationFact> PerInjector;
  std::map<const RegistrationFact *, const RegistrationFact *> BoundAt;
  std::map<std::string, std::vector<const RegistrationFact *>> ByService;
  for (const RegistrationFact &R : F.Registrations) {
    if (R.Service.empty())
      continue;
    auto Roots = Reaching.find(R.Module);
    if (R.Lifetime != "per-injector" || !R.Container.empty() ||
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

  for (auto &[Service, Regs] : ByService) {
    auto Owner = Owners.find(Service);
    bool ProviderCreatesPool = llvm::any_of(
        Regs, [](const RegistrationFact *R) { return R->PoolCreatedByProvider; });
    if (Owner == Owners.end() && !ProviderCreatesPool)
      continue;

    // Keep the registration reached first from a root module, else the first
    // by file and line; registrations of one instance collapse to the first.
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

    std::string Ownership =
        Owner != Owners.end()
            ? llvm::formatv("'{0}' owns a pool: {1}", Service,
                            Owner->second->Reason)
                  .str()
            : llvm::formatv("the provider of '{0}' creates a pool", Service)
                  .str();
    // A factory that makes an instance per consumer is several instances by
    // itself (a CppMicroServices ServiceFactory: one per consuming bundle).
    std::set<SourcePos> Reported;
    for (const RegistrationFact *R : Regs) {
      if (R->Lifetime != "per-consumer" || !Reported.insert(R->Loc).second)
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
      if (Owner != Owners.end())
        Fd.Notes.push_back({Ownership, Owner->second->Loc});
      Findings.push_back(std::move(Fd));
    }
    if (Instances.size() < 2)
      continue;
    std::set<std::string> Modules;
    for (const RegistrationFact *R : Instances)
      Modules.insert(R->Module);

    for (size_t I = 1; I < Instances.size(); ++I) {
      const RegistrationFact *R = Instances[I];
      Finding Fd;
      Fd.Check = "poolguard-duplicate-pooled-provider";
      Fd.Loc = R->Loc;
      Fd.Message =
          llvm::formatv(
              "'{0}' owns a connection pool and is provided again by '{1}'; "
              "its {2} in {3} create {4}, each with its own pool; provide it "
              "once in a shared module and inject it elsewhere",
              Service, moduleName(F, R->Module),
              plural(Instances.size(), "registration", "registrations"),
              plural(Modules.size(), "module", "modules"),
              plural(Instances.size(), "instance", "instances"))
              .str();
      std::set<const RegistrationFact *> Bindings;
      for (const RegistrationFact *Other : Instances) {
        if (auto It = BoundAt.find(Other); It != BoundAt.end())
          Bindings.insert(It->second);
        if (Other == R)
          continue;
        Fd.Notes.push_back(
            {llvm::formatv("'{0}' is also provided by '{1}' here", Service,
                           moduleName(F, Other->Module))
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
      if (Owner != Owners.end())
        Fd.Notes.push_back({Ownership, Owner->second->Loc});
      Findings.push_back(std::move(Fd));
    }
  }
  llvm::sort(Findings);
  return Findings;
}

/// Pool creations grouped by database identity, each group in location
/// order. Creations with an unknown identity are left out.
static std::map<std::string, std::vector<const PoolCreationFact *>>
poolsByDatabase(const Facts &F) {
  std::map<std::string, std::vector<const PoolCreationFact *>> Groups;
  for (const PoolCreationFact &C : F.PoolCreations) {
    if (C.Database.empty())
      continue;
    auto &Group = Groups[C.Database];
    // The merge keeps one fact per distinct content; a site that two TUs saw
    // with different details is still one site. So is one named instance the
    // framework creates once, wherever it is declared (Instance, set by the
    // configuration joins, cfg).
    if (llvm::any_of(Group, [&](const PoolCreationFact *G) {
          return C.Instance.empty() ? G->Instance.empty() && G->Loc == C.Loc
                                    : G->Instance == C.Instance;
        }))
      continue;
    Group.push_back(&C);
  }
  for (auto &[Db, Group] : Groups)
    llvm::stable_sort(Group, [](const PoolCreationFact *A,
                                const PoolCreationFact *B) {
      return A->Loc < B->Loc;
    });
  return Groups;
}

static std::string databaseText(const PoolCreationFact &C) {
  return C.DatabaseText.empty() ? C.Database : C.DatabaseText;
}

/// The most sites a repeated-pool finding names in notes.
static constexpr size_t MaxPoolNotes = 16;

std::vector<Finding> findRepeatedPools(const Facts &F) {
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
  llvm::sort(Findings);
  return Findings;
}

namespace {
/// The instances of each registered service, indexed once per computation.
class InstanceIndex {
public:
  explicit InstanceIndex(const Facts &F, llvm::StringRef Only = "") {
    for (const RegistrationFact &R : F.Registrations) {
      if (!Only.empty() && R.Service != Only)
        continue;
      Entry &E = Services[R.Service];
      E.Keys.insert(instanceKey(R));
      E.Modules.insert(R.Module);
    }
  }

  unsigned count(llvm::StringRef Type, std::string *Reason) const {
    auto It = Services.find(Type);
    if (Type.empty() || It == Services.end() || It->second.Keys.size() < 2)
      return 1;
    if (Reason)
      *Reason =
          llvm::formatv("'{0}' is provided by {1}", Type,
                        plural(It->second.Modules.size(), "module", "modules"))
              .str();
    return It->second.Keys.size();
  }

private:
  struct Entry {
    std::set<std::string> Keys, Modules;
  };
  llvm::StringMap<Entry> Services;
};
} // namespace

unsigned countInstances(const Facts &F, llvm::StringRef Type,
                        std::string *Reason) {
  if (Type.empty())
    return 1;
  return InstanceIndex(F, Type).count(Type, Reason);
}

/// The multiplier of \p C: its own, or the program's value of the setting
/// it depends on (config work, cfg): a value set in code or in a config file
/// wins over the framework's default; of several, the largest is kept, since
/// the budget is an upper bound.
static void resolveMultiplier(const Facts &F, const PoolCreationFact &C,
                              BudgetContribution &Part) {
  Part.Multiplier = std::max(1u, C.Multiplier);
  Part.MultiplierReason = C.MultiplierReason;
  if (C.MultiplierSetting.empty())
    return;
  const SettingFact *Best = nullptr;
  for (const SettingFact &S : F.Settings) {
    if (S.Name != C.MultiplierSetting || S.Value < 1)
      continue;
    if (!Best || (Best->IsDefault && !S.IsDefault) ||
        (Best->IsDefault == S.IsDefault && S.Value > Best->Value))
      Best = &S;
  }
  if (!Best)
    return;
  Part.Multiplier = static_cast<unsigned>(Best->Value);
  if (!Best->Text.empty())
    Part.MultiplierReason += " (" + Best->Text + ")";
}

std::vector<DatabaseBudget> computeBudgets(const Facts &F,
                                           const BudgetOptions &Opts) {
  std::vector<DatabaseBudget> Budgets;
  int64_t Replicas = std::max<int64_t>(1, Opts.Replicas);
  int64_t Available =
      std::max<int64_t>(0, Opts.MaxConnections - Opts.ReservedConnections) /
      Replicas;

  InstanceIndex Instances(F);
  auto Contribute = [&](DatabaseBudget &B, const PoolCreationFact &C) {
    BudgetContribution Part;
    Part.Pool = &C;
    Part.Instances = Instances.count(C.OwnerType, &Part.InstancesReason);
    resolveMultiplier(F, C, Part);
    if (C.Size && !C.Unbounded && !C.SizeIsInitialCache) {
      Part.Connections = *C.Size * Part.Instances * Part.Multiplier;
      B.KnownTotal += *Part.Connections;
    } else {
      B.HasUnknown = true;
    }
    B.Pools.push_back(std::move(Part));
  };

  for (auto &[Db, Group] : poolsByDatabase(F)) {
    DatabaseBudget B;
    B.Database = Db;
    B.DatabaseText = databaseText(*Group.front());
    B.Available = Available;
    for (const PoolCreationFact *C : Group)
      Contribute(B, *C);
    Budgets.push_back(std::move(B));
  }
  // A pool whose database is unknown is budgeted alone: it cannot be summed
  // with others, but it can exceed the limit by itself.
  for (const PoolCreationFact &C : F.PoolCreations) {
    if (!C.Database.empty())
      continue;
    DatabaseBudget B;
    B.Database = llvm::formatv("site:{0}:{1}:{2}", C.Loc.File, C.Loc.Line,
                               C.Loc.Column)
                     .str();
    B.DatabaseText = "an unknown database";
    B.Available = Available;
    Contribute(B, C);
    Budgets.push_back(std::move(B));
  }
  return Budgets;
}

static std::string describeSize(const BudgetContribution &P) {
  const PoolCreationFact &C = *P.Pool;
  if (C.PerThread)
    return "one connection per thread that runs it (a connection name built "
           "at run time)";
  if (C.Unbounded)
    return "an unbounded pool";
  if (C.SizeIsInitialCache)
    return llvm::formatv("a pool with an initial cache of {0} and no maximum",
                         C.Size ? std::to_string(*C.Size) : C.SizeText)
        .str();
  if (!C.Size)
    return llvm::formatv("a pool of unknown size ('{0}')", C.SizeText).str();
  std::string S = llvm::formatv("pool of {0} connections{1}", *C.Size,
                                C.SizeIsDefault ? " (the library's default)"
                                                : "")
                      .str();
  return S;
}

std::vector<Finding> findBudgetOverruns(const Facts &F,
                                        const BudgetOptions &Opts) {
  std::vector<Finding> Findings;
  for (const DatabaseBudget &B : computeBudgets(F, Opts)) {
    if (B.KnownTotal <= B.Available)
      continue;
    // Report at the pool whose connections push the running total over.
    int64_t Running = 0;
    const BudgetContribution *Culprit = nullptr;
    for (const BudgetContribution &P : B.Pools) {
      Running += P.Connections.value_or(0);
      if (Running > B.Available) {
        Culprit = &P;
        break;
      }
    }
    assert(Culprit && "total exceeds the limit but no pool pushes it over");

    Finding Fd;
    Fd.Check = "poolguard-connection-budget";
    Fd.Loc = Culprit->Pool->Loc;
    std::string Limit =
        Opts.Replicas > 1
            ? llvm::formatv("({0} max_connections - {1} reserved) / {2} "
                            "replicas",
                            Opts.MaxConnections, Opts.ReservedConnections,
                            Opts.Replicas)
                  .str()
            : llvm::formatv("{0} max_connections - {1} reserved",
                            Opts.MaxConnections, Opts.ReservedConnections)
                  .str();
    Fd.Message =
        llvm::formatv("pools of database '{0}' may open {1} connections, "
                      "more than the {2} available ({3}); share one pool or "
                      "lower the pool sizes",
                      B.DatabaseText, B.KnownTotal, B.Available, Limit)
            .str();
    std::vector<std::string> Terms;
    for (const BudgetContribution &P : B.Pools) {
      std::string Note = describeSize(P);
      if (P.Connections) {
        std::string Mult;
        if (P.Multiplier > 1)
          Mult = llvm::formatv(", × {0}: {1}", P.Multiplier,
                               P.MultiplierReason)
                     .str();
        Note += llvm::formatv(" created here ({0}{1}{2})",
                              plural(P.Instances, "instance", "instances"),
                              P.InstancesReason.empty()
                                  ? ""
                                  : ": " + P.InstancesReason,
                              Mult)
                    .str();
        std::string Term = std::to_string(*P.Pool->Size);
        if (P.Instances > 1)
          Term += " × " + std::to_string(P.Instances);
        if (P.Multiplier > 1)
          Term += " × " + std::to_string(P.Multiplier);
        Terms.push_back(Term);
      } else {
        Note += " created here; not counted";
      }
      Fd.Notes.push_back({Note, P.Pool->Loc});
    }
    std::string Sum = llvm::join(Terms, " + ");
    if (Terms.size() > 1 && llvm::all_equal(Terms))
      Sum = llvm::formatv("{0} pools × {1}", Terms.size(), Terms.front());
    Fd.Notes.push_back({llvm::formatv("{0} = {1} > {2} available", Sum,
                                      B.KnownTotal, B.Available)
                            .str(),
                        Fd.Loc});
    Findings.push_back(std::move(Fd));
  }
  llvm::sort(Findings);
  return Findings;
}

} // namespace clang::tidy::poolguard
