//===----------------------------------------------------------------------===//
//
// Expression helpers of the facts collector.
//
//===----------------------------------------------------------------------===//

#include "facts/CollectorExprs.h"
#include <limits>
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::poolguard::collector {

/// Whether an argument of type \p Arg can initialize a parameter of type
/// \p Param, roughly: same record, or a string for a string parameter.
static bool argFits(QualType Arg, QualType Param) {
  const CXXRecordDecl *PR = recordOf(Param);
  if (!PR)
    return !recordOf(Arg);
  const CXXRecordDecl *AR = recordOf(Arg);
  if (AR)
    return AR->getCanonicalDecl() == PR->getCanonicalDecl() ||
           AR->isDerivedFrom(PR);
  if (plainQualifiedName(PR) == "std::basic_string") {
    Arg = Arg.getNonReferenceType();
    return Arg->isArrayType() || Arg->isPointerType();
  }
  // A value converts to a class with an implicit converting constructor.
  const CXXRecordDecl *Def = PR->getDefinition();
  return Def && llvm::any_of(Def->ctors(), [](const CXXConstructorDecl *C) {
           return !C->isExplicit() && !C->isCopyOrMoveConstructor() &&
                  C->getNumParams() >= 1 && C->getMinRequiredArguments() <= 1;
         });
}

/// `std::make_shared<T>(args)` constructs T from args: picks the
/// constructor of T those arguments select.
static const CXXConstructorDecl *
constructorFor(const CXXRecordDecl *RD, llvm::ArrayRef<const Expr *> Args) {
  RD = RD ? RD->getDefinition() : nullptr;
  if (!RD)
    return nullptr;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isCopyOrMoveConstructor() || Ctor->isDeleted() ||
        Ctor->getNumParams() < Args.size() ||
        Ctor->getMinRequiredArguments() > Args.size())
      continue;
    bool Fits = true;
    for (size_t I = 0; I < Args.size() && Fits; ++I)
      Fits = argFits(ignoreWrappers(Args[I])->getType(),
                     Ctor->getParamDecl(I)->getType());
    if (Fits)
      return Ctor;
  }
  return nullptr;
}

std::optional<CallSite> asCallSite(const Expr *E) {
  if (!E)
    return std::nullopt;
  CallSite S;
  S.E = E;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    S.Callee = Call->getDirectCallee();
    if (!S.Callee)
      return std::nullopt;
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    // An operator call on a member passes the object as argument 0.
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(S.Callee) &&
        !Args.empty())
      Args = Args.drop_front();
    S.Args = Args;
    std::string Name = plainQualifiedName(S.Callee);
    const TemplateArgumentList *TArgs =
        S.Callee->getTemplateSpecializationArgs();
    if ((Name == "std::make_shared" || Name == "std::make_unique") && TArgs &&
        TArgs->size() >= 1 && (*TArgs)[0].getKind() == TemplateArgument::Type) {
      if (const CXXConstructorDecl *Ctor =
              constructorFor(recordOf((*TArgs)[0].getAsType()), Args)) {
        S.Callee = Ctor;
        return S;
      }
    }
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    S.Callee = Construct->getConstructor();
    S.Args = llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                          Construct->getNumArgs());
  } else {
    return std::nullopt;
  }
  S.TemplateArgs = S.Callee->getTemplateSpecializationArgs();
  return S;
}

std::string plainQualifiedName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 6> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      Parts.push_back(NS->isAnonymousNamespace() ? "(anonymous namespace)"
                                                 : NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getName().str());
    } else if (const auto *FD = dyn_cast<FunctionDecl>(DC)) {
      Parts.push_back(FD->getNameAsString());
    }
  }
  std::string Out;
  for (const std::string &P : llvm::reverse(Parts))
    Out += P + "::";
  return Out + D->getNameAsString();
}

std::string writtenQualifiedCallee(const Expr *Call) {
  const auto *CE = dyn_cast<CallExpr>(Call);
  if (!CE || !CE->getDirectCallee())
    return "";
  const auto *Ref =
      dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts());
  if (!Ref)
    return "";
  const Type *T = qualifierType(Ref);
  if (!T)
    return "";
  // Through a typedef (oatpp::postgresql::ConnectionPool), or a class that
  // inherits the function from its base.
  const NamedDecl *Written = nullptr;
  if (const auto *TT = T->getAs<TypedefType>())
    Written = TT->getDecl();
  else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    Written = RD;
  if (!Written)
    return "";
  return plainQualifiedName(Written) +
         "::" + CE->getDirectCallee()->getNameAsString();
}

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    if (E == Prev)
      break;
  }
  return E;
}

