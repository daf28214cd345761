//===----------------------------------------------------------------------===//
//
// AST side of poolguard-dsn-query-append: string values, '?' probes, sinks.
//
//===----------------------------------------------------------------------===//

#include "dsn/DsnEvaluator.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang::ast_matchers;

namespace clang::tidy::poolguard {

/// Evaluation gives up (unknown) below this depth of nested expressions,
/// variables and function bodies.
static constexpr unsigned MaxDepth = 24;

//===----------------------------------------------------------------------===//
// Small AST helpers
//===----------------------------------------------------------------------===//

const Expr *ignoreStringWrappers(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(Next))
      Next = C->getSubExpr();
    else if (const auto *C = dyn_cast<ConstantExpr>(Next))
      Next = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = F->getSubExpr();
    else if (const auto *IL = dyn_cast<InitListExpr>(Next);
             IL && IL->getNumInits() == 1)
      Next = IL->getInit(0);
    else if (const auto *CE = dyn_cast<CXXConstructExpr>(Next)) {
      if (CE->getNumArgs() == 0 ||
          !llvm::all_of(llvm::drop_begin(CE->arguments()), [](const Expr *A) {
            return isa<CXXDefaultArgExpr>(A);
          }))
        return Next;
      Next = CE->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

static const Stmt *parentStmt(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

/// The parent of \p S, skipping implicit casts and parentheses.
static const Stmt *parentSkippingCasts(const Stmt *S, ASTContext &Ctx) {
  const Stmt *P = parentStmt(S, Ctx);
  while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P)))
    P = parentStmt(P, Ctx);
  return P;
}

static const Expr *stripCasts(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

static SourceLocation beginOf(const Stmt *S, const SourceManager &SM) {
  return SM.getExpansionLoc(S->getBeginLoc());
}

static SourceLocation endOf(const Stmt *S, const SourceManager &SM) {
  return SM.getExpansionRange(S->getEndLoc()).getEnd();
}

static bool isBefore(SourceLocation A, SourceLocation B,
                     const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(A, B);
}

static bool contains(const Stmt *S, SourceLocation Loc,
                     const SourceManager &SM) {
  return !isBefore(Loc, beginOf(S, SM), SM) && !isBefore(endOf(S, SM), Loc, SM);
}

static std::string calleeName(const FunctionDecl *FD) {
  std::string Name = FD->getQualifiedNameAsString();
  return Name;
}

static bool nameIs(const FunctionDecl *FD,
                   std::initializer_list<llvm::StringRef> Names) {
  if (!FD)
    return false;
  std::string Name = calleeName(FD);
  return llvm::is_contained(Names, llvm::StringRef(Name));
}

bool isBraceFormatFunction(const FunctionDecl *FD) {
  return nameIs(FD, {"fmt::format", "std::format"});
}

bool isPrintfFunction(const FunctionDecl *FD) {
  return nameIs(
      FD, {"sprintf", "snprintf", "std::sprintf", "std::snprintf", "asprintf"});
}

bool isStrCatFunction(const FunctionDecl *FD) {
  return nameIs(FD, {"absl::StrCat"});
}

bool isStrAppendFunction(const FunctionDecl *FD) {
  return nameIs(FD, {"absl::StrAppend"});
}

static bool isGetenv(const FunctionDecl *FD) {
  return nameIs(FD, {"getenv", "std::getenv", "secure_getenv"});
}

int printfFormatIndex(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (FD) {
    if (const auto *Attr = FD->getAttr<FormatAttr>()) {
      int Index = Attr->getFormatIdx() - 1;
      if (isa<CXXMethodDecl>(FD) && !cast<CXXMethodDecl>(FD)->isStatic())
        --Index;
      if (Index >= 0 && static_cast<unsigned>(Index) < Call->getNumArgs())
        return Index;
    }
  }
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (isa<StringLiteral>(ignoreStringWrappers(Call->getArg(I))))
      return I;
  return -1;
}

/// A dotted name for a member/call chain: config->database.url ->
/// "config.database.url"; used to decide whether a value is DSN-like.
static std::string chainName(const Expr *E) {
  E = ignoreStringWrappers(E);
  if (!E)
    return "";
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    return DR->getDecl()->getNameAsString();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    std::string Base = isa<CXXThisExpr>(stripCasts(ME->getBase()))
                           ? ""
                           : chainName(ME->getBase());
    std::string Member = ME->getMemberDecl()->getNameAsString();
    return Base.empty() ? Member : Base + "." + Member;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    std::string Base = chainName(MC->getImplicitObjectArgument());
    std::string Method =
        MC->getMethodDecl() ? MC->getMethodDecl()->getNameAsString() : "";
    return Base.empty() ? Method : Base + "." + Method;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *FD = Call->getDirectCallee())
      return FD->getNameAsString();
  return "";
}

