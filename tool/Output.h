//===----------------------------------------------------------------------===//
//
// Text and JSON renderings of a poolguard report.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_OUTPUT_H
#define POOLGUARD_TOOL_OUTPUT_H

#include "Report.h"
#include "ConnectionBudgetCheck.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>

namespace poolguard {

/// clang's format: "path:line:col: warning: message [check]", the source
/// line with a caret, and the notes likewise. With \p Summary, a last line
/// "F TUs could not be analyzed, so findings may be incomplete", or "" when
/// every TU was analyzed.
std::string failedTUsText(const Report &R);

/// "N findings in M files (K TUs analyzed in S s)".
void writeText(llvm::raw_ostream &OS, const Report &R, bool Summary);

/// "F TUs could not be analyzed, so findings may be incomplete", or "" when
/// every TU was analyzed.
std::string failedTUsText(const Report &R);

/// "N findings in M files (K TUs analyzed in S s[, C from cache][; F TUs could
/// not be analyzed, so findings may be incomplete])[; X suppressed by NOLINT,
/// Y by baseline]".
std::string summaryLine(const Report &R, size_t FilesWithFindings);

/// The same counts as JSON: {"translationUnits":{"analyzed","failed"},
/// "findingsMayBeIncomplete","suppressed":{"nolint","baseline"}}.
nlohmann::ordered_json summaryToJSON(const Report &R);

/// {"version":1,"diagnostics":[{"check","severity","message","file","line",
/// "column","notes":[...],"fixes":[...]}],"summary":{...}}, plus "budget":[...] when
/// \p Budgets is given (--report=budget).
std::string
writeJSON(const Report &R,
          const std::vector<clang::tidy::poolguard::DatabaseBudget> *Budgets =
              nullptr);

/// The connection budget per database, as a table (--report=budget).
void writeBudgetText(
    llvm::raw_ostream &OS, const clang::tidy::poolguard::BudgetOptions &Opts,
    const std::vector<clang::tidy::poolguard::DatabaseBudget> &Budgets);

} // namespace poolguard

#endif // POOLGUARD_TOOL_OUTPUT_H