const Expr *ignoreConversions(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = ignoreWrappers(E);
    if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E))
      E = D->getExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() >= 1 &&
             (C->getNumArgs() == 1 || isa<CXXDefaultArgExpr>(C->getArg(1))))
      E = C->getArg(0);
    if (E == Prev)
      break;
  }
  return E;
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  return T->getAsCXXRecordDecl();
}

static bool isPointerLikeTemplate(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return false;
  std::string Name = plainQualifiedName(Spec);
  return Name == "std::shared_ptr" || Name == "std::unique_ptr" ||
         Name == "std::weak_ptr" || Name == "std::optional";
}

QualType pointeeOf(QualType T) {
  if (T.isNull())
    return T;
  T = T.getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    return PT->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  if (!isPointerLikeTemplate(RD))
    return T;
  const auto *Spec = cast<ClassTemplateSpecializationDecl>(RD);
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type)
    return T;
  return Args[0].getAsType();
}

std::string typeKey(QualType T, const ASTContext &Ctx) {
  if (T.isNull())
    return "";
  if (const CXXRecordDecl *RD = recordOf(T))
    return plainQualifiedName(RD);
  return T.getCanonicalType().getUnqualifiedType().getAsString(
      Ctx.getPrintingPolicy());
}

std::string recordKey(const CXXRecordDecl *RD, const ASTContext &Ctx) {
  std::string Name = plainQualifiedName(RD);
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return Name;
  PrintingPolicy Policy(Ctx.getPrintingPolicy());
  Policy.SuppressTagKeyword = true;
  Policy.SuppressInlineNamespace = true;
  Policy.FullyQualifiedName = true;
  std::string Args;
  llvm::raw_string_ostream OS(Args);
  printTemplateArgumentList(OS, Spec->getTemplateArgs().asArray(), Policy);
  return Name + OS.str();
}

std::string serviceKey(QualType T, const ASTContext &Ctx) {
  if (T.isNull())
    return "";
  if (const CXXRecordDecl *RD = recordOf(T))
    return recordKey(RD, Ctx);
  return typeKey(T, Ctx);
}

std::string printType(QualType T, const ASTContext &Ctx) {
  PrintingPolicy Policy(Ctx.getPrintingPolicy());
  Policy.SuppressTagKeyword = true;
  Policy.FullyQualifiedName = true;
  Policy.SuppressScope = false;
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressInlineNamespace = true;
  return T.getNonReferenceType().getUnqualifiedType().getAsString(Policy);
}

SourcePos sourcePos(SourceLocation Loc, const SourceManager &SM) {
  SourcePos P;
  if (Loc.isInvalid())
    return P;
  SourceLocation Exp = SM.getExpansionLoc(Loc);
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getFileID(Exp));
  if (!FE)
    return P;
  llvm::StringRef Real = FE->getFileEntry().tryGetRealPathName();
  P.File = Real.empty() ? absolutePath(FE->getName()) : Real.str();
  P.Line = SM.getExpansionLineNumber(Exp);
  P.Column = SM.getExpansionColumnNumber(Exp);
  P.Offset = SM.getFileOffset(Exp);
  return P;
}

std::string sourceText(const Expr *E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  Range = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  if (Range.isInvalid())
    return "";
  return Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str();
}

const Expr *followLocal(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    const auto *Ref = dyn_cast<DeclRefExpr>(ignoreWrappers(E));
    if (!Ref)
      return E;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD || isa<ParmVarDecl>(VD) || !VD->getInit())
      return E;
    // Follow locals and constants; a mutable global may change anywhere.
    if (!VD->hasLocalStorage() && !VD->getType().isConstQualified() &&
        !VD->isConstexpr())
      return E;
    E = VD->getInit();
  }
  return E;
}

