//===----------------------------------------------------------------------===//
//
// Value sources and registration forms for dependency-injection frameworks
// and connection-string options; see CollectorExtensions.h.
//
//===----------------------------------------------------------------------===//

#include "facts/CollectorExtensions.h"
#include "facts/DatabaseAddress.h"
#include "facts/Loops.h"
#include "facts/ModuleGraph.h"
#include "utils/LLVMCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace clang::tidy::poolguard::collector {

namespace {
/// What a value source names: a type the collector reads, a type read here
/// (an extension), or an expression.
enum class SourceYields { Type, ExtensionType, Expression };
} // namespace

static SourceYields sourceYields(ValueFrom From) {
  switch (From) {
  case ValueFrom::TemplateArg:
  case ValueFrom::ChainedTemplateArg:
  case ValueFrom::ArgType:
  case ValueFrom::ArgPointee:
  case ValueFrom::LambdaReturn:
  case ValueFrom::LambdaReturnPointee:
    return SourceYields::Type;
  case ValueFrom::ClassTemplateArg:
  case ValueFrom::ChainedArgType:
  case ValueFrom::CalleeClass:
    return SourceYields::ExtensionType;
  case ValueFrom::Arg:
  case ValueFrom::Param:
  case ValueFrom::Field:
  case ValueFrom::OptionAfter:
  case ValueFrom::UriQuery:
  case ValueFrom::ConnStringKey:
  case ValueFrom::ResultMethodArg:
  // Neither: whether a method is called (a registration's scope), the
  // functions that make or fill an object (an import's modules).
  case ValueFrom::ChainedCall:
  case ValueFrom::ObjectModules:
    return SourceYields::Expression;
  }
  llvm_unreachable("unknown value source kind");
}

bool isExtensionTypeSource(const ValueSource &V) {
  return sourceYields(V.From) == SourceYields::ExtensionType;
}

bool isTypeSource(const ValueSource &V) {
  return sourceYields(V.From) != SourceYields::Expression;
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
  switch (V.From) {
  case ValueFrom::ClassTemplateArg: {
    const TemplateArgumentList *Args = classTemplateArgs(S);
    if (!Args || V.Index >= static_cast<int>(Args->size()) ||
        (*Args)[V.Index].getKind() != TemplateArgument::Type)
      return {};
    return (*Args)[V.Index].getAsType();
  }
  case ValueFrom::CalleeClass: {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(S.Callee);
    return Method ? recordType(Ctx, Method->getParent()) : QualType();
  }
  case ValueFrom::ChainedArgType: {
    const CXXMemberCallExpr *MC = chainedCall(S.E, V.Name, Ctx);
    if (!MC || V.Index >= static_cast<int>(MC->getNumArgs()))
      return {};
    return ignoreWrappers(MC->getArg(V.Index))->getType();
  }
  default: // Not an extension type source (isExtensionTypeSource).
    return {};
  }
}

LifetimeKind registrationLifetime(const RegistrationModel &R,
                                 const CallSite &S, ASTContext &Ctx) {
  if (!R.Scope || R.ScopeLifetimes.empty())
    return R.Lifetime;
  // A scope chosen by calling a method (`.singleInstance()`), not by a type.
  if (R.Scope->From == ValueFrom::ChainedCall) {
    if (!chainedCall(S.E, R.Scope->Name, Ctx))
      return R.Lifetime;
    for (const auto &[Name, Lifetime] : R.ScopeLifetimes)
      if (Name == R.Scope->Name)
        return Lifetime;
    return R.Lifetime;
  }
  QualType Scope;
  if (isExtensionTypeSource(*R.Scope))
    Scope = extensionSourceType(*R.Scope, S, Ctx);
  else if (R.Scope->From == ValueFrom::ArgType &&
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

/// Whether \p RD is, or derives from, the class (or a specialization of the
/// class template) \p Name.
static bool derivesFrom(const CXXRecordDecl *RD, llvm::StringRef Name) {
  if (!RD || !RD->hasDefinition())
    return false;
  if (plainQualifiedName(RD) == Name)
    return true;
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &B) {
    return derivesFrom(B.getType()->getAsCXXRecordDecl(), Name);
  });
}

/// Whether a constructor of \p MD's class calls \p MD: then it is a helper
/// that builds the object (`UserCtrl() { init(); }`), run once per object,
/// not a request handler.
static bool calledByConstructor(const CXXMethodDecl *MD, ASTContext &Ctx) {
  using namespace ast_matchers;
  for (const CXXConstructorDecl *Ctor : MD->getParent()->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def) || !Def->getBody())
      continue;
    if (!match(findAll(cxxMemberCallExpr(callee(cxxMethodDecl(
                   equalsNode(MD->getCanonicalDecl()))))),
               *Def->getBody(), Ctx)
             .empty())
      return true;
  }
  return false;
}

