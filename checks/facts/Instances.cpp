//===----------------------------------------------------------------------===//
//
// Run-time instances of registered services and of pools, shared by the
// cross-TU checks.
//
//===----------------------------------------------------------------------===//

#include "facts/Instances.h"
#include "utils/Plural.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace clang::tidy::poolguard {

std::string moduleName(const Facts &F, llvm::StringRef Key) {
  for (const ModuleFact &M : F.Modules)
    if (M.Key == Key && !M.Name.empty())
      return M.Name;
  auto Colon = Key.find(':');
  return Colon == llvm::StringRef::npos ? Key.str()
                                        : Key.substr(Colon + 1).str();
}

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

InstanceIndex::InstanceIndex(const Facts &F) {
  for (const RegistrationFact &R : F.Registrations) {
    Entry &E = Services[R.Service];
    E.Keys.insert(instanceKey(R));
    E.Modules.insert(R.Module);
  }
}

unsigned InstanceIndex::count(llvm::StringRef Type,
                              std::string *Reason) const {
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

std::map<std::string, std::vector<const PoolCreationFact *>>
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

std::string databaseText(const PoolCreationFact &C) {
  return C.DatabaseText.empty() ? C.Database : C.DatabaseText;
}

} // namespace clang::tidy::poolguard