std::optional<int64_t> evaluateInt(const Expr *E, const ASTContext &Ctx,
                                   bool *IsDefault) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreWrappers(E);
    if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E)) {
      if (IsDefault)
        *IsDefault = true;
      E = D->getExpr();
      continue;
    }
    if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E)) {
      if (IsDefault)
        *IsDefault = true;
      E = D->getExpr();
      continue;
    }
    if (E->isValueDependent() || E->isTypeDependent())
      return std::nullopt;
    Expr::EvalResult R;
    if (E->EvaluateAsInt(R, Ctx)) {
      // SIZE_MAX and other values beyond int64_t saturate; they never wrap
      // to -1.
      const llvm::APSInt &V = R.Val.getInt();
      if (V.isRepresentableByInt64())
        return V.getExtValue();
      return V.isNegative() ? std::numeric_limits<int64_t>::min()
                            : std::numeric_limits<int64_t>::max();
    }
    const Expr *Next = followLocal(E);
    if (Next == E)
      return std::nullopt;
    E = Next;
  }
  return std::nullopt;
}

/// Whether \p Inc adds one to \p Var (`++I`, `I++`, `I += 1`).
static bool incrementsByOne(const Expr *Inc, const VarDecl *Var,
                            const ASTContext &Ctx) {
  if (!Inc)
    return false;
  Inc = Inc->IgnoreParenImpCasts();
  const Expr *Target = nullptr;
  if (const auto *U = dyn_cast<UnaryOperator>(Inc); U && U->isIncrementOp())
    Target = U->getSubExpr();
  if (const auto *C = dyn_cast<CompoundAssignOperator>(Inc);
      C && C->getOpcode() == BO_AddAssign && evaluateInt(C->getRHS(), Ctx) == 1)
    Target = C->getLHS();
  const auto *Ref =
      Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()) : nullptr;
  return Ref && Ref->getDecl() == Var;
}

/// The constant trip count of `for (int I = A; I < B; ++I)`.
static std::optional<int64_t> tripCount(const ForStmt *For,
                                        const ASTContext &Ctx) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit());
  const auto *Var = Init && Init->isSingleDecl()
                        ? dyn_cast<VarDecl>(Init->getSingleDecl())
                        : nullptr;
  const auto *Cond =
      For->getCond()
          ? dyn_cast<BinaryOperator>(For->getCond()->IgnoreParenImpCasts())
          : nullptr;
  if (!Var || !Cond || !incrementsByOne(For->getInc(), Var, Ctx))
    return std::nullopt;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  std::optional<int64_t> From = evaluateInt(Var->getInit(), Ctx);
  std::optional<int64_t> To = evaluateInt(Cond->getRHS(), Ctx);
  if (!Ref || Ref->getDecl() != Var || !From || !To)
    return std::nullopt;
  int64_t N = 0;
  if (__builtin_sub_overflow(*To, *From, &N))
    return std::nullopt;
  if (Cond->getOpcode() == BO_LE && !__builtin_add_overflow(N, 1, &N))
    return std::max<int64_t>(0, N);
  if (Cond->getOpcode() == BO_LT || Cond->getOpcode() == BO_NE)
    return std::max<int64_t>(0, N);
  return std::nullopt;
}

std::optional<int64_t> loopIterations(DynTypedNode Node, ASTContext &Ctx) {
  int64_t Total = 1;
  for (int Steps = 0; Steps < 512; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return Total;
    const Stmt *Child = Node.get<Stmt>();
    Node = Parents[0];
    if (Node.get<FunctionDecl>() || Node.get<LambdaExpr>())
      return Total;
    const auto *For = Node.get<ForStmt>();
    if (For && Child == For->getBody()) {
      std::optional<int64_t> N = tripCount(For, Ctx);
      if (!N || __builtin_mul_overflow(Total, *N, &Total))
        return std::nullopt;
      continue;
    }
    if (Node.get<WhileStmt>() || Node.get<DoStmt>() ||
        Node.get<CXXForRangeStmt>())
      return std::nullopt;
  }
  return Total;
}

/// Prints member chains like `config->dbConnectionString`; empty when \p E is
/// not such a chain.
static std::string printChain(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Arrow && Op->getNumArgs() >= 1)
      return printChain(Op->getArg(0));
    return "";
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getNameAsString();
  if (isa<CXXThisExpr>(E))
    return "this";
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    std::string Member = M->getMemberDecl()->getNameAsString();
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()) &&
        M->getBase()->IgnoreParenImpCasts()->getBeginLoc().isInvalid())
      return Member;
    if (const auto *This =
            dyn_cast<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts());
        This && This->isImplicit())
      return Member;
    std::string Base = printChain(M->getBase());
    if (Base.empty())
      return "";
    return Base + (M->isArrow() ? "->" : ".") + Member;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // cfg.dsn(), config.get("db.url"): literal arguments only.
    llvm::SmallVector<std::string, 2> Args;
    for (const Expr *Arg : Call->arguments()) {
      const Expr *A = ignoreConversions(Arg);
      if (const auto *S = dyn_cast<StringLiteral>(A))
        Args.push_back("\"" + S->getString().str() + "\"");
      else if (const auto *I = dyn_cast<IntegerLiteral>(A))
        Args.push_back(std::to_string(I->getValue().getSExtValue()));
      else
        return "";
    }
    const auto *M = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
    if (!M)
      return "";
    std::string Chain = printChain(M);
    return Chain.empty() ? "" : Chain + "(" + llvm::join(Args, ", ") + ")";
  }
  return "";
}

