//===----------------------------------------------------------------------===//
//
// Fix-its of a report: --fix applies them in place, --export-fixes writes
// clang-tidy's YAML (clang/Tooling/DiagnosticsYaml.h) for
// clang-apply-replacements.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_FIXES_H
#define POOLGUARD_TOOL_FIXES_H

#include "Report.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace poolguard {

struct FixStats {
  unsigned Files = 0;        ///< Files rewritten.
  unsigned Replacements = 0; ///< Distinct replacements applied.
};

/// Applies every fix of \p R in place. Replacements are grouped per file and
/// identical ones (e.g. the same header fix reported from two TUs) applied
/// once. Overlapping different replacements are refused with an error naming
/// both, and then no file is written. Each file is replaced atomically: the
/// new bytes go to a temporary file in the same directory, which gets the
/// original's permissions and is renamed over it. A file whose bytes would not
/// change is not rewritten, so applying the fixes of an already fixed file is
/// a no-op. A fix whose FileHash no longer matches its file's bytes (the file
/// was edited after it was analyzed) is refused, and then no file is written;
/// so is a fix for a file outside R.Roots. Files are rewritten with
/// rewriteFile() (utils/AtomicFile.h): symlinks followed, hard links, owner
/// and mode kept, read-only files refused, re-checked before the replace.
llvm::Expected<FixStats> applyFixes(const Report &R);


/// clang-tidy's --export-fixes YAML for \p R: one TranslationUnitDiagnostics
/// with every diagnostic (with or without fixes), byte offsets, notes, level
/// and \p BuildDirectory (the current directory if empty). Fails if one
/// diagnostic's own replacements conflict, or a fix names a file outside
/// R.Roots.
llvm::Expected<std::string> exportFixes(const Report &R,
                                        llvm::StringRef MainSourceFile,
                                        llvm::StringRef BuildDirectory = "");

} // namespace poolguard

#endif // POOLGUARD_TOOL_FIXES_H
