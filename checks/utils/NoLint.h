//===----------------------------------------------------------------------===//
//
// NOLINT, NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND on raw file bytes, with
// clang-tidy 19's semantics, for findings computed from merged facts (which
// have no SourceManager). Diagnostics of a live clang-tidy pass go through
// ClangTidyContext instead.
//
// Mirrors clang-tools-extra/clang-tidy/NoLintDirectiveHandler.cpp and
// GlobList.cpp (release/19.x):
// - matching is textual: "NOLINT" followed by the longest run of letters must
//   be NOLINT, NOLINTNEXTLINE, NOLINTBEGIN or NOLINTEND (case-sensitive);
// - an optional check list "(...)" must follow immediately and close before
//   the end of the line, otherwise the directive applies to every check;
// - the list is a comma-separated glob list ('*' wildcard, whitespace
//   trimmed); negative globs are dropped, so "NOLINT()" and "NOLINT(-x)"
//   suppress nothing;
// - NOLINTBEGIN/NOLINTEND pair as a stack; an END closes the innermost BEGIN
//   only when their check lists are textually equal (after trimming). Every
//   unpaired directive is an error and suppresses nothing;
// - a diagnostic inside a macro is looked up at its spelling location first,
//   then at each expansion location up the chain.
//
// Callers must not ask about diagnostics of level error or above: clang-tidy
// never suppresses those.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_NOLINT_H
#define POOLGUARD_UTILS_NOLINT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::poolguard {

/// The check name clang-tidy gives NOLINT pairing errors.
inline constexpr llvm::StringLiteral NoLintErrorCheck = "clang-tidy-nolint";

/// A NOLINTBEGIN or NOLINTEND without its partner.
struct NoLintError {
  unsigned Offset = 0; ///< Byte offset of the 'N' of the directive.
  unsigned Line = 0;   ///< 1-based.
  unsigned Column = 0; ///< 1-based, in bytes (as clang reports columns).
  std::string Message; ///< clang-tidy's exact wording.
};

/// clang-tidy's GlobList as used in NOLINT check lists: comma- (or newline-)
/// separated globs, '*' matches any sequence, surrounding whitespace trimmed,
/// the last matching glob decides. With \p KeepNegativeGlobs false, "-glob"
/// entries are dropped.
class NoLintGlobList {
public:
  explicit NoLintGlobList(llvm::StringRef Globs, bool KeepNegativeGlobs = true);
  bool contains(llvm::StringRef Name) const;

private:
  struct Item {
    bool Positive;
    std::string Glob;
  };
  std::vector<Item> Items;
};

/// The NOLINT directives of one file.
class NoLintFile {
public:
  explicit NoLintFile(llvm::StringRef Text);
  ~NoLintFile();
  NoLintFile(NoLintFile &&);
  NoLintFile &operator=(NoLintFile &&);

  /// Whether a diagnostic of \p Check at byte \p Offset is suppressed.
  bool suppresses(unsigned Offset, llvm::StringRef Check,
                  bool EnableNoLintBlocks = true) const;

  /// Whether a diagnostic of \p Check is suppressed, given its spelling
  /// offset followed by the offsets of its expansion chain (innermost first),
  /// all in this file. Each level is checked as clang-tidy does.
  bool suppresses(llvm::ArrayRef<unsigned> Offsets, llvm::StringRef Check,
                  bool EnableNoLintBlocks = true) const;

  /// Unmatched NOLINTBEGIN/NOLINTEND comments, in file order.
  const std::vector<NoLintError> &errors() const;

  /// Whether some suppresses() call reached the NOLINTBEGIN/END lookup (no
  /// NOLINT/NOLINTNEXTLINE applied). clang-tidy reports errors() of a file
  /// only then: a file whose diagnostics are all line-suppressed, or that has
  /// none, gets no pairing error.
  bool blocksConsulted() const;

private:
  bool suppressesAt(unsigned Offset, llvm::StringRef Check,
                    bool EnableNoLintBlocks) const;
  struct Impl;
  std::unique_ptr<Impl> P;
};

/// One level of a diagnostic's location chain.
struct NoLintLocation {
  std::string File;
  unsigned Offset = 0;
};

/// NOLINT lookup across files, each read once: a macro's spelling location
/// can be in a header and its expansion in the main file.
class NoLintCache {
public:
  /// Returns the file's bytes, or std::nullopt if it cannot be read (then
  /// nothing in it is suppressed, as clang-tidy does for unreadable buffers).
  using Reader = std::function<std::optional<std::string>(llvm::StringRef)>;

  /// With no reader, files are read from disk.
  explicit NoLintCache(Reader Read = nullptr);
  ~NoLintCache();

  /// \p Chain: spelling location first, then each expansion location.
  bool suppresses(llvm::ArrayRef<NoLintLocation> Chain, llvm::StringRef Check,
                  bool EnableNoLintBlocks = true);

  /// Convenience for a location outside macros.
  bool suppresses(llvm::StringRef File, unsigned Offset, llvm::StringRef Check,
                  bool EnableNoLintBlocks = true);

  /// The pairing errors clang-tidy would report so far: those of files whose
  /// blocks were consulted, sorted by file then offset.
  std::vector<std::pair<std::string, NoLintError>> errors() const;

private:
  const NoLintFile *file(llvm::StringRef Path);
  Reader Read;
  llvm::StringMap<std::unique_ptr<NoLintFile>> Files; // null: unreadable
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_NOLINT_H
