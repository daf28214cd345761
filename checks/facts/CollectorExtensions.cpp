//===----------------------------------------------------------------------===//
//
// Value sources and registration forms for dependency-injection frameworks
// and connection-string options; see CollectorExtensions.h.
//
//===----------------------------------------------------------------------===//

#include "facts/CollectorExtensions.h"
#include "facts/DatabaseAddress.h"
#include "facts/ModuleGraph.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace clang::tidy::poolguard::collector {

bool isExtensionTypeSource(const ValueSource &V) {
  return V.From == "classTemplateArg" || V.From == "chainedArgType" ||
         V.From == "calleeClass";
}

bool isTypeSource(const ValueSource &V) {
  return isExtensionTypeSource(V) ||
         llvm::is_contained({"templateArg", "chainedTemplateArg", "argType",
                             "argPointee", "lambdaReturn",
                             "lambdaReturnPointee"},
                            V.From);
}

/// The template arguments of the class the callee belongs to, or of the
/// constructed class.
static const TemplateArgumentList *classTemplateArgs(const CallSite &S) {
  if (!S.Callee)
    return nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(S.Callee);
  if (!Method)
    return nullptr;
  const auto *Spec =
      dyn_cast<ClassTemplateSpecializationDecl>(Method->getParent());
  return Spec ? &Spec->getTemplateArgs() : nullptr;
}

/// The call of a method named \p Method on the result of \p Call, through a
/// chain of calls (`bind<I>.to<C>().named(n).in(scope)`).
static const CXXMemberCallExpr *chainedCall(const Expr *Call,
                                            llvm::StringRef Method,
                                            ASTContext &Ctx) {
  if (!Call)
    return nullptr;
  DynTypedNode Node = DynTypedNode::create(*Call);
  for (int Steps = 0; Steps < 32; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (Node.get<ImplicitCastExpr>() || Node.get<ParenExpr>() ||
        Node.get<MemberExpr>() || Node.get<MaterializeTemporaryExpr>() ||
        Node.get<CXXBindTemporaryExpr>())
      continue;
    const auto *MC = Node.get<CXXMemberCallExpr>();
    if (!MC || !MC->getMethodDecl())
      return nullptr;
    if (MC->getMethodDecl()->getName() == Method)
      return MC;
  }
  return nullptr;
}

QualType extensionSourceType(const ValueSource &V, const CallSite &S,
                             ASTContext &Ctx) {
  if (V.From == "classTemplateArg") {
    const TemplateArgumentList *Args = classTemplateArgs(S);
    if (!Args || V.Index >= static_cast<int>(Args->size()) ||
        (*Args)[V.Index].getKind() != TemplateArgument::Type)
      return {};
    return (*Args)[V.Index].getAsType();
  }
  if (V.From == "calleeClass") {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(S.Callee);
    return Method ? recordType(Ctx, Method->getParent()) : QualType();
  }
  if (V.From == "chainedArgType") {
    const CXXMemberCallExpr *MC = chainedCall(S.E, V.Name, Ctx);
    if (!MC || V.Index >= static_cast<int>(MC->getNumArgs()))
      return {};
    return ignoreWrappers(MC->getArg(V.Index))->getType();
  }
  return {};
}

std::string registrationLifetime(const RegistrationModel &R,
                                 const CallSite &S, ASTContext &Ctx) {
  if (!R.Scope || R.ScopeLifetimes.empty())
    return R.Lifetime;
  QualType Scope;
  if (isExtensionTypeSource(*R.Scope))
    Scope = extensionSourceType(*R.Scope, S, Ctx);
  else if (R.Scope->From == "argType" &&
           R.Scope->Index < static_cast<int>(S.Args.size()))
    Scope = S.Args[R.Scope->Index]->getType(); // `.in(di::unique)`
  if (Scope.isNull())
    return R.Lifetime;
  std::string Key = typeKey(Scope, Ctx);
  for (const auto &[Type, Lifetime] : R.ScopeLifetimes)
    if (Type == Key)
      return Lifetime;
  return R.Lifetime;
}