static bool isStringLikeRecord(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  return RD != nullptr;
}

//===----------------------------------------------------------------------===//
// Uses of a local variable that change its value
//===----------------------------------------------------------------------===//

namespace {

/// How one use of a variable changes its value.
struct Modification {
  enum ModKind { MK_None, MK_Assign, MK_Append, MK_Clear, MK_Clobber };
  ModKind Kind = MK_None;
  /// The outermost expression of the change (a whole "os << a << b" chain).
  const Stmt *Top = nullptr;
  llvm::SmallVector<const Expr *, 4> Args;
};

enum class Reach { Always, Sometimes, Never };

} // namespace

static bool isAppendMethod(const CXXMethodDecl *MD) {
  if (!MD)
    return false;
  if (MD->getOverloadedOperator() == OO_PlusEqual)
    return true;
  return MD->getIdentifier() &&
         llvm::is_contained({"append", "push_back"}, MD->getName());
}

/// Extends \p M upward over "x << a << b", "x += a", "x.append(a).append(b)".
static void extendChain(Modification &M, ASTContext &Ctx) {
  while (true) {
    const Stmt *P = parentSkippingCasts(M.Top, Ctx);
    if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
        OC && OC->getNumArgs() == 2 &&
        (OC->getOperator() == OO_LessLess ||
         OC->getOperator() == OO_PlusEqual) &&
        stripCasts(OC->getArg(0)) == M.Top) {
      M.Args.push_back(OC->getArg(1));
      M.Top = OC;
      continue;
    }
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P);
        ME && stripCasts(ME->getBase()) == M.Top) {
      const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(ME, Ctx));
      if (MC && MC->getNumArgs() == 1 && isAppendMethod(MC->getMethodDecl())) {
        M.Args.push_back(MC->getArg(0));
        M.Top = MC;
        continue;
      }
    }
    return;
  }
}

static bool isNonConstOutParam(QualType ParamType) {
  if (ParamType->isLValueReferenceType() || ParamType->isPointerType())
    return !ParamType->getPointeeType().isConstQualified();
  return false;
}

/// Classifies the use \p Ref of a variable.
/// \p Ref as an operand of the overloaded operator \p OC: `s = x`,
/// `s += x`, `s << x` (a stream), `in >> s`.
static Modification operatorUse(const DeclRefExpr *Ref,
                                const CXXOperatorCallExpr *OC,
                                ASTContext &Ctx) {
  Modification M;
  if (OC->getNumArgs() != 2)
    return M;
  bool IsLHS = stripCasts(OC->getArg(0)) == Ref;
  switch (OC->getOperator()) {
  case OO_Equal:
    if (IsLHS) {
      M.Kind = Modification::MK_Assign;
      M.Top = OC;
      M.Args.push_back(OC->getArg(1));
    }
    return M;
  case OO_PlusEqual:
  case OO_LessLess:
    if (IsLHS) {
      M.Kind = Modification::MK_Append;
      M.Top = OC;
      M.Args.push_back(OC->getArg(1));
      extendChain(M, Ctx);
    }
    return M;
  case OO_GreaterGreater:
    if (!IsLHS) {
      M.Kind = Modification::MK_Clobber;
      M.Top = OC;
    }
    return M;
  default:
    return M;
  }
}

/// \p Ref as the object of a member call through \p ME: `s.append(x)`,
/// `s.clear()`, `os.str(x)`; const members change nothing.
static Modification memberCallUse(const DeclRefExpr *Ref, const MemberExpr *ME,
                                  ASTContext &Ctx) {
  Modification M;
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(ME, Ctx));
  if (!MC || stripCasts(ME->getBase()) != Ref)
    return M;
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || MD->isConst())
    return M;
  M.Top = MC;
  llvm::StringRef Name = MD->getIdentifier() ? MD->getName() : "";
  if (isAppendMethod(MD) && MC->getNumArgs() == 1) {
    M.Kind = Modification::MK_Append;
    M.Args.push_back(MC->getArg(0));
    extendChain(M, Ctx);
  } else if (Name == "clear") {
    M.Kind = Modification::MK_Clear;
  } else if ((Name == "assign" || Name == "str") && MC->getNumArgs() == 1) {
    M.Kind = Modification::MK_Assign;
    M.Args.push_back(MC->getArg(0));
  } else if (Name != "reserve" && Name != "shrink_to_fit") {
    M.Kind = Modification::MK_Clobber;
  }
  return M;
}