static bool isEnvGetter(const FunctionDecl *FD,
                        llvm::ArrayRef<std::string> EnvGetters) {
  std::string Qualified = plainQualifiedName(FD);
  std::string Plain = FD->getNameAsString();
  return llvm::any_of(EnvGetters, [&](const std::string &G) {
    return G == Qualified || G == Plain;
  });
}

Identity identityOf(const Expr *E, const ASTContext &Ctx,
                    llvm::ArrayRef<std::string> EnvGetters) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreConversions(E);
    if (E->isValueDependent() || E->isTypeDependent())
      return {};
    if (const auto *S = dyn_cast<StringLiteral>(E))
      return {"lit:" + S->getString().str(), S->getString().str()};
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD)
        return {};
      if (isEnvGetter(FD, EnvGetters) && Call->getNumArgs() >= 1) {
        if (const auto *Name =
                dyn_cast<StringLiteral>(ignoreConversions(Call->getArg(0))))
          return {"env:" + Name->getString().str(),
                  "$" + Name->getString().str()};
        return {};
      }
      if (isa<CXXMemberCallExpr>(Call) || isa<CXXOperatorCallExpr>(Call)) {
        std::string Chain = printChain(Call);
        if (Chain.empty())
          return {};
        return {"expr:" + Chain, sourceText(Call, Ctx)};
      }
      // std::make_shared<std::string>(dsn) and the like: the value is the
      // argument's.
      if (std::optional<CallSite> S = asCallSite(Call);
          S && isa<CXXConstructorDecl>(S->Callee)) {
        if (S->Args.size() != 1)
          return {};
        E = S->Args[0];
        continue;
      }
      // dsn() is one identity; dsn("main") and dsn("replica") are two.
      std::string Key = "call:" + plainQualifiedName(FD);
      if (Call->getNumArgs() != 0) {
        llvm::SmallVector<std::string, 4> Args;
        for (const Expr *Arg : Call->arguments()) {
          Identity A = identityOf(Arg, Ctx, EnvGetters);
          if (A.Key.empty())
            return {};
          Args.push_back(A.Key);
        }
        Key += "(" + llvm::join(Args, ",") + ")";
      }
      return {Key, sourceText(Call, Ctx)};
    }
    if (!E->isValueDependent()) {
      Expr::EvalResult R;
      if (E->getType()->isIntegralOrEnumerationType() &&
          E->EvaluateAsInt(R, Ctx)) {
        std::string V = llvm::toString(R.Val.getInt(), 10);
        return {"lit:" + V, V};
      }
    }
    const Expr *Next = followLocal(E);
    if (Next != E) {
      E = Next;
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (isa<ParmVarDecl>(Ref->getDecl()))
        return {};
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (!VD || VD->hasLocalStorage())
        return {};
      return {"expr:" + plainQualifiedName(VD), sourceText(Ref, Ctx)};
    }
    std::string Chain = printChain(E);
    if (Chain.empty())
      return {};
    return {"expr:" + Chain, sourceText(E, Ctx)};
  }
  return {};
}

std::optional<Assignment> assignmentOf(const Stmt *S) {
  if (const auto *Op = dyn_cast<BinaryOperator>(S);
      Op && Op->getOpcode() == BO_Assign)
    return Assignment{Op->getLHS(), Op->getRHS(), Op->getOperatorLoc()};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return Assignment{Op->getArg(0), Op->getArg(1), Op->getOperatorLoc()};
  return std::nullopt;
}

namespace {
/// Finds the last `Var.Field = X` before a location.
class AssignmentFinder : public RecursiveASTVisitor<AssignmentFinder> {
public:
  AssignmentFinder(const VarDecl *Var, llvm::StringRef Field,
                   SourceLocation Before, const SourceManager &SM)
      : Var(Var), Field(Field), Before(Before), SM(SM) {}

