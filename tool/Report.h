//===----------------------------------------------------------------------===//
//
// The standalone tool's diagnostics, after NOLINT filtering: one path for
// per-TU check diagnostics and findings computed from merged facts. Every
// output format (text, JSON, SARIF, export-fixes YAML, baseline) reads these.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_REPORT_H
#define POOLGUARD_TOOL_REPORT_H

#include "ProjectRoots.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/xxhash.h"
#include <cstdint>
#include <string>
#include <vector>

namespace poolguard {

struct ReportNote {
  std::string Message;
  std::string File; ///< As the compile database names it, or absolute.
  unsigned Line = 0, Column = 0, Offset = 0;
};

struct ReportFix {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Replacement;
  /// contentHash() of File as it was analyzed; --fix refuses to edit a file
  /// whose bytes changed since. Empty when unknown.
  std::string FileHash = {};
};

/// The hash poolguard keys file contents by (cache entries, fixes).
inline std::string contentHash(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes), /*LowerCase=*/true);
}

/// A place of a group finding (see Finding::Members).
struct ReportPlace {
  std::string File;
  unsigned Line = 0, Column = 0;
};

struct ReportDiagnostic {
  std::string Check;    ///< "poolguard-dsn-query-append", "clang-diagnostic-error"
  std::string Severity; ///< "warning" or "error"
  std::string Message;
  std::string File;
  unsigned Line = 0, Column = 0, Offset = 0;
  std::vector<ReportNote> Notes;
  std::vector<ReportFix> Fixes;
  /// For a finding about a group (Finding::Key): what it is about, stable
  /// when members come and go, and every member's place. Baselines and SARIF
  /// fingerprints identify the finding by these, not by its message.
  std::string Key = {};
  std::vector<ReportPlace> Members = {};
};

/// Everything one run reports, sorted by file, line, column, check, message.
struct Report {
  std::vector<ReportDiagnostic> Diagnostics;
  unsigned TUsAnalyzed = 0;
  unsigned TUsFailed = 0; ///< Selected TUs that failed (exit code 3).
  /// TUs not selected for the report that failed: their facts are missing.
  unsigned TUsFailedUnselected = 0;
  unsigned TUsFromCache = 0; ///< Analyzed TUs whose results came from the cache.
  /// TUs that failed with skipped library bodies and were parsed again in
  /// full (docs/performance.md).
  unsigned TUsReparsedInFull = 0;
  /// Findings NOLINT comments suppressed (per-TU checks and cross-TU).
  unsigned SuppressedByNolint = 0;
  /// Findings the --baseline file suppressed.
  unsigned SuppressedByBaseline = 0;
  double Seconds = 0;
  uint64_t PeakWorkerKB = 0; ///< Largest resident set of a worker.
  /// Malformed configuration files met by the analysis (exit code 2).
  std::vector<std::string> ConfigErrors;
  /// Where excerpts may be read and fixes written: the paths in a report
  /// can come from untrusted facts files and cache entries.
  ProjectRoots Roots;
  /// --path-root: the text report names the files inside it relative to it.
  std::string PathRoot;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_REPORT_H
