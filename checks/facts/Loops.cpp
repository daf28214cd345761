//===----------------------------------------------------------------------===//
//
// What a loop does with what its body makes; see Loops.h.
//
//===----------------------------------------------------------------------===//

#include "facts/Loops.h"
#include "facts/CollectorExprs.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::poolguard::collector {

/// Whether \p Inner is \p Outer or inside it, by the parent map.
static bool isWithin(DynTypedNode Inner, const Stmt *Outer, ASTContext &Ctx) {
  for (int Steps = 0; Steps < 512; ++Steps) {
    if (Inner.get<Stmt>() == Outer)
      return true;
    if (Inner.get<FunctionDecl>())
      return false;
    DynTypedNodeList Parents = Ctx.getParents(Inner);
    if (Parents.empty())
      return false;
    Inner = Parents[0];
  }
  return false;
}

/// Whether the container or array \p Obj outlives every iteration of \p Loop:
/// a data member, a global, a parameter, or a local variable declared
/// outside the loop.
static bool declaredOutside(const Expr *Obj, const Stmt *Loop,
                            ASTContext &Ctx) {
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Obj);
      Deref && Deref->getOpcode() == UO_Deref)
    return declaredOutside(Deref->getSubExpr(), Loop, Ctx);
  if (const auto *M = dyn_cast<MemberExpr>(Obj))
    return isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()) ||
           declaredOutside(M->getBase(), Loop, Ctx);
  const auto *Ref = dyn_cast<DeclRefExpr>(Obj);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var)
    return false;
  return Var->hasGlobalStorage() || isa<ParmVarDecl>(Var) ||
         !isWithin(DynTypedNode::create(*Var), Loop, Ctx);
}

/// The member functions of the standard containers (and adaptors) that add
/// their argument as an element.
static bool addsElement(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  if (!MD || !MD->getIdentifier())
    return false;
  return llvm::is_contained(
      {"push_back", "emplace_back", "push_front", "emplace_front", "insert",
       "emplace", "emplace_hint", "try_emplace", "insert_or_assign", "push"},
      MD->getName());
}

/// The range a range-for's reference variable \p Var walks
/// (`for (Shard &S : shards)` gives `shards`); null for any other variable.
static const Expr *rangeOf(const VarDecl *Var, ASTContext &Ctx) {
  if (!Var->getType()->isReferenceType())
    return nullptr;
  DynTypedNode Node = DynTypedNode::create(*Var);
  for (int Steps = 0; Steps < 2; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Range = Node.get<CXXForRangeStmt>())
      return Range->getLoopVariable() == Var ? Range->getRangeInit() : nullptr;
  }
  return nullptr;
}

/// The container or array whose element \p LHS names (`pools[i]`,
/// `pools.at(i)`, `shard.pool` for a range-for's `Shard &shard`); null for
/// anything else.
static const Expr *elementOf(const Expr *LHS, ASTContext &Ctx) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *M = dyn_cast<MemberExpr>(LHS)) {
    const auto *Ref = dyn_cast<DeclRefExpr>(M->getBase()->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var ? rangeOf(Var, Ctx) : nullptr;
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(LHS))
    return Sub->getBase();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(LHS);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return Op->getArg(0);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(LHS))
    if (const CXXMethodDecl *MD = Call->getMethodDecl();
        MD && MD->getIdentifier() && MD->getName() == "at")
      return Call->getImplicitObjectArgument();
  return nullptr;
}

/// Whether the value of \p E is added to, or stored in an element of, a
/// container or array declared outside \p Loop (through conversions,
/// temporaries, `std::move`, a pair or a braced list on the way).
static bool storedPastLoop(const Expr *E, const Stmt *Loop, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  for (int Steps = 0; Steps < 64; ++Steps) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    const Expr *Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Parent)
      return false;
    const Expr *Child = Node.get<Expr>();
    Node = Parents[0];
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Parent)) {
      if (!addsElement(Call) || Call->getImplicitObjectArgument() == Child)
        return false;
      return declaredOutside(Call->getImplicitObjectArgument(), Loop, Ctx);
    }
    if (std::optional<Assignment> A = assignmentOf(Parent)) {
      const Expr *Container =
          A->RHS == Child ? elementOf(A->LHS, Ctx) : nullptr;
      return Container && declaredOutside(Container, Loop, Ctx);
    }
    if (const auto *Call = dyn_cast<CallExpr>(Parent);
        Call && !isa<CXXOperatorCallExpr>(Call)) {
      const FunctionDecl *FD = Call->getDirectCallee();
      if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier() ||
          !llvm::is_contained({"move", "forward", "make_pair", "make_tuple"},
                              FD->getName()))
        return false;
      continue;
    }
    if (!isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ExprWithCleanups, ParenExpr, CXXFunctionalCastExpr,
             CXXConstructExpr, CXXNewExpr, InitListExpr,
             CXXStdInitializerListExpr>(Parent))
      return false;
  }
  return false;
}

