//===----------------------------------------------------------------------===//
//
// Control flow of the functions poolguard-dsn-query-append evaluates: whether
// a change to a string can reach a later evaluation point, from clang's CFG
// (built as bugprone-use-after-move builds it, statements mapped to blocks by
// clang-tidy's utils::StmtToBlockMap, ordered within a block by its
// utils::ExprSequence).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_DSN_CONTROLFLOW_H
#define POOLGUARD_DSN_CONTROLFLOW_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang::tidy::poolguard {

/// The CFGs of function bodies, built once per body.
class ControlFlow {
public:
  explicit ControlFlow(ASTContext &Ctx);
  ~ControlFlow();

  /// False when the CFG of \p Body proves that execution never gets from
  /// the statement \p From to the evaluation point \p To (where an
  /// expression of \p Body begins, an expansion location): a change inside
  /// an `if` branch that returns does not reach the code after the `if`.
  /// True when it may, or when either is not in the CFG.
  bool mayReach(const Stmt *Body, const Stmt *From, SourceLocation To);

private:
  struct Graph;
  Graph *graphOf(const Stmt *Body);

  ASTContext &Ctx;
  llvm::DenseMap<const Stmt *, std::unique_ptr<Graph>> Graphs;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_DSN_CONTROLFLOW_H