/// The reason of the repeating base whose member function \p FD is. Of a
/// base whose every member function repeats (a Drogon controller), not the
/// ones its constructors call.
static std::string repeatingMethod(const FunctionDecl *FD, ASTContext &Ctx,
                                   const ModelSet &Models) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
      isa<CXXDestructorDecl>(MD) || !MD->getIdentifier())
    return "";
  for (const Model &M : Models.Models)
    for (const RepeatingModel &R : M.Repeating) {
      if (R.Kind != MatchKind::Base || !derivesFrom(MD->getParent(), R.Callee))
        continue;
      if (R.Methods.empty() ? calledByConstructor(MD, Ctx)
                            : !llvm::is_contained(R.Methods, MD->getName()))
        continue;
      return R.Reason;
    }
  return "";
}

namespace {
/// Finds a call of a function named \c Callee, or of \c Outer, in a body.
struct RearmFinder : RecursiveASTVisitor<RearmFinder> {
  llvm::StringRef Callee;
  const FunctionDecl *Outer = nullptr;
  bool Found = false;
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return true;
    Found = plainQualifiedName(FD) == Callee ||
            (Outer && FD->getCanonicalDecl() == Outer->getCanonicalDecl());
    return !Found;
  }
};
} // namespace

/// Whether the body of \p Lambda, passed to a call of \p Callee, starts the
/// call again: calls \p Callee itself, or the function the lambda is written
/// in (`void tick() { timer_.async_wait([this](auto) { ...; tick(); }); }`).
static bool rearms(const LambdaExpr *Lambda, llvm::StringRef Callee) {
  RearmFinder Finder;
  Finder.Callee = Callee;
  Finder.Outer = dyn_cast_or_null<FunctionDecl>(
      Lambda->getLambdaClass()->getDeclContext());
  Finder.TraverseStmt(Lambda->getBody());
  return Finder.Found;
}

/// Calls \p Match with each call or construction \p Lambda is an argument
/// of, innermost first: through conversions, temporaries and one-argument
/// constructions (a `std::function` made of it) to the call that takes
/// those. Stops at the first one \p Match accepts; whether one did.
static bool matchTaker(
    const LambdaExpr *Lambda, ASTContext &Ctx,
    llvm::function_ref<bool(MatchKind, llvm::StringRef, const Expr *)> Match) {
  DynTypedNode Node = DynTypedNode::create(*Lambda);
  for (int Steps = 0; Steps < 6; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty() || !Parents[0].get<Expr>())
      return false;
    Node = Parents[0];
    std::optional<CallSite> S = asCallSite(Node.get<Expr>());
    if (!S || !S->Callee)
      continue; // Conversions and temporaries around the argument.
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(S->Callee);
    std::string Name = Ctor ? plainQualifiedName(Ctor->getParent())
                            : plainQualifiedName(S->Callee);
    if (Match(Ctor ? MatchKind::Construct : MatchKind::Call, Name,
              Node.get<Expr>()))
      return true;
    if (!Ctor || Ctor->getNumParams() != 1)
      return false; // The lambda is an argument of some other call.
  }
  return false;
}

namespace {
/// What the models say of the call a lambda is passed to.
struct CallbackRuns {
  std::string Reason; ///< Why it repeats; empty when it does not.
  /// It runs once for each run of the call, and the call runs once: a
  /// thread started at start-up.
  bool Once = false;
};
} // namespace

/// How often \p Lambda runs, by the repeating call (or construction) it is
/// an argument of. A call whose entry has \c RepeatsWhereCalled (starting a
/// thread) repeats its lambda only where the call itself repeats.
static CallbackRuns repeatingCallback(const LambdaExpr *Lambda,
                                      ASTContext &Ctx, const ModelSet &Models) {
  CallbackRuns Runs;
  matchTaker(Lambda, Ctx,
             [&](MatchKind Kind, llvm::StringRef Name, const Expr *Call) {
               for (const Model &M : Models.Models)
                 for (const RepeatingModel &R : M.Repeating) {
                   if (R.Kind != Kind || R.Callee != Name ||
                       (R.Rearmed && !rearms(Lambda, Name)))
                     continue;
                   if (R.RepeatsWhereCalled && Call &&
                       repeatReason(DynTypedNode::create(*Call), Ctx, Models)
                           .empty())
                     Runs.Once = true;
                   else
                     Runs.Reason = R.Reason;
                   return true;
                 }
               return false;
             });
  return Runs;
}

