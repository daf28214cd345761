//===----------------------------------------------------------------------===//
//
// Extracts facts from one translation unit, driven by the framework models.
// Nothing here knows a framework: every call, construction or member that
// matters is found by the qualified names in the models, and every value is
// read through a model's ValueSource.
//
//===----------------------------------------------------------------------===//

#include "facts/FactsCollector.h"
#include "facts/CollectorConfig.h"
#include "facts/CollectorExprs.h"
#include "facts/CollectorExtensions.h"
#include "facts/DatabaseAddress.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

using namespace collector;

namespace {

/// Why a type owns a pool.
struct Ownership {
  std::string Reason;
  SourceLocation Loc;
  bool IsPool = false; ///< The type is itself a pool.
};

/// A pool creation whose module is decided when the TU ends, once every
/// module of the TU is known.
struct PendingCreation {
  PoolCreationFact Fact;
  std::string FunctionKey;
  std::string ClassKey;
};

/// What encloses an expression.
struct Enclosing {
  const FunctionDecl *Function = nullptr;
  const CXXRecordDecl *Class = nullptr;
  const FieldDecl *Field = nullptr;
  const Stmt *Body = nullptr; ///< Searched for assignments to locals.
};

/// The last component of a qualified name.
llvm::StringRef unqualified(llvm::StringRef Name) {
  size_t Pos = Name.rfind("::");
  return Pos == llvm::StringRef::npos ? Name : Name.drop_front(Pos + 2);
}

bool isLambdaClass(const DeclContext *DC) {
  const auto *RD = dyn_cast_or_null<CXXRecordDecl>(DC);
  return RD && RD->isLambda();
}

/// Finds the pool creations in a function body or initializer.
class PoolFinder : public RecursiveASTVisitor<PoolFinder> {
public:
  explicit PoolFinder(llvm::function_ref<bool(const CallSite &)> IsPool)
      : IsPool(IsPool) {}

  bool VisitCallExpr(CallExpr *E) { return consider(E); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return consider(E); }

  const Expr *Found = nullptr;

private:
  bool consider(const Expr *E) {
    std::optional<CallSite> S = asCallSite(E);
    if (S && IsPool(*S)) {
      Found = E;
      return false;
    }
    return true;
  }
  llvm::function_ref<bool(const CallSite &)> IsPool;
};

} // namespace

struct FactsCollector::Impl {
  std::shared_ptr<const ModelSet> Models;
  std::vector<std::string> EnvGetters;
  std::vector<std::string> PoolAnnotations;
  std::vector<llvm::GlobPattern> TestFiles;
  std::set<std::string> PoolTypes;
  std::vector<std::string> FrameworkNamespaces;
  std::unique_ptr<ConfigJoin> Config; ///< Joins with configuration files.

  ASTContext *Ctx = nullptr;
  Facts Collected;
  std::vector<PendingCreation> Creations;
  std::set<std::string> ModuleKeys;
  std::set<std::string> Seen; ///< Keys of facts already recorded.
  std::vector<NewInstanceSite> NewInstanceSites;
  bool DefinesMain = false; ///< The main file defines `main`: a program.
  llvm::DenseMap<const CXXRecordDecl *, std::optional<Ownership>> Owners;

  explicit Impl(std::shared_ptr<const ModelSet> M) : Models(std::move(M)) {
    if (!Models)
      Models = std::make_shared<const ModelSet>();
    for (const Model &Mod : Models->Models) {
      llvm::append_range(EnvGetters, Mod.EnvGetters);
      llvm::append_range(PoolAnnotations, Mod.PoolAnnotations);
      PoolTypes.insert(Mod.PoolTypes.begin(), Mod.PoolTypes.end());
      for (const std::string &Pattern : Mod.TestFiles)
        if (auto P = llvm::GlobPattern::create(Pattern))
          TestFiles.push_back(std::move(*P));
        else
          llvm::consumeError(P.takeError()); // Validated by the loader.
      llvm::append_range(FrameworkNamespaces, Mod.FrameworkNamespaces);
    }
    Config = std::make_unique<ConfigJoin>(Models);
  }

  void setContext(ASTContext &C) {
    if (Ctx == &C)
      return;
    Ctx = &C;
    Owners.clear();
  }

  //===--- Locations
  //-------------------------------------------------------===//

  SourcePos pos(SourceLocation Loc) const {
    return sourcePos(Loc, Ctx->getSourceManager());
  }

  bool inSystemHeader(SourceLocation Loc) const {
    return Loc.isInvalid() || Ctx->getSourceManager().isInSystemHeader(
                                  Ctx->getSourceManager().getExpansionLoc(Loc));
  }

  static std::string posKey(const SourcePos &P) {
    return P.File + ":" + std::to_string(P.Offset);
  }

  /// True the first time \p Key is seen in this TU.
  bool firstTime(std::string Key) { return Seen.insert(std::move(Key)).second; }

  //===--- Context
  //---------------------------------------------------------===//

  /// Walks up from \p Node to the enclosing function, field initializer and
  /// class, looking through lambdas.
  Enclosing enclosing(DynTypedNode Node) {
    Enclosing Out;
    for (int Steps = 0; Steps < 512; ++Steps) {
      DynTypedNodeList Parents = Ctx->getParents(Node);
      if (Parents.empty())
        return Out;
      Node = Parents[0];
      if (const auto *FD = Node.get<FunctionDecl>()) {
        if (isLambdaClass(FD->getDeclContext()))
          return fromDeclContext(FD->getDeclContext()->getParent(), Out);
        return fromDeclContext(FD, Out);
      }
      if (const auto *F = Node.get<FieldDecl>()) {
        Out.Field = F;
        Out.Body = F->getInClassInitializer();
        return fromDeclContext(F->getDeclContext(), Out);
      }
      if (const auto *RD = Node.get<CXXRecordDecl>()) {
        if (RD->isLambda())
          return fromDeclContext(RD->getDeclContext(), Out);
        return fromDeclContext(RD, Out);
      }
      if (const auto *VD = Node.get<VarDecl>(); VD && !VD->isLocalVarDecl())
        return fromDeclContext(VD->getDeclContext(), Out);
      if (Node.get<TranslationUnitDecl>())
        return Out;
    }
    return Out;
  }

