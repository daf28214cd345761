//===----------------------------------------------------------------------===//
//
// What a loop does with the pool or connection its body makes: a loop that
// keeps each one (a pool per shard) or stops once one works (a retry at
// start-up) makes it once, not once per iteration.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_LOOPS_H
#define POOLGUARD_FACTS_LOOPS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"

namespace clang::tidy::poolguard::collector {

/// Whether what \p Created makes in the body of \p Loop (the outermost loop
/// around it in its function) is made once per element or once in all,
/// rather than once per iteration:
/// - it outlives the iteration: it is added to a container
///   (`pools.push_back(...)`, `insert`, `emplace`, ...) or stored in an
///   element (`pools[i] = ...`, `shard.conn = ...` for a range-for's
///   `Shard &shard`) of a container or array declared outside the loop,
///   directly or through a local variable of the loop body;
/// - the loop is a retry: the variable or member that holds it is read by
///   the loop's condition (`while (!Conn)`), or the loop is left by a
///   `break` of its own or a `return` under an `if` whose condition reads it,
///   by a `return` of it, or by a `break` or `return` in a `try` block.
bool madeOnceInLoop(DynTypedNode Created, const Stmt *Loop, ASTContext &Ctx);

} // namespace clang::tidy::poolguard::collector

#endif // POOLGUARD_FACTS_LOOPS_H