  bool VisitExpr(Expr *E) {
    if (std::optional<Assignment> A = assignmentOf(E))
      consider(A->LHS, A->RHS, A->Loc);
    return true;
  }

  /// A call that may set the variable's fields: it takes the variable by
  /// non-const reference or pointer (`tune(opts)`, `tune(&opts)`).
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || (Before.isValid() &&
                !SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Before)))
      return true;
    for (unsigned I = 0; I < Call->getNumArgs() && I < FD->getNumParams();
         ++I) {
      QualType T = FD->getParamDecl(I)->getType();
      bool Mutable = (T->isReferenceType() || T->isPointerType()) &&
                     !T->getPointeeType().isConstQualified();
      const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(Arg);
          U && U->getOpcode() == UO_AddrOf)
        Arg = U->getSubExpr()->IgnoreParenImpCasts();
      const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
      if (Mutable && Ref && Ref->getDecl() == Var &&
          (EscapeLoc.isInvalid() ||
           SM.isBeforeInTranslationUnit(EscapeLoc, Call->getBeginLoc())))
        EscapeLoc = Call->getBeginLoc();
    }
    return true;
  }

  /// Whether a call that may set the field comes after the last assignment.
  bool setElsewhere() const {
    return EscapeLoc.isValid() &&
           (FoundLoc.isInvalid() ||
            SM.isBeforeInTranslationUnit(FoundLoc, EscapeLoc));
  }

  const Expr *Found = nullptr;

private:
  void consider(const Expr *LHS, const Expr *RHS, SourceLocation Loc) {
    const auto *M = dyn_cast<MemberExpr>(LHS->IgnoreParenImpCasts());
    if (!M || M->getMemberDecl()->getName() != Field)
      return;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
    if (!Ref || Ref->getDecl() != Var)
      return;
    if (Before.isValid() && !SM.isBeforeInTranslationUnit(Loc, Before))
      return;
    if (FoundLoc.isValid() && SM.isBeforeInTranslationUnit(Loc, FoundLoc))
      return;
    Found = RHS;
    FoundLoc = Loc;
  }

  const VarDecl *Var;
  llvm::StringRef Field;
  SourceLocation Before;
  const SourceManager &SM;
  SourceLocation FoundLoc;
  SourceLocation EscapeLoc;
};
} // namespace

bool isFreshObject(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreConversions(followLocal(ignoreConversions(E)));
    if (isa<CXXNewExpr>(E))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier())
        return false;
      return llvm::is_contained({"make_shared", "make_unique",
                                 "allocate_shared"},
                                FD->getName());
    }
    const auto *Ctor = dyn_cast<CXXConstructExpr>(E);
    if (!Ctor || Ctor->getNumArgs() != 1)
      return false;
    E = Ctor->getArg(0); // shared_ptr<C>(new C), or a copy of a fresh one.
  }
  return false;
}

const ValueDecl *storedIn(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *M = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(M->getMemberDecl());
  return nullptr;
}

namespace {
/// Finds the last call `Target.Method(...)` of a variable or data member.
class MethodCallFinder : public RecursiveASTVisitor<MethodCallFinder> {
public:
  /// Calls after \p After and before the next assignment to \p Target.
  MethodCallFinder(const ValueDecl *Target, llvm::StringRef Method,
                   SourceLocation After, const SourceManager &SM)
      : Target(Target), Method(Method), After(After), SM(SM) {}

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != Method)
      return true;
    if (storedIn(Call->getImplicitObjectArgument()) == Target &&
        inWindow(Call->getBeginLoc()))
      Calls.push_back(Call);
    return true;
  }
  bool VisitExpr(Expr *E) {
    if (std::optional<Assignment> A = assignmentOf(E);
        A && storedIn(A->LHS) == Target)
      reassigned(A->Loc);
    return true;
  }

  /// The last call in the window.
  const CXXMemberCallExpr *found() const {
    const CXXMemberCallExpr *Last = nullptr;
    for (const CXXMemberCallExpr *Call : Calls)
      if (!Until.isValid() ||
          SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Until))
        Last = Call;
    return Last;
  }