/// `&s`: an append by absl::StrAppend(&s, ...), else anything may happen.
static Modification addressUse(const UnaryOperator *UO, ASTContext &Ctx) {
  Modification M;
  if (UO->getOpcode() != UO_AddrOf)
    return M;
  const auto *Call = dyn_cast_or_null<CallExpr>(parentSkippingCasts(UO, Ctx));
  M.Top = Call ? static_cast<const Stmt *>(Call) : UO;
  if (Call && isStrAppendFunction(Call->getDirectCallee()) &&
      Call->getNumArgs() > 0 && stripCasts(Call->getArg(0)) == UO) {
    M.Kind = Modification::MK_Append;
    for (const Expr *A : llvm::drop_begin(Call->arguments()))
      M.Args.push_back(A);
    return M;
  }
  M.Kind = Modification::MK_Clobber;
  return M;
}

/// \p Ref as an argument of \p Call: changed when the parameter is a
/// non-const reference or pointer (an array decays to one).
static Modification argumentUse(const DeclRefExpr *Ref, const CallExpr *Call) {
  Modification M;
  const FunctionDecl *FD = Call->getDirectCallee();
  unsigned Shift =
      isa<CXXOperatorCallExpr>(Call) && FD && isa<CXXMethodDecl>(FD) ? 1 : 0;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    if (stripCasts(Call->getArg(I)) != Ref)
      continue;
    bool Out = false;
    if (FD && I >= Shift && I - Shift < FD->getNumParams())
      Out = isNonConstOutParam(FD->getParamDecl(I - Shift)->getType());
    else
      Out = Ref->getType()->isArrayType();
    if (Out) {
      M.Kind = Modification::MK_Clobber;
      M.Top = Call;
    }
    return M;
  }
  return M;
}

static Modification classifyUse(const DeclRefExpr *Ref, ASTContext &Ctx) {
  const Stmt *P = parentSkippingCasts(Ref, Ctx);
  if (!P)
    return Modification();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
    return operatorUse(Ref, OC, Ctx);
  if (const auto *ME = dyn_cast<MemberExpr>(P))
    return memberCallUse(Ref, ME, Ctx);
  if (const auto *UO = dyn_cast<UnaryOperator>(P))
    return addressUse(UO, Ctx);
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return argumentUse(Ref, Call);
  return Modification();
}

/// The condition-like children of a branching statement: always executed
/// when the statement is.
static bool isAlwaysExecutedChild(const Stmt *P, const Stmt *Child) {
  if (const auto *If = dyn_cast<IfStmt>(P))
    return Child == If->getCond() || Child == If->getInit() ||
           Child == If->getConditionVariableDeclStmt();
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return Child == W->getCond() || Child == W->getConditionVariableDeclStmt();
  if (const auto *F = dyn_cast<ForStmt>(P))
    return Child == F->getInit() || Child == F->getCond();
  if (isa<DoStmt>(P))
    return true;
  if (const auto *S = dyn_cast<SwitchStmt>(P))
    return Child == S->getCond() || Child == S->getInit();
  if (const auto *R = dyn_cast<CXXForRangeStmt>(P))
    return Child == R->getInit() || Child == R->getRangeStmt();
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(P))
    return Child == C->getCond();
  if (const auto *B = dyn_cast<BinaryOperator>(P))
    return Child == B->getLHS();
  return false;
}

static bool isBranching(const Stmt *S) {
  if (isa<IfStmt, WhileStmt, ForStmt, DoStmt, SwitchStmt, CXXForRangeStmt,
          AbstractConditionalOperator, LambdaExpr, CXXCatchStmt>(S))
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    return B->isLogicalOp();
  return false;
}

/// Whether the change \p Mod in \p Body reaches the point \p Before.
static Reach reaches(const Stmt *Mod, SourceLocation Before, const Stmt *Body,
                     ControlFlow &Flow, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Flow.mayReach(Body, Mod, Before))
    return Reach::Never;
  Reach Result = Reach::Always;
  const Stmt *Child = Mod;
  for (const Stmt *P = parentStmt(Child, Ctx); P;
       Child = P, P = parentStmt(P, Ctx)) {
    if (!isBranching(P))
      continue;
    if (isAlwaysExecutedChild(P, Child))
      continue;
    bool InParent = contains(P, Before, SM);
    bool InChild = contains(Child, Before, SM);
    if (InChild)
      continue;
    if (!InParent) {
      Result = Reach::Sometimes;
      continue;
    }
    // Before is in another child of P: another branch, or the condition of
    // a loop whose body holds the change.
    if (isa<IfStmt, SwitchStmt, AbstractConditionalOperator, BinaryOperator,
            CXXCatchStmt>(P))
      return Reach::Never;
    Result = Reach::Sometimes;
  }
  return Result;
}

