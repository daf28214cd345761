//===----------------------------------------------------------------------===//
//
// Reachability between statements of one function, from clang's CFG.
//
//===----------------------------------------------------------------------===//

#include "dsn/ControlFlow.h"
#include "clang-tidy/utils/ExprSequence.h"
#include "clang/Analysis/Analyses/CFGReachabilityAnalysis.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::poolguard {

struct ControlFlow::Graph {
  std::unique_ptr<CFG> TheCFG;
  std::unique_ptr<utils::StmtToBlockMap> Blocks;
  std::unique_ptr<utils::ExprSequence> Sequence;
  std::unique_ptr<CFGReverseBlockReachabilityAnalysis> Reach;
};

ControlFlow::ControlFlow(ASTContext &Ctx) : Ctx(Ctx) {}
ControlFlow::~ControlFlow() = default;

ControlFlow::Graph *ControlFlow::graphOf(const Stmt *Body) {
  auto [It, New] = Graphs.try_emplace(Body);
  if (!New)
    return It->second.get();
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  std::unique_ptr<CFG> TheCFG = CFG::buildCFG(
      nullptr, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!TheCFG)
    return nullptr;
  auto G = std::make_unique<Graph>();
  G->Blocks = std::make_unique<utils::StmtToBlockMap>(TheCFG.get(), &Ctx);
  G->Sequence = std::make_unique<utils::ExprSequence>(TheCFG.get(), Body, &Ctx);
  G->Reach = std::make_unique<CFGReverseBlockReachabilityAnalysis>(*TheCFG);
  G->TheCFG = std::move(TheCFG);
  It->second = std::move(G);
  return It->second.get();
}

/// The first CFG statement that begins at \p Loc, and its block.
static std::pair<const Stmt *, const CFGBlock *>
stmtAt(const CFG &TheCFG, SourceLocation Loc, const SourceManager &SM) {
  for (const CFGBlock *B : TheCFG)
    for (const CFGElement &E : *B)
      if (std::optional<CFGStmt> S = E.getAs<CFGStmt>();
          S && SM.getExpansionLoc(S->getStmt()->getBeginLoc()) == Loc)
        return {S->getStmt(), B};
  return {nullptr, nullptr};
}

bool ControlFlow::mayReach(const Stmt *Body, const Stmt *From,
                           SourceLocation To) {
  Graph *G = Body ? graphOf(Body) : nullptr;
  if (!G)
    return true;
  const CFGBlock *FromBlock = G->Blocks->blockContainingStmt(From);
  auto [ToStmt, ToBlock] = stmtAt(*G->TheCFG, To, Ctx.getSourceManager());
  if (!FromBlock || !ToBlock)
    return true;
  // In one block, as bugprone-use-after-move orders a use and a move.
  if (FromBlock == ToBlock)
    return G->Sequence->potentiallyAfter(ToStmt, From);
  return G->Reach->isReachable(FromBlock, ToBlock);
}

} // namespace clang::tidy::poolguard