private:
  bool inWindow(SourceLocation Loc) const {
    return SM.isBeforeInTranslationUnit(After, Loc);
  }
  void reassigned(SourceLocation Loc) {
    if (inWindow(Loc) &&
        (!Until.isValid() || SM.isBeforeInTranslationUnit(Loc, Until)))
      Until = Loc;
  }

  const ValueDecl *Target;
  llvm::StringRef Method;
  SourceLocation After, Until;
  const SourceManager &SM;
  std::vector<const CXXMemberCallExpr *> Calls;
};
} // namespace

const ValueDecl *holderOf(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (int Depth = 0; Depth < 16; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    const Expr *Child = Node.get<Expr>();
    Node = Parents[0];
    if (const auto *VD = Node.get<VarDecl>())
      return VD;
    const auto *Parent = Node.get<Expr>();
    if (!Parent)
      return nullptr;
    if (std::optional<Assignment> A = assignmentOf(Parent))
      return A->RHS == Child ? storedIn(A->LHS) : nullptr;
    if (!isa<ImplicitCastExpr, ExprWithCleanups, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, CXXConstructExpr, CXXNewExpr, ParenExpr,
             CXXFunctionalCastExpr>(Parent))
      return nullptr;
  }
  return nullptr;
}

const Expr *resultMethodArg(const Expr *Call, llvm::StringRef Method,
                            int Index, const Stmt *Body, ASTContext &Ctx) {
  if (!Call || !Body)
    return nullptr;
  const ValueDecl *Target = holderOf(Call, Ctx);
  if (!Target)
    return nullptr;
  MethodCallFinder Finder(Target, Method, Call->getEndLoc(),
                          Ctx.getSourceManager());
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  const CXXMemberCallExpr *Found = Finder.found();
  if (!Found || Index < 0 || static_cast<unsigned>(Index) >= Found->getNumArgs())
    return nullptr;
  return Found->getArg(Index);
}

static bool isBuiltAtRunTime(const Expr *E, int Depth);

/// All of \p Exprs are constants.
template <typename Range> static bool allConstant(Range Exprs, int Depth) {
  for (const Expr *E : Exprs)
    if (isBuiltAtRunTime(E, Depth + 1))
      return false;
  return true;
}

static bool isBuiltAtRunTime(const Expr *E, int Depth) {
  if (!E || Depth > 16)
    return true;
  E = E->IgnoreParenImpCasts();
  if (isa<StringLiteral, CXXDefaultArgExpr, IntegerLiteral, CharacterLiteral,
          CXXBoolLiteralExpr, CXXNullPtrLiteralExpr>(E))
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return false;
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD || isa<ParmVarDecl>(VD))
      return true;
    QualType T = VD->getType();
    // const QString kName, static const char *defaultConnection.
    if (VD->hasGlobalStorage() &&
        (T.isConstQualified() ||
         (T->isPointerType() && T->getPointeeType().isConstQualified())))
      return false;
    const Expr *Init = followLocal(E);
    return Init == E || isBuiltAtRunTime(Init, Depth + 1);
  }
  // QStringLiteral("main") in Qt 5: a lambda without captures, called.
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call->getCalleeDecl());
    if (Method && Method->getParent()->isLambda() &&
        Method->getParent()->capture_size() == 0)
      return false;
    const FunctionDecl *FD = Call->getDirectCallee();
    // currentThreadId(), QThread::currentThread(): a value only the running
    // program knows.
    if (!FD || (FD->getNumParams() == 0 && !isa<CXXMemberCallExpr>(Call)))
      return true;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (isBuiltAtRunTime(Member->getImplicitObjectArgument(), Depth + 1))
        return true;
    return !allConstant(Call->arguments(), Depth);
  }
  if (const auto *Ctor = dyn_cast<CXXConstructExpr>(E))
    return !allConstant(Ctor->arguments(), Depth);
  if (isa<MemberExpr>(E))
    return true; // A data member may differ from one object to the next.
  // Wrappers and operators: constant when every operand is.
  bool AnyChild = false;
  for (const Stmt *Child : E->children()) {
    const auto *ChildExpr = dyn_cast_or_null<Expr>(Child);
    if (!ChildExpr)
      return true;
    AnyChild = true;
    if (isBuiltAtRunTime(ChildExpr, Depth + 1))
      return true;
  }
  return !AnyChild;
}

bool isBuiltAtRunTime(const Expr *E) { return isBuiltAtRunTime(E, 0); }

