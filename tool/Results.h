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
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace poolguard {

/// What one TU contributed.
struct TUResult {
  std::string File;
  bool Failed = false;
  bool FromCache = false;
  std::string Error; ///< Why the TU could not be analyzed.
  std::vector<std::string> ConfigErrors; ///< Malformed configuration files.
  std::vector<ReportDiagnostic> Diagnostics;
  unsigned SuppressedByNolint = 0; ///< Diagnostics NOLINT suppressed.
  clang::tidy::poolguard::Facts Facts;
};

/// Reads one TU's result from \p J (\p Origin: the file, \p Where: the
/// path of \p J inside it, for errors). A field of the wrong type, another
/// poolguard version's result or missing facts are errors naming the field.
llvm::Expected<TUResult> resultFromJSON(const nlohmann::json &J,
                                        llvm::StringRef Origin,
                                        const std::string &Where);

} // namespace poolguard

#endif // POOLGUARD_TOOL_RESULTS_H