static const Stmt *functionBodyOf(const VarDecl *VD) {
  const DeclContext *DC = VD->getParentFunctionOrMethod();
  if (const auto *FD = dyn_cast_or_null<FunctionDecl>(DC))
    return FD->getBody();
  return nullptr;
}

//===----------------------------------------------------------------------===//
// DsnEvaluator
//===----------------------------------------------------------------------===//

DsnEvaluator::DsnEvaluator(ASTContext &Ctx) : Ctx(Ctx), Flow(Ctx) {
  Origins.push_back({SourceLocation(), ""});
}

unsigned DsnEvaluator::addOrigin(SourceLocation Loc,
                                 const llvm::Twine &Message) {
  std::string Text = Message.str();
  auto [MsgIt, NewMsg] =
      MessageIds.try_emplace(Text, static_cast<unsigned>(MessageIds.size()));
  auto [It, New] = OriginIds.try_emplace(std::make_pair(Loc, MsgIt->second),
                                         static_cast<unsigned>(Origins.size()));
  if (New)
    Origins.push_back({Loc, Text});
  return It->second;
}

unsigned DsnEvaluator::literalOrigin(const StringLiteral *Lit) {
  return addOrigin(Ctx.getSourceManager().getSpellingLoc(Lit->getBeginLoc()),
                   DsnOrigin::DefinedHere);
}

DsnValue DsnEvaluator::evaluate(const Expr *E) {
  TraversalKindScope Scope(Ctx, TK_AsIs);
  return eval(E, beginOf(E, Ctx.getSourceManager()), 0);
}

DsnValue DsnEvaluator::evaluateFormat(const StringLiteral *Format,
                                      llvm::ArrayRef<FormatPiece> Pieces,
                                      llvm::ArrayRef<const Expr *> Args,
                                      std::size_t EndOffset) {
  TraversalKindScope Scope(Ctx, TK_AsIs);
  return evalFormatPieces(Format, Pieces, Args, EndOffset,
                          beginOf(Format, Ctx.getSourceManager()), 0);
}

DsnValue DsnEvaluator::evalFormatPieces(const StringLiteral *Format,
                                        llvm::ArrayRef<FormatPiece> Pieces,
                                        llvm::ArrayRef<const Expr *> Args,
                                        std::size_t EndOffset,
                                        SourceLocation Before, unsigned Depth) {
  llvm::StringRef Text = Format->getString();
  DsnValue V;
  for (const FormatPiece &P : Pieces) {
    if (P.Offset >= EndOffset)
      break;
    if (P.Kind == FormatPiece::FP_Text) {
      llvm::StringRef Part = P.Offset + P.Length > EndOffset
                                 ? Text.slice(P.Offset, EndOffset)
                                 : llvm::StringRef(P.Text);
      V = V.concat(DsnValue::text(Part, literalOrigin(Format)));
      continue;
    }
    if (P.ArgIndex < 0 || static_cast<std::size_t>(P.ArgIndex) >= Args.size())
      V = V.concat(DsnValue::unknown(""));
    else if (!P.IsString)
      V = V.concat(DsnValue::atom());
    else
      V = V.concat(eval(Args[P.ArgIndex], Before, Depth + 1));
  }
  return V;
}

