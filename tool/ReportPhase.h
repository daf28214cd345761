//===----------------------------------------------------------------------===//
//
// The tool's report phase: the enabled checks as clang-tidy creates them,
// each cross-TU check's reducer run on the merged facts, and its findings
// reported through clang-tidy's diagnostics, as in the plugin.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_REPORTPHASE_H
#define POOLGUARD_TOOL_REPORTPHASE_H

#include "ConnectionBudgetCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace poolguard {

/// A diagnostic the report phase produced, with the group key and members of
/// the finding it reports (empty for NOLINT errors and ungrouped findings).
struct ReportedError {
  clang::tidy::ClangTidyError Error;
  std::string Key;
  std::vector<clang::tidy::poolguard::SourcePos> Members;
};

/// Which member of a group finding to report it at, if not its own choice.
using GroupAnchor = std::function<std::optional<size_t>(
    const clang::tidy::poolguard::Finding &)>;

class ReportPhase {
public:
  /// Creates the checks \p Provider enables for \p ProjectFile (a file in the
  /// project's root), with clang-tidy's factories (createChecks): each check
  /// reads and validates its own options.
  ReportPhase(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider,
              llvm::StringRef ProjectFile);
  ~ReportPhase();

  /// The configuration errors of the checks' options, as clang-tidy words
  /// them: "invalid option 'Replicas': 0; expected at least 1
  /// [clang-tidy-config]". Duplicates removed, in order.
  const std::vector<std::string> &configErrors() const { return ConfigErrors; }

  /// The enabled cross-TU checks.
  llvm::ArrayRef<clang::tidy::poolguard::CrossTUCheck *> crossTUChecks() const {
    return CrossTU;
  }

  /// Runs each enabled cross-TU check's reduce on \p Merged and reports the
  /// findings \p Keep accepts through the check (reportFindings), over the
  /// files on disk. A finding in a TU's main file is shown; one in a header
  /// is subject to clang-tidy's header filter, as in the plugin; NOLINT and
  /// warnings-as-errors apply.
  /// \p Anchor, if set, may name the member (an index into Members) a group
  /// finding is reported at instead, when its check offers it (AtMembers).
  std::vector<ReportedError>
  report(const clang::tidy::poolguard::Facts &Merged,
         llvm::function_ref<bool(const clang::tidy::poolguard::Finding &)> Keep,
         const GroupAnchor &Anchor = nullptr);

  /// The options of poolguard-connection-budget, read by that check (made
  /// for this call if it is not enabled).
  clang::tidy::poolguard::BudgetOptions budgetOptions();

  /// Findings NOLINT suppressed in the calls to report() so far.
  unsigned suppressedByNolint() const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  std::vector<std::string> ConfigErrors;
  std::vector<clang::tidy::poolguard::CrossTUCheck *> CrossTU;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_REPORTPHASE_H