  static Enclosing fromDeclContext(const DeclContext *DC, Enclosing Out) {
    for (; DC; DC = DC->getParent()) {
      if (isLambdaClass(DC))
        continue;
      if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
        if (isLambdaClass(FD->getDeclContext()))
          continue;
        if (!Out.Function) {
          Out.Function = FD;
          if (!Out.Body)
            Out.Body = FD->getBody();
        }
        continue;
      }
      if (const auto *RD = dyn_cast<CXXRecordDecl>(DC)) {
        Out.Class = RD;
        return Out;
      }
      if (isa<NamespaceDecl>(DC) || isa<TranslationUnitDecl>(DC))
        return Out;
    }
    return Out;
  }

  //===--- Models
  //----------------------------------------------------------===//

  /// Whether \p S calls or constructs \p Name of \p Kind. A name written
  /// through a typedef (`oatpp::postgresql::ConnectionPool::createShared`)
  /// matches only when \p ViaTypedef.
  /// The names a call site answers to: the callee's (or constructed
  /// class's) qualified name, and the name written through a typedef or
  /// class qualifier.
  struct CalleeNames {
    MatchKind Kind = MatchKind::Call;
    std::string Declared;
    std::string Written;
  };

  static CalleeNames calleeNames(const CallSite &S) {
    CalleeNames N;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(S.Callee)) {
      N.Kind = MatchKind::Construct;
      N.Declared = plainQualifiedName(Ctor->getParent());
      return N;
    }
    if (!isa<CallExpr>(S.E))
      return N;
    N.Declared = plainQualifiedName(S.Callee);
    N.Written = writtenQualifiedCallee(S.E);
    return N;
  }

  /// Whether \p S calls or constructs \p Name of \p Kind, by the name
  /// written at the call (\p ViaWritten) or the declared one.
  static bool calleeIs(const CalleeNames &N, llvm::StringRef Name,
                       MatchKind Kind, bool ViaWritten) {
    if (Kind != N.Kind || N.Declared.empty())
      return false;
    if (Name == "*") // Any construction (composition roots).
      return Kind == MatchKind::Construct && !ViaWritten;
    return ViaWritten ? !N.Written.empty() && N.Written == Name
                      : N.Declared == Name;
  }

  static bool paramsMatch(const CallSite &S, llvm::ArrayRef<std::string> Params,
                          const ASTContext &Ctx) {
    for (size_t I = 0; I < Params.size(); ++I) {
      if (I >= S.Callee->getNumParams())
        return false;
      if (typeKey(S.Callee->getParamDecl(I)->getType(), Ctx) != Params[I])
        return false;
    }
    return true;
  }

  /// The pool model \p S matches, preferring names written through a typedef.
  std::pair<const Model *, const PoolModel *> poolModelFor(const CallSite &S) {
    CalleeNames N = calleeNames(S);
    for (bool ViaWritten : {true, false})
      for (const Model &M : Models->Models)
        for (const PoolModel &P : M.Pools)
          if (calleeIs(N, P.Callee, P.Kind, ViaWritten) &&
              paramsMatch(S, P.Params, *Ctx))
            return {&M, &P};
    return {nullptr, nullptr};
  }

  /// The first pool creation inside \p S, or null.
  const Expr *findPoolCreation(const Stmt *S) {
    if (!S)
      return nullptr;
    auto IsPool = [&](const CallSite &Site) {
      return poolModelFor(Site).second != nullptr;
    };
    PoolFinder Finder(IsPool);
    Finder.TraverseStmt(const_cast<Stmt *>(S));
    return Finder.Found;
  }

  //===--- Value sources
  //---------------------------------------------------===//

  /// Argument \p Index, or the parameter's default argument when the call
  /// does not pass it (`std::make_shared<T>(a)` leaves them out).
  static const Expr *argAt(const CallSite &S, unsigned Index, bool *IsDefault) {
    if (Index < S.Args.size())
      return S.Args[Index];
    if (Index >= S.Callee->getNumParams())
      return nullptr;
    const ParmVarDecl *Param = S.Callee->getParamDecl(Index);
    if (!Param->hasDefaultArg() || Param->hasUninstantiatedDefaultArg() ||
        Param->hasUnparsedDefaultArg())
      return nullptr;
    if (IsDefault)
      *IsDefault = true;
    return Param->getDefaultArg();
  }

  /// The template argument \p Index of a method named \p Method called on
  /// the result of \p Call, through a chain of calls (`.as<I>()`).
  QualType chainedTemplateArg(const Expr *Call, llvm::StringRef Method,
                              int Index) {
    DynTypedNode Node = DynTypedNode::create(*Call);
    for (int Steps = 0; Steps < 32; ++Steps) {
      DynTypedNodeList Parents = Ctx->getParents(Node);
      if (Parents.empty())
        return {};
      Node = Parents[0];
      if (Node.get<ImplicitCastExpr>() || Node.get<ParenExpr>() ||
          Node.get<MemberExpr>())
        continue;
      const auto *MC = Node.get<CXXMemberCallExpr>();
      if (!MC || !MC->getMethodDecl())
        return {};
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD->getName() != Method)
        continue;
      const TemplateArgumentList *Args = MD->getTemplateSpecializationArgs();
      if (!Args || Index >= static_cast<int>(Args->size()) ||
          (*Args)[Index].getKind() != TemplateArgument::Type)
        return {};
      return (*Args)[Index].getAsType();
    }
    return {};
  }

  /// The type a ValueSource names at \p S.
  QualType sourceType(const ValueSource &V, const CallSite &S) {
    QualType T;
    const Expr *Arg = V.Index < static_cast<int>(S.Args.size())
                          ? ignoreWrappers(S.Args[V.Index])
                          : nullptr;
    switch (V.From) {
    case ValueFrom::TemplateArg:
      if (S.TemplateArgs &&
          V.Index < static_cast<int>(S.TemplateArgs->size()) &&
          (*S.TemplateArgs)[V.Index].getKind() == TemplateArgument::Type)
        T = (*S.TemplateArgs)[V.Index].getAsType();
      break;
    case ValueFrom::ChainedTemplateArg:
      T = chainedTemplateArg(S.E, V.Name, V.Index);
      break;
    case ValueFrom::ArgType:
      if (Arg)
        T = Arg->getType();
      break;
    case ValueFrom::ArgPointee:
      if (Arg)
        T = pointeeOf(Arg->getType());
      break;
    case ValueFrom::LambdaReturn:
    case ValueFrom::LambdaReturnPointee:
      if (!Arg)
        break;
      if (const auto *L = dyn_cast_or_null<LambdaExpr>(
              ignoreConversions(followLocal(Arg))))
        T = L->getCallOperator()->getReturnType();
      if (V.From == ValueFrom::LambdaReturnPointee)
        T = pointeeOf(T);
      break;
    case ValueFrom::ClassTemplateArg:
    case ValueFrom::ChainedArgType:
    case ValueFrom::CalleeClass:
      T = extensionSourceType(V, S, *Ctx);
      break;
    // Values, not types.
    case ValueFrom::Arg:
    case ValueFrom::Param:
    case ValueFrom::Field:
    case ValueFrom::OptionAfter:
    case ValueFrom::UriQuery:
    case ValueFrom::ConnStringKey:
    case ValueFrom::ResultMethodArg:
    // A scope chosen by a call (registrationLifetime); an import's modules.
    case ValueFrom::ChainedCall:
    case ValueFrom::ObjectModules:
      break;
    }
    if (V.Pointee)
      T = pointeeOf(T);
    return T;
  }

  /// The expression a ValueSource names at \p S; \p IsDefault is set when
  /// it is a default argument or default member initializer.
  const Expr *sourceExpr(const ValueSource &V, const CallSite &S,
                         const Enclosing &Where, bool *IsDefault) {
    const Expr *Arg = argAt(S, V.Index, IsDefault);
    const Expr *Out = nullptr;
    switch (V.From) {
    case ValueFrom::Arg:
    case ValueFrom::UriQuery:
    case ValueFrom::ConnStringKey:
      Out = Arg;
      break;
    case ValueFrom::Param:
      for (unsigned I = 0; I < S.Callee->getNumParams(); ++I)
        if (S.Callee->getParamDecl(I)->getName() == V.Name)
          Out = argAt(S, I, IsDefault);
      break;
    case ValueFrom::Field:
      if (Arg)
        Out = fieldValue(Arg, V.Name, Where.Body, S.E->getBeginLoc(), *Ctx,
                         IsDefault);
      break;
    case ValueFrom::ResultMethodArg:
      Out = resultMethodArg(S.E, V.Name, V.Index, Where.Body, *Ctx);
      break;
    case ValueFrom::OptionAfter:
      for (size_t I = 0; I + 1 < S.Args.size(); ++I) {
        const auto *Ref = dyn_cast<DeclRefExpr>(ignoreWrappers(S.Args[I]));
        if (Ref && isa<EnumConstantDecl>(Ref->getDecl()) &&
            Ref->getDecl()->getName() == V.Name) {
          Out = S.Args[I + 1];
          break;
        }
      }
      break;
    // Types, not values.
    case ValueFrom::TemplateArg:
    case ValueFrom::ChainedTemplateArg:
    case ValueFrom::ArgType:
    case ValueFrom::ArgPointee:
    case ValueFrom::LambdaReturn:
    case ValueFrom::LambdaReturnPointee:
    case ValueFrom::ClassTemplateArg:
    case ValueFrom::ChainedArgType:
    case ValueFrom::CalleeClass:
    // A scope chosen by a call (registrationLifetime); an import's modules
    // (objectModules).
    case ValueFrom::ChainedCall:
    case ValueFrom::ObjectModules:
      break;
    }
    if (Out && isa<CXXDefaultArgExpr>(ignoreWrappers(Out)) && IsDefault)
      *IsDefault = true;
    return Out;
  }

  /// A name given as a string: the literal's value, else the source text.
  std::string nameText(const Expr *E) {
    if (!E)
      return "";
    if (const auto *S =
            dyn_cast<StringLiteral>(ignoreConversions(followLocal(E))))
      return S->getString().str();
    return sourceText(E, *Ctx);
  }

  /// Looks through the construction of \p Through that built \p E.
  const Expr *through(const Expr *E, const ValueSource &V) {
    if (!E || V.Through.empty())
      return E;
    const Expr *Built = E;
    for (int Depth = 0; Built && Depth < 12; ++Depth) {
      Built = ignoreWrappers(Built);
      if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Built)) {
        Built = F->getSubExpr();
        continue;
      }
      std::optional<CallSite> S = asCallSite(Built);
      const auto *Ctor = S ? dyn_cast<CXXConstructorDecl>(S->Callee) : nullptr;
      if (Ctor && plainQualifiedName(Ctor->getParent()) == V.Through)
        return V.ThroughIndex < static_cast<int>(S->Args.size())
                   ? S->Args[V.ThroughIndex]
                   : E;
      // Conversions on the way: shared_ptr<Derived> to shared_ptr<Base>.
      if (const auto *C = dyn_cast<CXXConstructExpr>(Built);
          C && C->getNumArgs() == 1) {
        Built = C->getArg(0);
        continue;
      }
      const Expr *Next = followLocal(Built);
      if (Next == Built)
        break;
      Built = Next;
    }
    return E;
  }

  //===--- Pool owners
  //-----------------------------------------------------===//

  /// Smart pointers and optionals of T -> T; other types unchanged.
  static QualType unwrapOwning(QualType T) {
    for (int I = 0; I < 4; ++I) {
      // Raw pointers, references and weak_ptr observe; they do not own.
      if (T->isPointerType() || T->isReferenceType())
        return QualType();
      if (const CXXRecordDecl *RD = recordOf(T);
          RD && plainQualifiedName(RD) == "std::weak_ptr")
        return QualType();
      QualType Inner = pointeeOf(T);
      if (Inner == T)
        return T;
      T = Inner;
    }
    return T;
  }

  /// What the field \p F holds: its type (the element type of an array)
  /// through smart pointers and optionals; null for a dependent type.
  QualType ownedType(const FieldDecl *F) const {
    QualType T = F->getType();
    if (T->isDependentType())
      return QualType();
    if (const ArrayType *AT = Ctx->getAsArrayType(T))
      T = AT->getElementType();
    return unwrapOwning(T);
  }

  std::optional<Ownership> ownership(const CXXRecordDecl *RD) {
    if (!RD)
      return std::nullopt;
    // A specialization nothing instantiated yet: judge the template.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
        Spec && !Spec->getDefinition())
      RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
    RD = RD->getDefinition();
    if (!RD)
      return std::nullopt;
    auto It = Owners.find(RD);
    if (It != Owners.end())
      return It->second;
    Owners[RD] = std::nullopt; // Breaks cycles.
    std::optional<Ownership> O = computeOwnership(RD);
    Owners[RD] = O;
    return O;
  }

  std::optional<Ownership> computeOwnership(const CXXRecordDecl *RD) {
    std::string Name = plainQualifiedName(RD);
    if (PoolTypes.count(Name))
      return Ownership{"it is the pool type '" + Name + "'", RD->getLocation(),
                       /*IsPool=*/true};
    for (const auto *A : RD->specific_attrs<AnnotateAttr>())
      if (llvm::is_contained(PoolAnnotations, A->getAnnotation()))
        return Ownership{("it is annotated as a pool with "
                          "[[clang::annotate(\"" +
                          A->getAnnotation() + "\")]]")
                             .str(),
                         A->getLocation(), /*IsPool=*/true};
    for (const FieldDecl *F : RD->fields()) {
      QualType Owned = ownedType(F);
      if (Owned.isNull())
        continue;
      std::optional<Ownership> Inner = ownership(recordOf(Owned));
      if (!Inner)
        continue;
      std::string Reason = "member '" + F->getNameAsString() + "' of type '" +
                           printType(F->getType(), *Ctx) + "'";
      if (!Inner->IsPool)
        Reason += ", which owns a pool: " + Inner->Reason;
      return Ownership{Reason, F->getLocation()};
    }
    for (const CXXBaseSpecifier &B : RD->bases()) {
      std::optional<Ownership> Inner =
          ownership(B.getType()->getAsCXXRecordDecl());
      if (!Inner)
        continue;
      std::string Reason = "base class '" + printType(B.getType(), *Ctx) + "'";
      if (!Inner->IsPool)
        Reason += ", which owns a pool: " + Inner->Reason;
      return Ownership{Reason, B.getBeginLoc()};
    }
    // Library code is judged by its declarations only (pool types, members,
    // bases), not by what its inline functions happen to call.
    if (inSystemHeader(RD->getLocation()))
      return std::nullopt;
    for (const CXXMethodDecl *MD : RD->methods()) {
      const FunctionDecl *Def = nullptr;
      if (!MD->hasBody(Def) || !Def)
        continue;
      const Expr *Found = findPoolCreation(Def->getBody());
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def); !Found && Ctor)
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->isWritten() && (Found = findPoolCreation(Init->getInit())))
            break;
      if (Found)
        return Ownership{"creates a pool in '" + plainQualifiedName(Def) + "'",
                         Found->getExprLoc()};
    }
    for (const FieldDecl *F : RD->fields())
      if (const Expr *Found = findPoolCreation(F->getInClassInitializer()))
        return Ownership{"creates a pool in the initializer of member '" +
                             F->getNameAsString() + "'",
                         Found->getExprLoc()};
    return std::nullopt;
  }

  void addOwner(const std::string &Type, const Ownership &O,
                SourceLocation Fallback) {
    SourceLocation Loc = inSystemHeader(O.Loc) ? Fallback : O.Loc;
    if (inSystemHeader(Loc))
      return;
    PoolOwnerFact F;
    F.Type = Type;
    F.Reason = O.Reason;
    F.Loc = pos(Loc);
    if (firstTime("owner|" + Type + "|" + O.Reason + "|" + posKey(F.Loc)))
      Collected.PoolOwners.push_back(std::move(F));
  }

  /// Whether every instance of \p RD makes its own value of member \p F:
  /// held by value, in an array, a std::optional or a std::unique_ptr, or a
  /// std::shared_ptr that a constructor or the member's initializer fills
  /// with a new object. A shared_ptr passed in may be shared with others.
  bool makesOwnInstance(const CXXRecordDecl *RD, const FieldDecl *F) {
    QualType T = F->getType();
    if (const ArrayType *AT = Ctx->getAsArrayType(T))
      T = AT->getElementType();
    const CXXRecordDecl *Wrapper = recordOf(T);
    if (!Wrapper || plainQualifiedName(Wrapper) != "std::shared_ptr")
      return true;
    if (isFreshObject(F->getInClassInitializer()))
      return true;
    for (const CXXConstructorDecl *Ctor : RD->ctors()) {
      const FunctionDecl *Def = nullptr;
      if (!Ctor->hasBody(Def) || !Def)
        continue;
      for (const CXXCtorInitializer *Init :
           cast<CXXConstructorDecl>(Def)->inits())
        if (Init->getMember() == F && isFreshObject(Init->getInit()))
          return true;
    }
    return false;
  }

  /// Records the pool owners (not pools themselves) that each instance of
  /// \p RD makes for itself.
  void addHoldings(const CXXRecordDecl *RD) {
    for (const FieldDecl *F : RD->fields()) {
      QualType Owned = ownedType(F);
      const CXXRecordDecl *Held = Owned.isNull() ? nullptr : recordOf(Owned);
      std::optional<Ownership> O = ownership(Held);
      if (!O || O->IsPool || !makesOwnInstance(RD, F))
        continue;
      HoldingFact H;
      H.Owner = recordKey(RD, *Ctx);
      H.Held = recordKey(Held, *Ctx);
      H.Member = F->getNameAsString();
      H.Loc = pos(F->getLocation());
      if (firstTime("holds|" + H.Owner + "|" + H.Member + "|" + posKey(H.Loc)))
        Collected.Holdings.push_back(std::move(H));
    }
  }

  //===--- Facts
  //-----------------------------------------------------------===//

  /// Records the module \p Where stands for and returns its key.
  std::string moduleFor(ModuleKind Kind, const Enclosing &Where,
                        const Model &M) {
    const NamedDecl *D = nullptr;
    std::string Prefix;
    switch (Kind) {
    case ModuleKind::EnclosingFunction:
      D = Where.Function;
      Prefix = "fn:";
      break;
    case ModuleKind::EnclosingClass:
      D = Where.Class;
      Prefix = "class:";
      break;
    }
    if (!D)
      return "";
    std::string Name = plainQualifiedName(D);
    std::string Key = Prefix + Name;
    if (ModuleKeys.insert(Key).second) {
      ModuleFact F;
      F.Key = Key;
      F.Name = Name;
      F.Framework = M.Name;
      F.Loc = pos(D->getLocation());
      Collected.Modules.push_back(std::move(F));
    }
    return Key;
  }

  void registration(const Model &M, const RegistrationModel &R,
                    const CallSite &S, SourceLocation Loc, DynTypedNode Node,
                    const Stmt *Provider, const Enclosing *Given = nullptr) {
    QualType Service = sourceType(R.Service, S);
    if (Service.isNull() || Service->isDependentType())
      return;
    RegistrationFact F;
    F.Service = serviceKey(Service, *Ctx);
    if (F.Service.empty())
      return;
    if (R.Interface) {
      QualType I = sourceType(*R.Interface, S);
      if (!I.isNull() && !I->isDependentType())
        F.Interface = serviceKey(I, *Ctx);
    }
    Enclosing Where = Given ? *Given : enclosing(Node);
    if (R.FreshService && !isFreshObject(argAt(S, R.Service.Index, nullptr)))
      return;
    if (calledOnResultOf(S.E, R.UnlessOn))
      return;
    // A registration of any construction counts for pool owners only, not
    // for the pools themselves (poolguard-repeated-pool reports those).
    if (R.Callee == "*") {
      std::optional<Ownership> O = ownership(recordOf(Service));
      if (!O || O->IsPool)
        return;
    }
    // Outside its roots, a registration is one only when it runs again and
    // again: a pool owner built per request (poolguard-pool-per-call).
    F.Repeats = repeatReason(Node, *Ctx, *Models);
    if (F.Repeats.empty() && !inRoot(R, Where.Function))
      return;
    if (R.Name && isTypeSource(*R.Name)) {
      QualType N = sourceType(*R.Name, S);
      if (!N.isNull() && !N->isDependentType())
        F.InstanceName = serviceKey(N, *Ctx);
    } else if (R.Name) {
      bool IsDefault = false;
      F.InstanceName = nameText(sourceExpr(*R.Name, S, Where, &IsDefault));
      if (IsDefault)
        F.InstanceName.clear();
    }
    F.Framework = M.Name;
    F.Lifetime = nameOf(registrationLifetime(R, S, *Ctx)).str();
    F.Module = moduleFor(R.Module, Where, M);
    F.PoolCreatedByProvider = findPoolCreation(Provider) != nullptr;
    F.Database = constructedDatabase(S);
    F.Loc = pos(Loc);
    if (!firstTime("reg|" + posKey(F.Loc) + "|" + F.Service))
      return;
    Collected.Registrations.push_back(F);
    Config->registration(Collected.Registrations.back(), Service, *Ctx);
    if (std::optional<Ownership> O = ownership(recordOf(Service)))
      addOwner(F.Service, *O, Loc);
  }

  /// Whether \p E is a member call on the result of a method named one of
  /// \p Methods (`bind<I>.to<C>().in(...)` is called on `to`'s result).
  static bool calledOnResultOf(const Expr *E,
                               llvm::ArrayRef<std::string> Methods) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
    if (Methods.empty() || !Call)
      return false;
    const auto *On = dyn_cast<CXXMemberCallExpr>(
        ignoreWrappers(Call->getImplicitObjectArgument()));
    return On && On->getMethodDecl() &&
           llvm::is_contained(Methods, On->getMethodDecl()->getName());
  }

  /// The database a construction's arguments give the new object: the
  /// first argument that is a constant connection string
  /// (`Database Orders("postgresql://orders-db/orders")`); else empty.
  std::string constructedDatabase(const CallSite &S) {
    if (!isa_and_nonnull<CXXConstructorDecl>(S.Callee))
      return "";
    for (const Expr *Arg : S.Args) {
      Identity Id = identityOf(Arg, *Ctx, EnvGetters);
      if (!llvm::StringRef(Id.Key).starts_with("lit:"))
        continue;
      return databaseKeyOf({Id.Key}, {DsnRole::Dsn}, "");
    }
    return "";
  }

  /// Where a creation is reported: the declared variable or member when a
  /// construction initializes one (`sw::redis::Redis redis_{...}`), else the
  /// call.
  SourceLocation creationLoc(const Expr *E) {
    if (!isa<CXXConstructExpr>(E))
      return E->getExprLoc();
    DynTypedNode Node = DynTypedNode::create(*E);
    for (int Steps = 0; Steps < 4; ++Steps) {
      DynTypedNodeList Parents = Ctx->getParents(Node);
      if (Parents.empty())
        break;
      Node = Parents[0];
      if (const auto *V = Node.get<VarDecl>())
        return V->getLocation();
      if (const auto *F = Node.get<FieldDecl>())
        return F->getLocation();
      const auto *Wrapper = Node.get<Expr>();
      if (!Wrapper || ignoreWrappers(Wrapper) != ignoreWrappers(E))
        break;
    }
    return E->getExprLoc();
  }

  /// Whether \p File is a test (its name matches a model's `testFiles`).
  bool inTestFile(llvm::StringRef File) const {
    llvm::StringRef Name = llvm::sys::path::filename(File);
    return llvm::any_of(TestFiles, [&](const llvm::GlobPattern &P) {
      return P.match(Name);
    });
  }

  /// Whether \p Node initializes a local variable that nothing reads.
  bool unusedLocal(DynTypedNode Node) {
    for (int Steps = 0; Steps < 8; ++Steps) {
      DynTypedNodeList Parents = Ctx->getParents(Node);
      if (Parents.empty())
        return false;
      Node = Parents[0];
      if (const auto *V = Node.get<VarDecl>())
        return V->isLocalVarDecl() && !V->isReferenced();
      if (!Node.get<Expr>())
        return false;
    }
    return false;
  }

  /// The size of the pool \p F that \p S creates: the model's size source,
  /// else the library's default; a connection created in a loop is one per
  /// iteration.
  void poolSize(const PoolModel &P, const CallSite &S, const Enclosing &Where,
                DynTypedNode Node, PoolCreationFact &F) {
    if (!P.Size && P.DefaultSize) {
      F.Size = P.DefaultSize;
      F.SizeText = std::to_string(*P.DefaultSize);
      F.SizeIsDefault = true;
    }
    if (P.Connection) {
      F.Size = loopIterations(Node, *Ctx);
      F.SizeText = F.Size ? std::to_string(*F.Size)
                          : std::string("one connection per loop iteration");
    }

    if (P.Size) {
      bool IsDefault = false;
      const Expr *SizeExpr = sourceExpr(*P.Size, S, Where, &IsDefault);
      if (P.Size->From == ValueFrom::UriQuery ||
          P.Size->From == ValueFrom::ConnStringKey) {
        int64_t V = 0;
        std::optional<std::string> Q =
            SizeExpr ? keyedOption(SizeExpr, *P.Size) : std::nullopt;
        if (Q && !llvm::StringRef(*Q).getAsInteger(10, V)) {
          F.Size = V;
          F.SizeText = P.Size->Name + "=" + *Q;
        }
      } else if (SizeExpr) {
        F.Size = evaluateInt(SizeExpr, *Ctx, &IsDefault);
        const Expr *Shown = ignoreWrappers(SizeExpr);
        if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Shown))
          Shown = D->getExpr();
        F.SizeText = sourceText(Shown, *Ctx);
        F.SizeIsDefault = IsDefault;
      }
      // A field the code sets in another function (the options are a call's
      // result, or go through a call by reference) is unknown, not the
      // library's default.
      if (!SizeExpr && P.Size->From == ValueFrom::Field) {
        F.Size.reset();
        F.SizeIsDefault = false;
        F.SizeText = P.Size->Name + " set in another function";
      } else if (!F.Size && !SizeExpr && P.DefaultSize) {
        F.Size = P.DefaultSize;
        F.SizeText = std::to_string(*P.DefaultSize);
        F.SizeIsDefault = true;
      }
    }
  }

  /// The database the pool \p F that \p S creates reaches, from the
  /// model's DSN parts, when any part is known.
  void poolDatabase(const PoolModel &P, const CallSite &S,
                    const Enclosing &Where, PoolCreationFact &F) {
    std::vector<std::string> Keys, Texts;
    std::vector<DsnRole> Roles;
    bool AnyKnown = false;
    for (const ValueSource &Part : P.Dsn) {
      bool IsDefault = false;
      const Expr *E = through(sourceExpr(Part, S, Where, &IsDefault), Part);
      // A part that is absent (no such field or argument) or set to nothing
      // ("", 0, nullptr: libpq's PQsetdbLogin(nullptr, nullptr, ...) takes
      // the default host and port, as a conninfo without them does) does not
      // tell databases apart: a Postgres client has no file
      // name, an SQLite one no host. A host setter not found may have been
      // called elsewhere: the host is unknown, not the local server.
      if (!E && Part.From == ValueFrom::ResultMethodArg &&
          Part.Role == DsnRole::Host) {
        Keys.push_back("?");
        Roles.push_back(DsnRole::Host);
        continue;
      }
      if (!E)
        continue;
      if (P.Dsn.size() > 1 &&
          E->IgnoreParenImpCasts()->isNullPointerConstant(
              *Ctx, Expr::NPC_ValueDependentIsNotNull))
        continue;
      Identity Id = dropOptions(identityOf(E, *Ctx, EnvGetters), Part);
      if (P.Dsn.size() > 1 && (Id.Key == "lit:" || Id.Key == "lit:0"))
        continue;
      AnyKnown |= !Id.Key.empty();
      Keys.push_back(Id.Key.empty() ? "?" : Id.Key);
      Roles.push_back(Part.Role);
      std::string Label = Part.From == ValueFrom::Field ||
                                  Part.From == ValueFrom::ResultMethodArg
                              ? Part.Name
                              : std::string();
      if (Label.empty() && Part.From == ValueFrom::Arg &&
          Part.Index < static_cast<int>(S.Callee->getNumParams()))
        Label = S.Callee->getParamDecl(Part.Index)->getName().str();
      Texts.push_back(
          P.Dsn.size() == 1 || Label.empty() ? Id.Text : Label + "=" + Id.Text);
    }
    if (AnyKnown) {
      F.Database = databaseKeyOf(Keys, Roles, P.DefaultPort);
      F.DatabaseText = llvm::join(Texts, " ");
    }
  }

  void pool(const Model &M, const PoolModel &P, const CallSite &S,
            DynTypedNode Node) {
    PoolCreationFact F;
    F.Library = P.Library.empty() ? M.Name : P.Library;
    F.Callee = P.Callee;
    F.Unbounded = P.Unbounded;
    F.SizeIsInitialCache = P.SizeIsInitialCache;
    F.Loc = pos(creationLoc(S.E));
    if (!firstTime("pool|" + posKey(F.Loc)) || (P.Lazy && unusedLocal(Node)) ||
        inTestFile(F.Loc.File))
      return;
    Enclosing Where = enclosing(Node);
    if (P.CacheKey) {
      bool IsDefault = false;
      const Expr *Key = sourceExpr(*P.CacheKey, S, Where, &IsDefault);
      Identity Id = Key ? identityOf(Key, *Ctx, EnvGetters) : Identity();
      if (!Id.Key.empty() &&
          !firstTime("pool-cache|" + F.Library + "|" + Id.Key))
        return;
    }
    if (P.ConnectionName) {
      bool IsDefault = false;
      const Expr *Name = sourceExpr(*P.ConnectionName, S, Where, &IsDefault);
      if (Name && !IsDefault && isBuiltAtRunTime(Name)) {
        F.PerThread = true;
        F.Unbounded = true;
        // As many connections as threads: the program's thread limit.
        F.MultiplierSetting = P.MultiplierSetting;
        F.MultiplierReason = P.MultiplierReason;
      } else if (Name) {
        F.Instance = F.Library + ":" +
                     (IsDefault ? std::string("<default>")
                                : constantString(Name).value_or(nameText(Name)));
      }
    }
    poolSize(P, S, Where, Node, F);
    poolDatabase(P, S, Where, F);

    if (P.MultiplierFlag) {
      bool IsDefault = false;
      const Expr *Flag = sourceExpr(*P.MultiplierFlag, S, Where, &IsDefault);
      bool Value = false;
      if (Flag && !Flag->isValueDependent() &&
          ignoreWrappers(Flag)->EvaluateAsBooleanCondition(Value, *Ctx) &&
          Value) {
        F.MultiplierReason = P.MultiplierReason;
        F.MultiplierSetting = P.MultiplierSetting;
      }
    }

    F.Repeats = repeatReason(Node, *Ctx, *Models);
    PendingCreation C;
    if (Where.Function)
      F.Function = plainQualifiedName(Where.Function);
    if (Where.Class) {
      F.OwnerType = recordKey(Where.Class, *Ctx);
      C.ClassKey = "class:" + F.OwnerType;
    }
    if (Where.Function)
      C.FunctionKey = "fn:" + F.Function;
    // The class owns a pool; its reason is the one every TU that sees the
    // class computes (a member before a creation site), so TUs agree.
    if (Where.Class)
      if (std::optional<Ownership> O = ownership(Where.Class))
        addOwner(F.OwnerType, *O, S.E->getExprLoc());
    C.Fact = std::move(F);
    Creations.push_back(std::move(C));
  }

  /// The module an import names: a type, or a function referenced or
  /// called (`install(getDbComponent)`, `install(getDbComponent())`).
  std::string importedModule(const ValueSource &V, const CallSite &S,
                             const Enclosing &Where) {
    QualType T = sourceType(V, S);
    if (!T.isNull() && !T->isDependentType())
      return "class:" + serviceKey(T, *Ctx);
    bool IsDefault = false;
    const Expr *E = sourceExpr(V, S, Where, &IsDefault);
    if (!E)
      return "";
    E = ignoreConversions(E);
    if (const auto *Addr = dyn_cast<UnaryOperator>(E);
        Addr && Addr->getOpcode() == UO_AddrOf)
      E = ignoreConversions(Addr->getSubExpr());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
        return "fn:" + plainQualifiedName(FD);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee())
        return "fn:" + plainQualifiedName(FD);
    return "";
  }

  /// Whether \p E is a member call on an object default-constructed in the
  /// enclosing function (`kgr::container C;`): not a parameter, reference,
  /// member or global, nor moved from a factory or forked from another.
  static bool onLocalObject(const Expr *E) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
    const auto *VD = Call ? dyn_cast_or_null<VarDecl>(
                                storedIn(Call->getImplicitObjectArgument()))
                          : nullptr;
    if (!VD || !VD->isLocalVarDecl() || VD->getType()->isReferenceType())
      return false;
    const Expr *Init = VD->getInit();
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(Init))
      Init = Cleanups->getSubExpr();
    const auto *Ctor = dyn_cast_or_null<CXXConstructExpr>(Init);
    return !Init || (Ctor && Ctor->getNumArgs() == 0);
  }

  /// The modules that make or fill the local object a member call is made
  /// on: the function whose result initializes it (`auto Injector =
  /// makeInjector(); Injector.create<App>()`) and every function the
  /// enclosing function passes it to (`registerDb(Builder); Builder.build()`).
  std::vector<std::string> objectModules(const CallSite &S,
                                         const Enclosing &Where) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S.E);
    const auto *VD = Call ? dyn_cast_or_null<VarDecl>(
                                storedIn(Call->getImplicitObjectArgument()))
                          : nullptr;
    if (!VD || !VD->isLocalVarDecl() || !Where.Body)
      return {};
    std::vector<std::string> Keys;
    auto Add = [&](const FunctionDecl *FD) {
      if (!FD || inSystemHeader(FD->getLocation()) || inFrameworkNamespace(FD))
        return;
      std::string Key = "fn:" + plainQualifiedName(FD);
      if (!llvm::is_contained(Keys, Key))
        Keys.push_back(std::move(Key));
    };
    if (const auto *Init =
            dyn_cast_or_null<CallExpr>(ignoreWrappers(VD->getInit())))
      Add(Init->getDirectCallee());
    struct PassedTo : RecursiveASTVisitor<PassedTo> {
      const VarDecl *Object = nullptr;
      std::vector<const FunctionDecl *> Callees;
      bool VisitCallExpr(CallExpr *C) {
        if (llvm::any_of(C->arguments(), [&](const Expr *A) {
              return storedIn(A) == Object;
            }))
          Callees.push_back(C->getDirectCallee());
        return true;
      }
    } Finder;
    Finder.Object = VD;
    Finder.TraverseStmt(const_cast<Stmt *>(Where.Body));
    for (const FunctionDecl *FD : Finder.Callees)
      Add(FD);
    return Keys;
  }

  void import(const Model &M, const ImportModel &I, const CallSite &S,
              DynTypedNode Node) {
    Enclosing Where = enclosing(Node);
    ImportFact F;
    F.Injector = I.Injector && (!I.LocalContainer || onLocalObject(S.E));
    if (F.Injector)
      F.Repeats = repeatReason(Node, *Ctx, *Models);
    if (I.RepeatingOnly && F.Repeats.empty())
      return;
    std::vector<std::string> Imported;
    if (I.Imported.From == ValueFrom::ObjectModules)
      Imported = objectModules(S, Where);
    else
      Imported.push_back(importedModule(I.Imported, S, Where));
    llvm::erase_if(Imported, [](const std::string &K) { return K.empty(); });
    if (Imported.empty())
      return;
    F.Module = moduleFor(I.Module, Where, M);
    if (F.Module.empty())
      return;
    F.Loc = pos(S.E->getExprLoc());
    for (std::string &Key : Imported) {
      F.Imported = std::move(Key);
      // Not an import: the call makes instances of its own.
      if (I.NewInstances)
        NewInstanceSites.push_back({F, M.Name});
      else if (firstTime("import|" + posKey(F.Loc) + "|" + F.Imported))
        Collected.Imports.push_back(F);
    }
  }

  /// Whether \p D is declared in a framework's own namespaces (a model's
  /// frameworkNamespaces).
  bool inFrameworkNamespace(const NamedDecl *D) {
    std::string Name = plainQualifiedName(D);
    return llvm::any_of(FrameworkNamespaces, [&](const std::string &NS) {
      return llvm::StringRef(Name).starts_with(NS + "::");
    });
  }

  /// Whether \p Node is in a function or class of a framework's own
  /// namespaces (a model's frameworkNamespaces), wherever its header sits on
  /// the include path: userver's `Append(Args&&...) &&` forwarding to
  /// `Append<Component>(...)` is no registration of the user's.
  bool inFrameworkCode(DynTypedNode Node) {
    if (FrameworkNamespaces.empty())
      return false;
    Enclosing Where = enclosing(Node);
    const NamedDecl *D = Where.Function;
    if (!D)
      D = Where.Class;
    if (!D)
      return false;
    return inFrameworkNamespace(D);
  }

  void call(const CallSite &S, DynTypedNode Node) {
    if (inFrameworkCode(Node))
      return;
    CalleeNames N = calleeNames(S);
    for (const Model &M : Models->Models) {
      for (const RegistrationModel &R : M.Registrations)
        if (calleeIs(N, R.Callee, R.Kind, false) ||
            calleeIs(N, R.Callee, R.Kind, true))
          registration(M, R, S, S.E->getExprLoc(), Node, S.E);
      for (const ImportModel &I : M.Imports)
        if ((calleeIs(N, I.Callee, I.Kind, false) ||
             calleeIs(N, I.Callee, I.Kind, true)) &&
            paramsMatch(S, I.Params, *Ctx))
          import(M, I, S, Node);
    }
    auto [M, P] = poolModelFor(S);
    if (P)
      pool(*M, *P, S, Node);
  }

  /// A member whose type is a modelled template, such as the one
  /// OATPP_CREATE_COMPONENT declares.
  void member(const FieldDecl *F) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        recordOf(F->getType()));
    if (!Spec)
      return;
    std::string Name = plainQualifiedName(Spec);
    for (const Model &M : Models->Models)
      for (const RegistrationModel &R : M.Registrations) {
        if (R.Kind != MatchKind::Member || R.Callee != Name)
          continue;
        CallSite S;
        S.E = F->getInClassInitializer();
        S.TemplateArgs = &Spec->getTemplateArgs();
        // Component<T> x = Component<T>(args): the construction with args.
        const Expr *Init = F->getInClassInitializer();
        for (int Depth = 0; Init && Depth < 6; ++Depth) {
          Init = ignoreWrappers(Init);
          if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init)) {
            Init = Cast->getSubExpr();
            continue;
          }
          const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
          if (!Construct)
            break;
          S.E = Construct;
          S.Callee = Construct->getConstructor();
          S.Args = llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                Construct->getNumArgs());
          bool IsCopy = Construct->getConstructor()->isCopyOrMoveConstructor();
          if (!IsCopy || Construct->getNumArgs() != 1)
            break;
          Init = Construct->getArg(0);
        }
        if (!S.Callee || !S.E)
          continue;
        registration(M, R, S, F->getLocation(), DynTypedNode::create(*F),
                     F->getInClassInitializer());
      }
  }

  void record(const CXXRecordDecl *RD) {
    if (RD->isDependentContext() || !RD->getIdentifier())
      return;
    if (std::optional<Ownership> O = ownership(RD)) {
      addOwner(recordKey(RD, *Ctx), *O, RD->getLocation());
      addHoldings(RD);
    }
    // Definitions deriving from a modelled template: kangaru services.
    Enclosing Self;
    Self.Class = RD;
    forEachBaseRegistration(
        RD, *Models,
        [&](const Model &M, const RegistrationModel &R, const CallSite &S) {
          registration(M, R, S, RD->getLocation(), DynTypedNode::create(*RD),
                       nullptr, &Self);
        });
  }
};