DsnValue DsnEvaluator::eval(const Expr *E, SourceLocation Before,
                            unsigned Depth) {
  if (!E || Depth > MaxDepth)
    return DsnValue::unknown("");
  E = ignoreStringWrappers(E);

  if (const auto *SL = dyn_cast<StringLiteral>(E)) {
    if (SL->getCharByteWidth() != 1)
      return DsnValue::unknown("");
    return DsnValue::text(SL->getString(), literalOrigin(SL));
  }
  if (const auto *CL = dyn_cast<CharacterLiteral>(E))
    return DsnValue::text(std::string(1, static_cast<char>(CL->getValue())));
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return DsnValue();
  // std::string url; std::ostringstream os;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && CE->getNumArgs() == 0)
    return DsnValue();
  QualType T = E->getType();
  if (T->isArithmeticType() || T->isEnumeralType())
    return DsnValue::atom();

  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 2) {
      switch (OC->getOperator()) {
      case OO_Plus:
      case OO_PlusEqual:
      case OO_LessLess:
        return eval(OC->getArg(0), Before, Depth + 1)
            .concat(eval(OC->getArg(1), Before, Depth + 1));
      case OO_Equal:
        return eval(OC->getArg(1), Before, Depth + 1);
      default:
        break;
      }
    }
    return DsnValue::unknown(chainName(E));
  }

  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    llvm::StringRef Name =
        MD && MD->getIdentifier() ? MD->getName() : llvm::StringRef();
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (isAppendMethod(MD) && MC->getNumArgs() == 1)
      return eval(Obj, Before, Depth + 1)
          .concat(eval(MC->getArg(0), Before, Depth + 1));
    if (MC->getNumArgs() == 0 &&
        llvm::is_contained({"c_str", "data", "str", "view"}, Name))
      return eval(Obj, Before, Depth + 1);
    return evalCall(MC, Before, Depth);
  }

  if (const auto *Call = dyn_cast<CallExpr>(E))
    return evalCall(Call, Before, Depth);

  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DR->getDecl()))
      return evalVar(VD, DR, Before, Depth);
    return DsnValue::unknown(DR->getDecl()->getNameAsString());
  }

  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return evalVar(VD, ME, Before, Depth);
    std::string Name = ME->getMemberDecl()->getNameAsString();
    return DsnValue::unknown(
        chainName(ME), addOrigin(ME->getMemberLoc(),
                                 "base URL comes from member '" + Name + "'"));
  }

  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return DsnValue::join(eval(CO->getTrueExpr(), Before, Depth + 1),
                          eval(CO->getFalseExpr(), Before, Depth + 1));

  return DsnValue::unknown(chainName(E));
}

DsnValue DsnEvaluator::evalCall(const CallExpr *Call, SourceLocation Before,
                                unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return DsnValue::unknown("");
  if (isGetenv(FD)) {
    std::string Env;
    if (Call->getNumArgs() > 0)
      if (const auto *SL =
              dyn_cast<StringLiteral>(ignoreStringWrappers(Call->getArg(0))))
        Env = SL->getString().str();
    return DsnValue::unknown(
        Env, addOrigin(beginOf(Call, Ctx.getSourceManager()),
                       Env.empty()
                           ? llvm::Twine("base URL comes from the environment")
                           : "base URL comes from environment variable '" +
                                 Env + "'"));
  }
  if (nameIs(FD, {"std::to_string", "std::to_wstring"}))
    return DsnValue::atom();
  if (nameIs(FD, {"std::move", "std::forward", "std::string_view", "std::ref",
                  "std::cref"}) &&
      Call->getNumArgs() == 1)
    return eval(Call->getArg(0), Before, Depth + 1);
  if (isBraceFormatFunction(FD) || isStrCatFunction(FD))
    return evalFormatCall(Call, Before, Depth);

  // A function whose body this TU has: the join of its return values.
  const FunctionDecl *Def = FD->getDefinition();
  if (auto It = ReturnValues.find(Def); Def && It != ReturnValues.end())
    return It->second;
  if (Def && Def->hasBody() && !Active.contains(Def) &&
      !Ctx.getSourceManager().isInSystemHeader(Def->getLocation())) {
    Active.insert(Def);
    auto Returns =
        match(findAll(returnStmt(forFunction(equalsNode(Def)),
                                 hasReturnValue(expr().bind("value")))),
              *Def->getBody(), Ctx);
    std::optional<DsnValue> Result;
    for (const BoundNodes &N : Returns) {
      const auto *Value = N.getNodeAs<Expr>("value");
      DsnValue V =
          eval(Value, beginOf(Value, Ctx.getSourceManager()), Depth + 1);
      Result = Result ? DsnValue::join(*Result, V) : V;
    }
    Active.erase(Def);
    if (Result) {
      ReturnValues[Def] = *Result;
      return *Result;
    }
  }
  std::string Name = FD->getNameAsString();
  return DsnValue::unknown(
      chainName(Call),
      addOrigin(beginOf(Call, Ctx.getSourceManager()),
                "base URL comes from a call to '" + Name + "'"));
}

DsnValue DsnEvaluator::evalFormatCall(const CallExpr *Call,
                                      SourceLocation Before, unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  llvm::SmallVector<const Expr *, 8> Args(Call->arguments());
  if (isStrCatFunction(FD)) {
    DsnValue V;
    for (const Expr *A : Args)
      V = V.concat(eval(A, Before, Depth + 1));
    return V;
  }
  if (Args.empty())
    return DsnValue::unknown("");
  const auto *Format = dyn_cast<StringLiteral>(ignoreStringWrappers(Args[0]));
  llvm::SmallVector<FormatPiece, 8> Pieces;
  if (!Format || Format->getCharByteWidth() != 1 ||
      !parseBraceFormat(Format->getString(), Pieces))
    return DsnValue::unknown("");
  return evalFormatPieces(Format, Pieces, llvm::ArrayRef(Args).drop_front(),
                          Format->getString().size(), Before, Depth + 1);
}

