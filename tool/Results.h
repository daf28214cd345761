//===----------------------------------------------------------------------===//
//
// One TU's map result and its JSON reader: the format of cache entries, of
// worker outputs and of each result in a --facts-out file. The reader is
// fuzzed (test/fuzz/ResultFuzzer.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_RESULTS_H
#define POOLGUARD_TOOL_RESULTS_H

#include "Report.h"
#include "facts/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace poolguard {

/// What one TU contributed.
struct TUResult {
  std::string File;
  bool Failed = false;
  bool FromCache = false;
  /// Failed with skipped library bodies, so parsed again in full.
  bool ReparsedInFull = false;
  std::string Error; ///< Why the TU could not be analyzed.
  std::vector<std::string> ConfigErrors; ///< Malformed configuration files.
  std::vector<ReportDiagnostic> Diagnostics;
  unsigned SuppressedByNolint = 0; ///< Diagnostics NOLINT suppressed.
  clang::tidy::poolguard::Facts Facts;
};

/// One diagnostic as poolguard's JSON, in the report (--format=json) and in
/// map results; \p WithOffsets adds the byte offsets (kept in map results,
/// not in the user-facing report).
nlohmann::ordered_json diagnosticToJSON(const ReportDiagnostic &D,
                                        bool WithOffsets);

/// The files a result depends on, each with its contentHash() when it was
/// analyzed ("missing" for a place that must stay absent), sorted by path.
using DependencyHashes = std::vector<std::pair<std::string, std::string>>;

/// The JSON of one TU's result: with \p Deps a cache entry or a worker's
/// output, without them one result of a --facts-out file. Non-UTF-8 text is
/// replaced when dumped, never an abort.
nlohmann::json resultToJSON(const TUResult &R,
                            const DependencyHashes &Deps);

/// Reads one TU's result from \p J (\p Origin: the file, \p Where: the
/// path of \p J inside it, for errors). A field of the wrong type, another
/// poolguard version's result or missing facts are errors naming the field.
llvm::Expected<TUResult> resultFromJSON(const nlohmann::json &J,
                                        llvm::StringRef Origin,
                                        const std::string &Where);

/// Calls \p Fn on every file path of \p R: its TU, the files of its
/// diagnostics, notes and fixes, and those of its facts.
void forEachPath(TUResult &R, llvm::function_ref<void(std::string &)> Fn);

/// Makes \p R hermetic (--path-root): every absolute path inside \p Root
/// (absolute) becomes relative to it. \p Aliases maps the real path of a
/// file read through a symlink inside \p Root (a Bazel sandbox links every
/// input) to its name there: facts name files by their real path.
void relativizePaths(TUResult &R, llvm::StringRef Root,
                     const llvm::StringMap<std::string> &Aliases = {});

/// The inverse, for --merge: relative paths resolved against \p Root.
void absolutizePaths(TUResult &R, llvm::StringRef Root);

} // namespace poolguard

#endif // POOLGUARD_TOOL_RESULTS_H