FactsCollector::FactsCollector(std::shared_ptr<const ModelSet> Models)
    : P(std::make_unique<Impl>(std::move(Models))) {}
FactsCollector::~FactsCollector() = default;

void FactsCollector::registerMatchers(MatchFinder &Finder,
                                      MatchFinder::MatchCallback *Callback) {
  std::vector<std::string> CallNames, ConstructNames;
  bool AnyMember = false;
  auto Add = [&](MatchKind Kind, llvm::StringRef Callee) {
    if (Kind == MatchKind::Call) {
      CallNames.push_back(unqualified(Callee).str());
    } else if (Kind == MatchKind::Construct) {
      ConstructNames.push_back(Callee.str());
      // std::make_shared<T>(args) constructs T too.
      CallNames.push_back("::std::make_shared");
      CallNames.push_back("::std::make_unique");
    } else if (Kind == MatchKind::Member) {
      AnyMember = true;
    }
  };
  for (const Model &M : P->Models->Models) {
    for (const RegistrationModel &R : M.Registrations)
      Add(R.Kind, R.Callee);
    for (const ImportModel &I : M.Imports)
      Add(I.Kind, I.Callee);
    for (const PoolModel &Pool : M.Pools)
      Add(Pool.Kind, Pool.Callee);
  }
  std::vector<llvm::StringRef> CallRefs(CallNames.begin(), CallNames.end());
  std::vector<llvm::StringRef> ConstructRefs(ConstructNames.begin(),
                                             ConstructNames.end());
  const auto InUserCode = unless(isExpansionInSystemHeader());

  // Calls of modelled functions, by unqualified name; run() compares the
  // qualified or typedef-qualified name: registerType<T>(), createShared().
  if (!CallRefs.empty())
    Finder.addMatcher(
        callExpr(InUserCode, callee(functionDecl(hasAnyName(CallRefs))))
            .bind("call"),
        Callback);
  // Constructions of modelled types: soci::connection_pool pool(8).
  if (!ConstructRefs.empty())
    Finder.addMatcher(
        cxxConstructExpr(InUserCode, hasDeclaration(cxxConstructorDecl(
                                         ofClass(hasAnyName(ConstructRefs)))))
            .bind("construct"),
        Callback);
  // Any construction, for registrations of composition roots.
  if (llvm::is_contained(ConstructNames, "*"))
    Finder.addMatcher(cxxConstructExpr(InUserCode).bind("construct"), Callback);
  // Members declaring a registration: OATPP_CREATE_COMPONENT(T, name)(...).
  if (AnyMember)
    Finder.addMatcher(fieldDecl(InUserCode).bind("field"), Callback);
  // Classes that own a pool directly or through members and bases.
  Finder.addMatcher(
      cxxRecordDecl(InUserCode, isDefinition(), unless(isLambda()))
          .bind("record"),
      Callback);
  // The definition of `main` in the main file: the TU roots a program.
  Finder.addMatcher(
      functionDecl(isMain(), isDefinition(), isExpansionInMainFile())
          .bind("main"),
      Callback);
  // Always fires once, so the TU is seen even without any other match.
  Finder.addMatcher(translationUnitDecl().bind("tu"), Callback);
  // Setting and config-loading calls: setThreadNum(4), loadConfigFile(...).
  P->Config->registerMatchers(Finder, Callback);
}