DsnValue DsnEvaluator::evalVar(const VarDecl *VD, const Expr *Use,
                               SourceLocation Before, unsigned Depth) {
  std::string Name = VD->getNameAsString();
  if (Active.contains(VD))
    return DsnValue::unknown(Name);
  if (VD->hasLocalStorage() || isa<ParmVarDecl>(VD)) {
    auto Key = std::make_pair(static_cast<const Decl *>(VD), Before);
    if (auto It = VarValues.find(Key); It != VarValues.end())
      return It->second;
    DsnValue V = evalTracked(VD, Before, Depth);
    VarValues[Key] = V;
    return V;
  }
  const Expr *Init = VD->getAnyInitializer();
  if (Init && (VD->getType().isConstQualified() || VD->isConstexpr() ||
               VD->getType()->isReferenceType())) {
    Active.insert(VD);
    DsnValue V = eval(Init, beginOf(Init, Ctx.getSourceManager()), Depth + 1);
    Active.erase(VD);
    return V;
  }
  return DsnValue::unknown(
      Name, addOrigin(beginOf(Use, Ctx.getSourceManager()),
                      "base URL comes from variable '" + Name + "'"));
}

DsnValue DsnEvaluator::evalTracked(const VarDecl *VD, SourceLocation Before,
                                   unsigned Depth) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = VD->getNameAsString();
  DsnValue Value;
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
    Value = DsnValue::unknown(
        Name, addOrigin(SM.getExpansionLoc(PVD->getLocation()),
                        "base URL comes from parameter '" + Name + "'"));
  } else if (const Expr *Init = VD->getInit()) {
    // Active only in its own initializer: a change "url = url + x" reads
    // the value at an earlier point, so that recursion ends.
    Active.insert(VD);
    Value = eval(Init, beginOf(Init, SM), Depth + 1);
    Active.erase(VD);
  } else if (!isStringLikeRecord(VD->getType())) {
    Value = DsnValue::unknown(Name);
  }

  const Stmt *Body = functionBodyOf(VD);
  if (!Body)
    return Value;
  auto [UsesIt, NewVar] = VarUses.try_emplace(VD);
  llvm::SmallVectorImpl<const DeclRefExpr *> &Uses = UsesIt->second;
  if (NewVar) {
    for (const BoundNodes &N :
         match(findAll(declRefExpr(to(varDecl(equalsNode(VD)))).bind("ref")),
               *Body, Ctx))
      Uses.push_back(N.getNodeAs<DeclRefExpr>("ref"));
    llvm::sort(Uses, [&SM](const DeclRefExpr *A, const DeclRefExpr *B) {
      return isBefore(beginOf(A, SM), beginOf(B, SM), SM);
    });
  }

  // Copied: evaluating a change may add entries to VarUses.
  llvm::SmallVector<const DeclRefExpr *, 8> Sorted(Uses.begin(), Uses.end());
  for (const DeclRefExpr *Ref : Sorted) {
    if (!isBefore(beginOf(Ref, SM), Before, SM))
      break;
    Modification M = classifyUse(Ref, Ctx);
    if (M.Kind == Modification::MK_None)
      continue;
    // A change that contains the evaluation point ("url = url + x") has not
    // happened yet.
    if (!isBefore(endOf(M.Top, SM), Before, SM))
      continue;
    Reach R = reaches(M.Top, Before, Body, Flow, Ctx);
    if (R == Reach::Never)
      continue;
    SourceLocation At = beginOf(M.Top, SM);
    DsnValue New;
    switch (M.Kind) {
    case Modification::MK_Assign:
      New = eval(M.Args.front(), At, Depth + 1);
      break;
    case Modification::MK_Append:
      New = Value;
      for (const Expr *A : M.Args)
        New = New.concat(eval(A, At, Depth + 1));
      break;
    case Modification::MK_Clear:
      break;
    case Modification::MK_Clobber:
      // Unchanged, or anything the callee writes.
      New = DsnValue::join(
          Value, DsnValue::unknown(
                     Name, addOrigin(At, "base URL may be modified here")));
      break;
    case Modification::MK_None:
      llvm_unreachable("filtered above");
    }
    Value = R == Reach::Always ? New : DsnValue::join(Value, New);
  }
  return Value;
}

//===----------------------------------------------------------------------===//
// '?' probes
//===----------------------------------------------------------------------===//

namespace {

AST_MATCHER(Expr, isQuestionMarkLiteral) {
  if (const auto *CL = dyn_cast<CharacterLiteral>(&Node))
    return CL->getValue() == '?';
  if (const auto *SL = dyn_cast<StringLiteral>(&Node))
    return SL->getCharByteWidth() == 1 && SL->getString() == "?";
  return false;
}

} // namespace

