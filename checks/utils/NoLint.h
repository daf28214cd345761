//===----------------------------------------------------------------------===//
//
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND on raw file bytes, with
// clang-tidy 19's semantics, for findings computed from merged facts (which
// have no SourceManager). Diagnostics of a live clang-tidy pass go through
// ClangTidyContext instead.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_NOLINT_H
#define POOLGUARD_UTILS_NOLINT_H

#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// A NOLINTBEGIN or NOLINTEND without its partner.
struct NoLintError {
  unsigned Offset = 0;
  std::string Message;
};

/// The NOLINT directives of one file.
class NoLintFile {
public:
  explicit NoLintFile(llvm::StringRef Text);
  ~NoLintFile();

  /// Whether a diagnostic of \p Check at byte \p Offset is suppressed.
  bool suppresses(unsigned Offset, llvm::StringRef Check) const;

  /// Unmatched NOLINTBEGIN/NOLINTEND comments, in file order.
  const std::vector<NoLintError> &errors() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_NOLINT_H
