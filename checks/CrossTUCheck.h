//===----------------------------------------------------------------------===//
//
// Shared machinery of the cross-TU checks: collect this TU's facts, overlay
// them on the facts index when one is configured, run the check's reducer and
// report the findings that touch this TU.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_CROSSTUCHECK_H
#define POOLGUARD_CROSSTUCHECK_H

#include "facts/Facts.h"
#include "facts/FactsCollector.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>

namespace clang::tidy::poolguard {

struct FindingNote {
  std::string Message;
  SourcePos Loc;
};

/// A diagnostic computed from facts, before NOLINT filtering.
struct Finding {
  std::string Check;
  std::string Message;
  SourcePos Loc;
  std::vector<FindingNote> Notes;
  /// What a finding about a group (duplicate registrations, pools of one
  /// database) is about, e.g. the service or the database: stable when a
  /// member of the group is added or removed, unlike the message and the
  /// location. Empty when the location identifies the finding.
  std::string Key = {};
  /// Every place of the group, Loc included, in the group's order.
  std::vector<SourcePos> Members = {};
  /// The same finding reported at each member instead (AtMembers[I] is at
  /// Members[I], with its message and notes), for a report that must show a
  /// given member, e.g. the one added since a baseline was written. Empty
  /// when the check does not offer it.
  std::vector<Finding> AtMembers = {};
};
bool operator<(const Finding &A, const Finding &B);

/// The findings of \p Find on the facts of each program of \p F
/// (factsPerProgram: two executables are two processes, each with its own
/// instances), sorted, a finding that several programs share once.
std::vector<Finding>
findPerProgram(const Facts &F,
               llvm::function_ref<std::vector<Finding>(const Facts &)> Find);

/// Base class of poolguard-duplicate-pooled-provider, poolguard-repeated-pool
/// and poolguard-connection-budget.
///
/// Options shared by all three (read with getLocalOrGlobal):
///  - IndexFile: facts index written by `poolguard --write-index`.
///  - ModelFiles: ';'-separated model files added to the built-in models.
///  - ConfigFiles: ';'-separated configuration files (userver static
///    configs, Drogon config files) joined with the code by name.
class CrossTUCheck : public ClangTidyCheck {
public:
  CrossTUCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

  /// Computes this check's findings over \p F (one TU's facts over the
  /// index in the plugin, the merged facts of every TU in the tool).
  virtual std::vector<Finding> reduce(const Facts &F) = 0;

  /// Reports \p Findings through clang-tidy (diag), each at its position in
  /// \p SM, whose FileManager loads the files the findings name. NOLINT, the
  /// header filter and warnings-as-errors are the host clang-tidy's.
  void reportFindings(ArrayRef<Finding> Findings, SourceManager &SM);

  /// The ModelFiles and ConfigFiles options, split at ';'.
  std::vector<std::string> modelFiles() const;
  std::vector<std::string> configFiles() const;

private:
  void report(const Finding &F, SourceManager &SM);
  /// The option \p Name with relative paths resolved (utils/ConfigFile.h).
  std::string pathOption(StringRef Name);
  /// The index this TU reads (IndexFile, else the one beside the compile
  /// database) with this TU's facts overlaid; \p Fresh alone if none.
  Facts programFacts(const Facts &Fresh, SourceManager &SM,
                     StringRef MainFile);
  /// \p Fresh with the programs that the CMake File API reply in
  /// \p DatabaseDir gives this TU, as the tool's map step assigns them
  /// (facts/CMakePrograms.h); unchanged without a reply.
  Facts withBuildPrograms(Facts Fresh, StringRef DatabaseDir,
                          StringRef MainFile, SourceManager &SM);
  /// Warns once per TU (from the first enabled cross-TU check) about the
  /// index: as a configuration warning, or in an editor (clangd, whose
  /// diagnostics are self-contained) at the start of the main file, where
  /// it is shown without verbose logging.
  void indexWarning(const Twine &Message, SourceManager &SM);

  ClangTidyContext *const Context;
  const std::string IndexFile;
  const std::string ModelFiles;
  const std::string ConfigFiles;
  std::unique_ptr<FactsCollector> Collector;
  SourceManager *SM = nullptr;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_CROSSTUCHECK_H
