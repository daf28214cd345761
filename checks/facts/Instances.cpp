//===----------------------------------------------------------------------===//
//
// Run-time instances of registered services and of pools, shared by the
// cross-TU checks.
//
//===----------------------------------------------------------------------===//

#include "facts/Instances.h"
#include "utils/Paths.h"
#include "utils/Plural.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::poolguard {

std::string moduleName(const Facts &F, llvm::StringRef Key) {
  for (const ModuleFact &M : F.Modules)
    if (M.Key == Key && !M.Name.empty())
      return M.Name;
  auto Colon = Key.find(':');
  return Colon == llvm::StringRef::npos ? Key.str()
                                        : Key.substr(Colon + 1).str();
}

std::map<std::string, const PoolOwnerFact *> poolOwners(const Facts &F) {
  std::map<std::string, const PoolOwnerFact *> Owners;
  for (const PoolOwnerFact &O : F.PoolOwners) // Sorted by (type, reason, loc).
    Owners.try_emplace(O.Type, &O);
  return Owners;
}

LifetimeKind lifetimeOf(const RegistrationFact &R) {
  return enumFromName<LifetimeKind>(R.Lifetime)
      .value_or(LifetimeKind::PerRegistration);
}

std::string instanceKey(const RegistrationFact &R) {
  switch (lifetimeOf(R)) {
  case LifetimeKind::PerName:
    return "name:" + R.InstanceName;
  case LifetimeKind::PerType:
    return "type:" + R.InstanceName;
  case LifetimeKind::PerModule:
    return "module:" + R.Module;
  case LifetimeKind::PerInjector:
    return "injector:" + (R.Container.empty() ? R.Module : R.Container);
  case LifetimeKind::Global:
    return "global";
  // Every registration is its own instance (Hypodermic registerType,
  // CppMicroServices RegisterService); a per-consumer factory is several
  // by itself (DuplicatePooledProviderCheck).
  case LifetimeKind::PerRegistration:
  case LifetimeKind::PerConsumer:
    break;
  }
  return llvm::formatv("registration:{0}:{1}:{2}", R.Loc.File, R.Loc.Line,
                       R.Loc.Column)
      .str();
}

/// A database key that names one server and database (a constant connection
/// string): two different ones are provably different databases.
static bool isProvenDatabase(llvm::StringRef Key) {
  return Key.starts_with("db:") || Key.starts_with("lit:");
}

const PoolCreationFact *namedInstancePool(const Facts &F,
                                          const RegistrationFact &R) {
  if (R.InstanceName.empty())
    return nullptr;
  std::string Instance = R.Framework + ":" + R.InstanceName;
  for (const PoolCreationFact &C : F.PoolCreations)
    if (C.Instance == Instance && !C.Database.empty())
      return &C;
  return nullptr;
}

/// The database an instance of \p R reaches, when where it is made says:
/// the registration's own, else the pool configured for its named instance.
static std::string instanceDatabase(const Facts &F,
                                    const RegistrationFact &R) {
  if (!R.Database.empty())
    return R.Database;
  const PoolCreationFact *C = namedInstancePool(F, R);
  return C ? C->Database : "";
}

std::vector<const RegistrationFact *>
instancesSharingDatabase(const Facts &F, llvm::StringRef Service,
                         llvm::ArrayRef<const RegistrationFact *> Instances) {
  bool FixedByClass = llvm::any_of(F.PoolCreations, [&](const auto &C) {
    return C.OwnerType == Service && !C.Database.empty();
  });
  if (FixedByClass)
    return Instances.vec();
  std::vector<std::string> Dbs;
  for (const RegistrationFact *R : Instances)
    Dbs.push_back(instanceDatabase(F, *R));
  auto Apart = [](llvm::StringRef A, llvm::StringRef B) {
    return isProvenDatabase(A) && isProvenDatabase(B) && A != B;
  };
  std::vector<const RegistrationFact *> Out;
  for (size_t I = 0; I < Instances.size(); ++I)
    for (size_t J = 0; J < Instances.size(); ++J)
      if (I != J && !Apart(Dbs[I], Dbs[J])) {
        Out.push_back(Instances[I]);
        break;
      }
  return Out;
}