void FactsCollector::run(const MatchFinder::MatchResult &Result) {
  P->setContext(*Result.Context);
  if (P->Config->run(Result))
    return;
  if (const auto *E = Result.Nodes.getNodeAs<CallExpr>("call")) {
    if (std::optional<CallSite> S = asCallSite(E))
      P->call(*S, DynTypedNode::create(*E));
    return;
  }
  if (const auto *E = Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    if (std::optional<CallSite> S = asCallSite(E))
      P->call(*S, DynTypedNode::create(*E));
    return;
  }
  if (const auto *F = Result.Nodes.getNodeAs<FieldDecl>("field")) {
    P->member(F);
    return;
  }
  if (const auto *RD = Result.Nodes.getNodeAs<CXXRecordDecl>("record")) {
    P->record(RD);
    return;
  }
  if (Result.Nodes.getNodeAs<FunctionDecl>("main"))
    P->DefinesMain = true;
}

Facts FactsCollector::takeFacts(llvm::StringRef MainFile) {
  for (PendingCreation &C : P->Creations) {
    if (!C.FunctionKey.empty() && P->ModuleKeys.count(C.FunctionKey))
      C.Fact.Module = C.FunctionKey;
    else if (!C.ClassKey.empty() && P->ModuleKeys.count(C.ClassKey))
      C.Fact.Module = C.ClassKey;
    P->Collected.PoolCreations.push_back(std::move(C.Fact));
  }
  P->Config->finish(P->Collected);
  expandNewInstances(P->Collected, P->NewInstanceSites);
  P->NewInstanceSites.clear();
  if (P->DefinesMain) {
    for (RegistrationFact &R : P->Collected.Registrations)
      R.Program = MainFile.str();
    for (PoolCreationFact &C : P->Collected.PoolCreations)
      C.Program = MainFile.str();
  }
  P->DefinesMain = false;
  Facts F = std::move(P->Collected);
  P->Collected = Facts();
  P->Creations.clear();
  P->ModuleKeys.clear();
  P->Seen.clear();
  P->Owners.clear();
  P->Ctx = nullptr;
  F.TranslationUnits.push_back(MainFile.str());
  return F;
}

void FactsCollector::setConfigFiles(std::vector<std::string> Files) {
  P->Config->setConfigFiles(std::move(Files));
}

std::vector<std::string> FactsCollector::takeConfigErrors() {
  return P->Config->takeErrors();
}

} // namespace clang::tidy::poolguard