/// The call or comparison that looks for the '?' literal \p Lit, or null if
/// the literal is appended rather than looked for.
static const Stmt *probeOf(const Expr *Lit, ASTContext &Ctx) {
  const Stmt *P = parentStmt(Lit, Ctx);
  while (P && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, CXXConstructExpr>(P)))
    P = parentStmt(P, Ctx);
  if (!P)
    return nullptr;
  if (const auto *B = dyn_cast<BinaryOperator>(P))
    return B->isEqualityOp() ? P : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P))
    return OC->getOperator() == OO_EqualEqual ||
                   OC->getOperator() == OO_ExclaimEqual
               ? P
               : nullptr;
  const auto *Call = dyn_cast<CallExpr>(P);
  if (!Call)
    return nullptr;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || isBraceFormatFunction(FD) || isPrintfFunction(FD) ||
      isStrCatFunction(FD) || isStrAppendFunction(FD))
    return nullptr;
  if (FD->getIdentifier() &&
      llvm::is_contained({"append", "push_back", "insert", "assign", "replace"},
                         FD->getName()))
    return nullptr;
  return P;
}

static bool containsQueryProbe(const Stmt *S, ASTContext &Ctx) {
  return !match(findAll(expr(isQuestionMarkLiteral())), *S, Ctx).empty();
}

static const Stmt *conditionOf(const Stmt *S) {
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getCond();
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return W->getCond();
  if (const auto *F = dyn_cast<ForStmt>(S))
    return F->getCond();
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(S))
    return C->getCond();
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    return B->isLogicalOp() ? B->getLHS() : nullptr;
  return nullptr;
}

static const Stmt *enclosingBody(const Stmt *S, ASTContext &Ctx) {
  const Stmt *Last = S;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Last);
    if (Parents.empty())
      return nullptr;
    if (const auto *P = Parents[0].get<Stmt>()) {
      if (const auto *L = dyn_cast<LambdaExpr>(P))
        return L->getBody();
      Last = P;
      continue;
    }
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD->getBody();
    if (const auto *VD = Parents[0].get<VarDecl>()) {
      if (const Stmt *Body = functionBodyOf(VD))
        return Body;
    }
    return nullptr;
  }
}

bool isGuardedByQueryProbe(const Expr *Anchor, const Expr *Base,
                           ASTContext &Ctx) {
  TraversalKindScope Scope(Ctx, TK_AsIs);
  // if (url.find('?') == std::string::npos) url += "?a=1";
  const Stmt *Child = Anchor;
  for (const Stmt *P = parentStmt(Child, Ctx); P;
       Child = P, P = parentStmt(P, Ctx)) {
    const Stmt *Cond = conditionOf(P);
    if (Cond && Cond != Child && containsQueryProbe(Cond, Ctx))
      return true;
  }
  if (!Base)
    return false;

  // if (url.find('?') != std::string::npos) return url + "&a=1";
  // return url + "?a=1";
  llvm::SmallPtrSet<const Decl *, 4> BaseVars;
  for (const BoundNodes &N :
       match(findAll(declRefExpr(to(varDecl())).bind("ref")), *Base, Ctx))
    BaseVars.insert(N.getNodeAs<DeclRefExpr>("ref")->getDecl());
  if (const auto *DR = dyn_cast<DeclRefExpr>(stripCasts(Base)))
    BaseVars.insert(DR->getDecl());
  // A probe of the string a local copies guards the local too:
  // `std::string url = raw; if (std::strchr(raw, '?')) return ...;` (not a
  // local built by appending to it: that one has its own query).
  for (const Decl *D : llvm::SmallVector<const Decl *, 4>(BaseVars.begin(),
                                                          BaseVars.end()))
    if (const auto *VD = dyn_cast<VarDecl>(D);
        VD && VD->isLocalVarDecl() && VD->getInit())
      if (const auto *Copied =
              dyn_cast<DeclRefExpr>(ignoreStringWrappers(VD->getInit())))
        BaseVars.insert(Copied->getDecl());
  if (BaseVars.empty())
    return false;
  const Stmt *Body = enclosingBody(Anchor, Ctx);
  if (!Body)
    return false;
  for (const BoundNodes &N :
       match(findAll(expr(isQuestionMarkLiteral()).bind("mark")), *Body, Ctx)) {
    const Stmt *Probe = probeOf(N.getNodeAs<Expr>("mark"), Ctx);
    if (!Probe)
      continue;
    for (const BoundNodes &R :
         match(findAll(declRefExpr().bind("ref")), *Probe, Ctx))
      if (BaseVars.contains(R.getNodeAs<DeclRefExpr>("ref")->getDecl()))
        return true;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// Sinks
//===----------------------------------------------------------------------===//

static bool isSinkName(llvm::StringRef Name, const llvm::StringSet<> &Sinks) {
  return Sinks.contains(Name);
}

static bool isSinkRecord(const CXXRecordDecl *RD,
                         const llvm::StringSet<> &Sinks) {
  return RD && isSinkName(RD->getQualifiedNameAsString(), Sinks);
}

static bool isSinkCall(const CallExpr *Call, const llvm::StringSet<> &Sinks) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return false;
  if (isSinkName(FD->getQualifiedNameAsString(), Sinks))
    return true;
  // std::make_unique<sw::redis::Redis>(url + "?...")
  if (nameIs(FD, {"std::make_unique", "std::make_shared",
                  "std::allocate_shared"})) {
    const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs();
    if (Args && Args->size() > 0 &&
        Args->get(0).getKind() == TemplateArgument::Type)
      return isSinkRecord(Args->get(0).getAsType()->getAsCXXRecordDecl(),
                          Sinks);
  }
  return false;
}

static bool isSinkConstruct(const CXXConstructExpr *CE,
                            const llvm::StringSet<> &Sinks) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  return Ctor && (isSinkRecord(Ctor->getParent(), Sinks) ||
                  isSinkName(Ctor->getQualifiedNameAsString(), Sinks));
}