std::vector<std::string> programsOf(const Facts &F) {
  std::set<std::string> Programs;
  auto Add = [&](llvm::StringRef List) {
    llvm::SmallVector<llvm::StringRef, 2> Names;
    List.split(Names, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
    Programs.insert(Names.begin(), Names.end());
  };
  for (const RegistrationFact &R : F.Registrations)
    Add(R.Program);
  for (const PoolCreationFact &C : F.PoolCreations)
    Add(C.Program);
  if (Programs.size() < 2)
    return {""};
  return {Programs.begin(), Programs.end()};
}

bool inProgram(llvm::StringRef FactProgram, llvm::StringRef Program) {
  if (Program.empty() || FactProgram.empty() || FactProgram == Program)
    return true;
  llvm::SmallVector<llvm::StringRef, 2> Names;
  FactProgram.split(Names, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  return llvm::is_contained(Names, Program);
}

std::vector<std::pair<std::string, Facts>> factsPerProgram(const Facts &F) {
  std::vector<std::pair<std::string, Facts>> Out;
  for (const std::string &Program : programsOf(F)) {
    Facts &P = Out.emplace_back(Program, F).second;
    auto Foreign = [&](const auto &Fact) {
      return !inProgram(Fact.Program, Program);
    };
    llvm::erase_if(P.Registrations, Foreign);
    llvm::erase_if(P.PoolCreations, Foreign);
    // What code that repeats makes is poolguard-pool-per-call's: not an
    // instance, and an injector built per call is a plain import here.
    llvm::erase_if(P.Registrations, [](const RegistrationFact &R) {
      return !R.Repeats.empty();
    });
    for (ImportFact &I : P.Imports)
      if (!I.Repeats.empty())
        I.Injector = false;
  }
  return Out;
}

/// Between a group's key and its program in Finding::Key.
static constexpr llvm::StringLiteral ProgramSeparator = "\nprogram:";

std::string programKey(llvm::StringRef Key, llvm::StringRef Program) {
  if (Program.empty())
    return Key.str();
  return (Key + ProgramSeparator + Program).str();
}

std::string keyRelativeToRoot(llvm::StringRef Key, llvm::StringRef Root) {
  auto [Group, Program] = Key.rsplit(ProgramSeparator);
  if (Program.empty() || !llvm::sys::path::is_absolute(Program))
    return Key.str();
  return programKey(Group, relativeToRoot(Program, Root));
}

InstanceIndex::InstanceIndex(const Facts &F, llvm::StringRef Program) {
  for (const RegistrationFact &R : F.Registrations) {
    if (!inProgram(R.Program, Program) || !R.Repeats.empty())
      continue;
    Entry &E = Services[R.Service];
    E.Keys.insert(instanceKey(R));
    E.Modules.insert(R.Module);
  }
  for (const HoldingFact &H : F.Holdings) // Sorted by (held, owner, ...).
    HeldBy[H.Held].push_back(&H);
  for (auto &Entry : HeldBy)
    llvm::stable_sort(Entry.second,
                      [](const HoldingFact *A, const HoldingFact *B) {
                        return A->Loc < B->Loc;
                      });
}

unsigned InstanceIndex::registered(llvm::StringRef Type) const {
  auto It = Services.find(Type);
  return It == Services.end() ? 0 : It->second.Keys.size();
}

llvm::ArrayRef<const HoldingFact *>
InstanceIndex::holders(llvm::StringRef Type) const {
  auto It = HeldBy.find(Type);
  if (It == HeldBy.end())
    return {};
  return It->second;
}

/// Instance counts saturate here: a cycle of holdings or a crafted facts file
/// must not overflow.
static constexpr unsigned MaxInstances = 1'000'000;

unsigned InstanceIndex::known(llvm::StringRef Type,
                              std::set<std::string> &Visiting,
                              bool &HitCycle) const {
  if (auto It = Known.find(Type); It != Known.end())
    return It->second;
  if (Type.empty())
    return 0;
  if (!Visiting.insert(Type.str()).second) {
    HitCycle = true; // A cycle makes no instance by itself.
    return 0;
  }
  bool Cycle = false;
  uint64_t N = registered(Type);
  for (const HoldingFact *H : holders(Type))
    N = std::min<uint64_t>(N + known(H->Owner, Visiting, Cycle), MaxInstances);
  Visiting.erase(Type.str());
  if (Cycle)
    HitCycle = true;
  else
    Known[Type] = static_cast<unsigned>(N);
  return static_cast<unsigned>(N);
}

unsigned InstanceIndex::known(llvm::StringRef Type) const {
  std::set<std::string> Visiting;
  bool HitCycle = false;
  return known(Type, Visiting, HitCycle);
}

unsigned InstanceIndex::count(llvm::StringRef Type,
                              std::string *Reason) const {
  unsigned N = known(Type);
  if (N < 2)
    return 1;
  if (!Reason)
    return N;
  std::vector<std::string> Parts;
  if (registered(Type))
    Parts.push_back(
        llvm::formatv("provided by {0}",
                      plural(Services.find(Type)->second.Modules.size(),
                             "module", "modules"))
            .str());
  std::vector<std::string> Holders;
  for (const HoldingFact *H : holders(Type))
    if (known(H->Owner))
      Holders.push_back("'" + H->Owner + "'");
  if (!Holders.empty())
    Parts.push_back("held by " + llvm::join(Holders, ", "));
  *Reason =
      llvm::formatv("'{0}' is {1}", Type, llvm::join(Parts, " and ")).str();
  return N;
}

std::map<std::string, std::vector<const PoolCreationFact *>>
poolsByDatabase(const Facts &F, llvm::StringRef Program) {
  std::map<std::string, std::vector<const PoolCreationFact *>> Groups;
  for (const PoolCreationFact &C : F.PoolCreations) {
    if (C.Database.empty() || !inProgram(C.Program, Program))
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

std::string serverOf(llvm::StringRef DatabaseKey) {
  if (!DatabaseKey.starts_with("db:") || DatabaseKey.starts_with("db:file:"))
    return "";
  size_t Slash = DatabaseKey.find('/');
  if (Slash == llvm::StringRef::npos)
    return DatabaseKey.str();
  return DatabaseKey.substr(0, Slash).str();
}

std::vector<const PoolCreationFact *>
poolsOfUnknownDatabase(const Facts &F, llvm::StringRef Program) {
  std::vector<const PoolCreationFact *> Pools;
  for (const PoolCreationFact &C : F.PoolCreations)
    if (C.Database.empty() && inProgram(C.Program, Program) &&
        llvm::none_of(Pools, [&](const PoolCreationFact *P) {
          return P->Loc == C.Loc && P->Instance == C.Instance;
        }))
      Pools.push_back(&C);
  return Pools;
}

std::string databaseText(const PoolCreationFact &C) {
  return C.DatabaseText.empty() ? C.Database : C.DatabaseText;
}

} // namespace clang::tidy::poolguard