static void collectLiterals(const Stmt *S, int Depth,
                            llvm::SmallVectorImpl<const StringLiteral *> &Out) {
  if (!S || Depth > 32 || Out.size() > 1)
    return;
  if (const auto *Lit = dyn_cast<StringLiteral>(S)) {
    Out.push_back(Lit);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl()))
      collectLiterals(VD->getInit(), Depth + 1, Out);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    collectLiterals(Lambda->getBody(), Depth + 1, Out);
    return;
  }
  for (const Stmt *Child : S->children())
    collectLiterals(Child, Depth + 1, Out);
}

std::optional<std::string> constantString(const Expr *E) {
  llvm::SmallVector<const StringLiteral *, 2> Literals;
  collectLiterals(E, 0, Literals);
  if (Literals.size() != 1)
    return std::nullopt;
  return Literals[0]->getString().str();
}

static const FieldDecl *findField(const RecordDecl *RD, llvm::StringRef Name) {
  for (const FieldDecl *F : RD->fields())
    if (F->getName() == Name)
      return F;
  return nullptr;
}

/// The value of \p F in the aggregate initializer \p Init.
static const Expr *initOfField(const InitListExpr *Init, const FieldDecl *F,
                               bool *IsDefault) {
  if (Init->isSyntacticForm() && Init->getSemanticForm())
    Init = Init->getSemanticForm();
  unsigned Index = F->getFieldIndex();
  if (Index >= Init->getNumInits())
    return nullptr;
  const Expr *Value = Init->getInit(Index);
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(Value)) {
    if (IsDefault)
      *IsDefault = true;
    return D->getExpr();
  }
  if (isa<ImplicitValueInitExpr>(Value))
    return nullptr;
  return Value;
}

const Expr *fieldValue(const Expr *E, llvm::StringRef Field, const Stmt *Body,
                       SourceLocation Before, const ASTContext &Ctx,
                       bool *IsDefault) {
  const Expr *Inner = E;
  for (int Depth = 0; Inner && Depth < 8; ++Depth) {
    const Expr *Prev = Inner;
    Inner = ignoreWrappers(Inner);
    if (const auto *D = dyn_cast<CXXDefaultArgExpr>(Inner)) {
      if (IsDefault)
        *IsDefault = true;
      Inner = D->getExpr();
    } else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Inner)) {
      Inner = F->getSubExpr();
    } else if (const auto *C = dyn_cast<CXXConstructExpr>(Inner);
               C && C->getNumArgs() == 1) {
      // A converting construction (std::variant from a config struct).
      Inner = C->getArg(0);
    }
    if (Inner == Prev)
      break;
  }
  if (!Inner)
    return nullptr;
  const RecordDecl *RD = recordOf(Inner->getType());
  const FieldDecl *F = RD ? findField(RD, Field) : nullptr;
  if (!F)
    return nullptr;
  if (const auto *Init = dyn_cast<InitListExpr>(Inner))
    return initOfField(Init, F, IsDefault);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner)) {
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD)) {
      if (Body) {
        AssignmentFinder Finder(VD, Field, Before, Ctx.getSourceManager());
        Finder.TraverseStmt(const_cast<Stmt *>(Body));
        if (Finder.setElsewhere())
          return nullptr; // Set in another function: unknown.
        if (Finder.Found)
          return Finder.Found;
      }
      if (const auto *Init =
              dyn_cast_or_null<InitListExpr>(ignoreWrappers(VD->getInit())))
        return initOfField(Init, F, IsDefault);
    }
  }
  if (!isa<CXXConstructExpr>(Inner) && !isa<DeclRefExpr>(Inner) &&
      !isa<InitListExpr>(Inner))
    return nullptr;
  if (const Expr *Default = F->getInClassInitializer()) {
    if (IsDefault)
      *IsDefault = true;
    return Default;
  }
  return nullptr;
}

std::optional<std::string> uriQueryParam(const Expr *E, llvm::StringRef Name) {
  const auto *S =
      dyn_cast_or_null<StringLiteral>(ignoreConversions(followLocal(E)));
  if (!S)
    return std::nullopt;
  llvm::StringRef URI = S->getString();
  size_t Q = URI.find('?');
  if (Q == llvm::StringRef::npos)
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 8> Params;
  URI.drop_front(Q + 1).split(Params, '&');
  for (llvm::StringRef P : Params) {
    auto [Key, Value] = P.split('=');
    if (Key == Name)
      return Value.str();
  }
  return std::nullopt;
}

} // namespace clang::tidy::poolguard::collector