bool inRoot(const RegistrationModel &R, const FunctionDecl *Function) {
  if (R.Roots.empty())
    return true;
  if (!Function || !Function->getIdentifier())
    return false;
  std::string Qualified = plainQualifiedName(Function);
  llvm::StringRef Name = Function->getName();
  return llvm::any_of(R.Roots, [&](const std::string &Root) {
    return Root == Name || Root == Qualified;
  });
}

void forEachBaseRegistration(
    const CXXRecordDecl *RD, const ModelSet &Models,
    llvm::function_ref<void(const Model &, const RegistrationModel &,
                            const CallSite &)>
        Found) {
  if (!RD->hasDefinition())
    return;
  for (const CXXBaseSpecifier &B : RD->bases()) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        B.getType()->getAsCXXRecordDecl());
    if (!Spec)
      continue;
    std::string Name = plainQualifiedName(Spec);
    for (const Model &M : Models.Models)
      for (const RegistrationModel &R : M.Registrations) {
        if (R.Kind != MatchKind::Base || R.Callee != Name)
          continue;
        CallSite S;
        S.TemplateArgs = &Spec->getTemplateArgs();
        Found(M, R, S);
      }
  }
}

std::optional<std::string> keyedOption(const Expr *E, const ValueSource &V) {
  if (V.From == "uriQuery")
    return uriQueryParam(E, V.Name);
  const auto *S = E ? dyn_cast<StringLiteral>(ignoreConversions(followLocal(E)))
                    : nullptr;
  if (!S)
    return std::nullopt;
  for (const ConnectionOption &O : splitConnectionOptions(S->getString()))
    if (O.Key == V.Name)
      return O.Value.str();
  return std::nullopt;
}

Identity dropOptions(Identity Id, const ValueSource &V) {
  llvm::StringRef Key = Id.Key;
  if (V.DropOptions.empty() || !Key.consume_front("lit:"))
    return Id;
  llvm::SmallVector<std::string, 8> Kept;
  for (const ConnectionOption &O : splitConnectionOptions(Key))
    if (!O.Key.starts_with(V.DropOptions))
      Kept.push_back(O.Text.trim().str());
  std::string Stripped = llvm::join(Kept, ";");
  if (Id.Text == Key)
    Id.Text = Stripped;
  Id.Key = "lit:" + Stripped;
  return Id;
}

} // namespace clang::tidy::poolguard::collector

namespace clang::tidy::poolguard::collector {

void expandNewInstances(Facts &F, llvm::ArrayRef<NewInstanceSite> Sites) {
  if (Sites.empty())
    return;
  std::set<std::string> Owners;
  for (const PoolOwnerFact &O : F.PoolOwners)
    Owners.insert(O.Type);
  ModuleGraph Graph(F.Imports);
  std::vector<RegistrationFact> Added;
  std::set<std::string> Seen;
  for (const NewInstanceSite &Site : Sites) {
    // The modules the site's imported module reaches, itself included.
    llvm::StringMap<unsigned> Reached =
        Graph.distancesFrom({Site.Import.Imported});
    for (const RegistrationFact &R : F.Registrations) {
      if (!Reached.count(R.Module) ||
          (!Owners.count(R.Service) && !R.PoolCreatedByProvider))
        continue;
      RegistrationFact Copy = R;
      Copy.Module = Site.Import.Module;
      Copy.Framework = Site.Framework;
      Copy.Lifetime = "per-registration";
      Copy.Container.clear();
      Copy.Loc = Site.Import.Loc;
      if (Seen.insert(Copy.Service + "|" + Copy.Loc.File + ":" +
                      std::to_string(Copy.Loc.Offset))
              .second)
        Added.push_back(std::move(Copy));
    }
  }
  llvm::append_range(F.Registrations, Added);
}

} // namespace clang::tidy::poolguard::collector
