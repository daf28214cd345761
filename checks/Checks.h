//===----------------------------------------------------------------------===//
//
// The table of poolguard checks (Checks.def) as data, for the front ends that
// need a check's name, kind or summary without the check itself.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_CHECKS_H
#define POOLGUARD_CHECKS_H

#include "llvm/ADT/StringRef.h"

namespace clang::tidy::poolguard {

/// Where a check decides: within one translation unit, or over the facts of
/// every translation unit (a CrossTUCheck).
enum class CheckKind { PerTU, CrossTU };

/// One row of Checks.def.
struct CheckInfo {
  llvm::StringLiteral Name;    ///< "poolguard-repeated-pool"
  CheckKind Kind;
  llvm::StringLiteral Summary; ///< One sentence, no final period.
  llvm::StringLiteral Details; ///< What a full description adds after it.
};

/// Every poolguard check, in name order.
inline constexpr CheckInfo PoolGuardChecks[] = {
#define POOLGUARD_CHECK(Class, Name, Kind, Summary, Details)                   \
  {Name, CheckKind::Kind, Summary, Details},
#include "Checks.def"
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_CHECKS_H
