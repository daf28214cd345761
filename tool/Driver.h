//===----------------------------------------------------------------------===//
//
// The standalone poolguard driver: map (per TU, in worker processes, with a
// facts cache), merge (facts of all TUs), report (one diagnostics path).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_TOOL_DRIVER_H
#define POOLGUARD_TOOL_DRIVER_H

#include "ProjectRoots.h"
#include "Report.h"
#include "ReportPhase.h"
#include "Results.h"
#include "facts/Facts.h"
#include "ConnectionBudgetCheck.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace poolguard {

/// Exit codes of the poolguard tool (documented in the README).
enum ExitCode : int {
  EC_Clean = 0,
  EC_Findings = 1,
  EC_Usage = 2,
  EC_TUFailed = 3,
};

struct DriverOptions {
  std::shared_ptr<clang::tooling::CompilationDatabase> Database;
  std::string DatabaseDir; ///< Directory of compile_commands.json, if any.
  std::vector<std::string> Files; ///< Selected files (absolute); empty: all.
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  /// Translation units whose path matches this regular expression are left
  /// out (--exclude; else the .clang-tidy option ExcludeTranslationUnits).
  std::string Exclude;
  unsigned Jobs = 1;
  unsigned TUTimeoutSeconds = 600;
  /// A worker's memory limit in MiB (RLIMIT_DATA); 0: none.
  unsigned TUMemoryMB = 4096;
  std::string CacheDir; ///< Empty: no cache.
  /// --path-root (absolute): map results name the files inside it relative
  /// to it. Empty: absolute paths.
  std::string PathRoot;
  /// Checks and check options from the command line (override .clang-tidy).
  clang::tidy::ClangTidyOptions Overrides;
  /// A --config-file/--config given on the command line replaces the
  /// .clang-tidy lookup.
  std::optional<clang::tidy::ClangTidyOptions> FixedConfig;
  /// A line per analyzed TU on stderr ("[3/5] src/a.cpp"); with
  /// ProgressInPlace (a terminal) one line, rewritten for each TU.
  bool Progress = false;
  bool ProgressInPlace = false;
  /// Notes on stderr (a command inferred for a file the database lacks).
  bool Notes = true;
  /// The map step skips the function bodies of system headers and library
  /// files (SkipBodies.h); --no-skip-bodies turns it off.
  bool SkipBodies = true;
  /// --library-headers: a regular expression naming more library files.
  std::string LibraryHeaders;
  /// The project's directories: files outside them are libraries.
  ProjectRoots ProjectDirs;
};

class Driver {
public:
  explicit Driver(DriverOptions Opts);
  ~Driver();

  /// The project's directories (DriverOptions::ProjectDirs), known once the
  /// TUs are; before prepare().
  void setProjectDirs(ProjectRoots Dirs);

  /// Loads models and options; fails on configuration errors.
  llvm::Error prepare();

  /// The TUs the run analyzes (all of the database, in sorted order).
  const std::vector<std::string> &translationUnits() const { return TUs; }

  /// Runs the map step over the TUs of translationUnits() at \p Indices.
  std::vector<TUResult> map(llvm::ArrayRef<size_t> Indices);

  /// Serializes map results (facts and per-TU diagnostics) for
  /// `--facts-out`, and reads them back for `--merge`.
  static std::string resultsToJSON(const std::vector<TUResult> &Results);
  static llvm::Expected<std::vector<TUResult>>
  resultsFromJSON(llvm::StringRef Text, llvm::StringRef Origin);

  /// Merges facts and computes every diagnostic: per-TU diagnostics of the
  /// selected files and cross-TU findings (after NOLINT) that touch them.
  Report report(std::vector<TUResult> Results,
                clang::tidy::poolguard::Facts *MergedOut = nullptr);

  /// Computes the cross-TU diagnostics from merged facts (also for
  /// poolguard --merge) through the enabled checks (ReportPhase).
  Report reportFromFacts(const clang::tidy::poolguard::Facts &Merged);

  /// Reports group findings at the member \p Anchor names (e.g. the one a
  /// baseline has not seen), when it names one.
  void setGroupAnchor(GroupAnchor Anchor);

  /// Options of the project (the database directory's .clang-tidy).
  const clang::tidy::ClangTidyOptions &projectOptions() const;
  /// The options of poolguard-connection-budget, as that check reads them.
  clang::tidy::poolguard::BudgetOptions budgetOptions() const;

  /// The facts of one file (for --dump-facts).
  llvm::Expected<clang::tidy::poolguard::Facts> factsOf(llvm::StringRef File);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
  std::vector<std::string> TUs;
};

} // namespace poolguard

#endif // POOLGUARD_TOOL_DRIVER_H