static bool flowsIntoSinkImpl(const Expr *E, const llvm::StringSet<> &Sinks,
                              ASTContext &Ctx, unsigned Hops);

static bool varFlowsIntoSinkImpl(const VarDecl *VD,
                                 const llvm::StringSet<> &Sinks,
                                 ASTContext &Ctx, unsigned Hops) {
  if (Hops > 2)
    return false;
  const Stmt *Body = functionBodyOf(VD);
  if (!Body)
    return false;
  for (const BoundNodes &N :
       match(findAll(declRefExpr(to(varDecl(equalsNode(VD)))).bind("ref")),
             *Body, Ctx))
    if (flowsIntoSinkImpl(N.getNodeAs<DeclRefExpr>("ref"), Sinks, Ctx,
                          Hops + 1))
      return true;
  return false;
}

static bool flowsIntoSinkImpl(const Expr *E, const llvm::StringSet<> &Sinks,
                              ASTContext &Ctx, unsigned Hops) {
  const Stmt *Cur = E;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return false;
    if (const auto *VD = Parents[0].get<VarDecl>())
      return VD->getInit() && varFlowsIntoSinkImpl(VD, Sinks, Ctx, Hops);
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P)
      return false;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr,
            ConstantExpr, InitListExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      if (isSinkConstruct(CE, Sinks))
        return true;
      if (CE->getNumArgs() != 1)
        return false;
      Cur = P;
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (OC->getOperator() == OO_Plus) {
        Cur = P;
        continue;
      }
      if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
          OC->getArg(1)->IgnoreParenImpCasts() ==
              cast<Expr>(Cur)->IgnoreParenImpCasts())
        if (const VarDecl *VD = rootVariable(OC->getArg(0)))
          return varFlowsIntoSinkImpl(VD, Sinks, Ctx, Hops);
      return false;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(ME, Ctx));
      const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
      if (!MD || !MD->getIdentifier() ||
          !llvm::is_contained({"c_str", "data", "str", "view"}, MD->getName()))
        return false;
      Cur = MC;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P))
      return isSinkCall(Call, Sinks);
    return false;
  }
}

bool flowsIntoSink(const Expr *E, const llvm::StringSet<> &Sinks,
                   ASTContext &Ctx) {
  if (Sinks.empty())
    return false;
  TraversalKindScope Scope(Ctx, TK_AsIs);
  return flowsIntoSinkImpl(E, Sinks, Ctx, 0);
}

bool varFlowsIntoSink(const VarDecl *VD, const llvm::StringSet<> &Sinks,
                      ASTContext &Ctx) {
  if (Sinks.empty() || !VD)
    return false;
  TraversalKindScope Scope(Ctx, TK_AsIs);
  return varFlowsIntoSinkImpl(VD, Sinks, Ctx, 0);
}

const VarDecl *rootVariable(const Expr *E) {
  while (E) {
    E = ignoreStringWrappers(E);
    if (const auto *DR = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DR->getDecl());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (OC->getNumArgs() == 0)
        return nullptr;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      E = MC->getImplicitObjectArgument();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      E = UO->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::poolguard