/// Whether \p Lambda is called where it is written (`[] { ... }()`), so
/// that its body runs as part of the code around it.
static bool invokedInPlace(const LambdaExpr *Lambda, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Lambda);
  for (int Steps = 0; Steps < 4; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const Expr *Child = Node.get<Expr>();
    Node = Parents[0];
    if (const auto *Call = Node.get<CXXOperatorCallExpr>())
      return Call->getOperator() == OO_Call && Call->getNumArgs() > 0 &&
             Call->getArg(0) == Child;
    if (!Node.get<ImplicitCastExpr>() && !Node.get<MaterializeTemporaryExpr>() &&
        !Node.get<ParenExpr>())
      return false;
  }
  return false;
}

/// Whether \p Lambda is passed to a call that runs it at most once (the
/// models' "once": `std::call_once`).
static bool runsOnce(const LambdaExpr *Lambda, ASTContext &Ctx,
                     const ModelSet &Models) {
  return matchTaker(Lambda, Ctx, [&](MatchKind Kind, llvm::StringRef Name,
                                     const Expr *) {
    for (const Model &M : Models.Models)
      for (const OnceModel &O : M.Once)
        if (O.Kind == Kind && O.Callee == Name)
          return true;
    return false;
  });
}

namespace {
/// Finds the lambda expression of a lambda class.
struct LambdaFinder : RecursiveASTVisitor<LambdaFinder> {
  const CXXRecordDecl *Class = nullptr;
  const LambdaExpr *Found = nullptr;
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (L->getLambdaClass() != Class)
      return true;
    Found = L;
    return false;
  }
};
} // namespace

/// The lambda expression whose call operator is \p FD, searched in the
/// function that contains it; null for other functions.
static const LambdaExpr *lambdaOf(const FunctionDecl *FD) {
  const auto *Class = dyn_cast<CXXRecordDecl>(FD->getDeclContext());
  if (!Class || !Class->isLambda())
    return nullptr;
  const auto *Outer = dyn_cast_or_null<FunctionDecl>(Class->getDeclContext());
  if (!Outer || !Outer->getBody())
    return nullptr;
  LambdaFinder Finder;
  Finder.Class = Class;
  // The whole declaration: a constructor's member initializers too
  // (`task_("refresh", period, [] {...})`).
  Finder.TraverseDecl(const_cast<FunctionDecl *>(Outer));
  return Finder.Found;
}

std::string repeatReason(DynTypedNode Node, ASTContext &Ctx,
                         const ModelSet &Models) {
  const DynTypedNode Created = Node;
  // The outermost loop whose body holds Node, up to its function or lambda.
  const Stmt *Loop = nullptr;
  auto InLoopBody = [&]() -> std::string {
    if (!Loop || madeOnceInLoop(Created, Loop, Ctx))
      return "";
    return "in a loop body";
  };
  bool InLambda = false;
  for (int Steps = 0; Steps < 512; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return "";
    const Stmt *Child = Node.get<Stmt>();
    Node = Parents[0];
    // A static or thread_local variable is initialized once (per thread):
    // `static auto Client = DbClient::newPgClient(...)` in a handler makes
    // the pool on the first request only. Not so a lambda it holds, whose
    // body runs at every call.
    if (const auto *Var = Node.get<VarDecl>();
        Var && !InLambda && Var->isStaticLocal())
      return "";
    // The body of a lambda leads to its call operator, not to the lambda.
    if (const auto *FD = Node.get<FunctionDecl>(); FD && lambdaOf(FD))
      Node = DynTypedNode::create(*lambdaOf(FD));
    if (const auto *Lambda = Node.get<LambdaExpr>()) {
      // A lambda run once (by std::call_once, or a thread started once)
      // makes what it makes once, save in its own loops.
      if (runsOnce(Lambda, Ctx, Models))
        return InLoopBody();
      CallbackRuns Runs = repeatingCallback(Lambda, Ctx, Models);
      if (!Runs.Reason.empty())
        return Runs.Reason;
      if (Runs.Once || Loop)
        return InLoopBody();
      InLambda |= !invokedInPlace(Lambda, Ctx);
      continue;
    }
    if (const auto *FD = Node.get<FunctionDecl>()) {
      if (std::string R = repeatingMethod(FD, Ctx, Models); !R.empty())
        return R;
      return isa<CXXConstructorDecl>(FD) ? "" : InLoopBody();
    }
    const Stmt *Body = nullptr;
    if (const auto *For = Node.get<ForStmt>())
      Body = For->getBody();
    else if (const auto *While = Node.get<WhileStmt>())
      Body = While->getBody();
    else if (const auto *Do = Node.get<DoStmt>())
      Body = Do->getBody();
    else if (const auto *Range = Node.get<CXXForRangeStmt>())
      Body = Range->getBody();
    if (Body && Child == Body)
      Loop = Node.get<Stmt>();
  }
  return "";
}

std::optional<std::string> keyedOption(const Expr *E, const ValueSource &V) {
  if (V.From == ValueFrom::UriQuery)
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
      Copy.Lifetime = nameOf(LifetimeKind::PerRegistration).str();
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
