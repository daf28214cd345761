//===----------------------------------------------------------------------===//
//
// "1 module", "2 modules": a count with its noun, for messages.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_PLURAL_H
#define POOLGUARD_UTILS_PLURAL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"
#include <string>

namespace clang::tidy::poolguard {

/// \p N followed by \p One or \p Many.
inline std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return llvm::formatv("{0} {1}", N, N == 1 ? One : Many).str();
}

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_PLURAL_H