/// Whether what \p Created makes, held by \p Holder, outlives the iteration
/// of \p Loop (see madeOnceInLoop).
static bool keptPastLoop(DynTypedNode Created, const ValueDecl *Holder,
                         const Stmt *Loop, ASTContext &Ctx) {
  if (const auto *E = Created.get<Expr>(); E && storedPastLoop(E, Loop, Ctx))
    return true;
  const auto *Local = dyn_cast_or_null<VarDecl>(Holder);
  if (!Local)
    return false;
  using namespace ast_matchers;
  auto Refs = match(
      findAll(declRefExpr(to(varDecl(equalsNode(Local)))).bind("ref")),
      *Loop, Ctx);
  return llvm::any_of(Refs, [&](const BoundNodes &B) {
    return storedPastLoop(B.getNodeAs<Expr>("ref"), Loop, Ctx);
  });
}

/// Whether \p S reads \p Holder.
static bool reads(const Stmt *S, const ValueDecl *Holder) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == Holder)
    return true;
  if (const auto *M = dyn_cast<MemberExpr>(S);
      M && M->getMemberDecl() == Holder)
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return reads(Child, Holder); });
}

/// Whether \p S, inside the loop body along \p Path, leaves the loop once
/// \p Holder is set: a `return` of it, or a `break` (when \p BreakLeaves: not
/// one of an inner loop or switch) or `return` under an `if` whose condition
/// reads it, or in a `try` block.
static bool leavesOnceSet(const Stmt *S, const ValueDecl *Holder,
                          bool BreakLeaves,
                          llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<BreakStmt>(S) || isa<ReturnStmt>(S)) {
    if (isa<BreakStmt>(S) && !BreakLeaves)
      return false;
    if (const auto *R = dyn_cast<ReturnStmt>(S); R && reads(R->getRetValue(), Holder))
      return true;
    for (size_t I = 0; I < Path.size(); ++I) {
      if (const auto *If = dyn_cast<IfStmt>(Path[I]);
          If && reads(If->getCond(), Holder))
        return true;
      const Stmt *Next = I + 1 < Path.size() ? Path[I + 1] : S;
      if (const auto *Try = dyn_cast<CXXTryStmt>(Path[I]);
          Try && Next == Try->getTryBlock())
        return true;
    }
    return false;
  }
  const bool OwnsBreaks =
      isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  Path.push_back(S);
  bool Found = llvm::any_of(S->children(), [&](const Stmt *Child) {
    return leavesOnceSet(Child, Holder, BreakLeaves && !OwnsBreaks, Path);
  });
  Path.pop_back();
  return Found;
}

/// Whether \p Loop runs until \p Holder holds a working connection (see
/// madeOnceInLoop).
static bool retriesUntilSet(const Stmt *Loop, const ValueDecl *Holder) {
  const Stmt *Cond = nullptr, *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    Cond = For->getCond(), Body = For->getBody();
  else if (const auto *While = dyn_cast<WhileStmt>(Loop))
    Cond = While->getCond(), Body = While->getBody();
  else if (const auto *Do = dyn_cast<DoStmt>(Loop))
    Cond = Do->getCond(), Body = Do->getBody();
  else
    return false;
  if (reads(Cond, Holder))
    return true;
  llvm::SmallVector<const Stmt *, 16> Path;
  return leavesOnceSet(Body, Holder, /*BreakLeaves=*/true, Path);
}

bool madeOnceInLoop(DynTypedNode Created, const Stmt *Loop, ASTContext &Ctx) {
  const auto *E = Created.get<Expr>();
  const ValueDecl *Holder = E ? holderOf(E, Ctx) : nullptr;
  return keptPastLoop(Created, Holder, Loop, Ctx) ||
         (Holder && retriesUntilSet(Loop, Holder));
}

} // namespace clang::tidy::poolguard::collector
