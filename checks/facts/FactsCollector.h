//===----------------------------------------------------------------------===//
//
// Extracts facts (modules, registrations, imports, pool owners, pool
// creations) from one translation unit, driven by the framework models.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_FACTSCOLLECTOR_H
#define POOLGUARD_FACTS_FACTSCOLLECTOR_H

#include "facts/Facts.h"
#include "models/Model.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <memory>

namespace clang::tidy::poolguard {

/// Collects the facts of one TU. Used as the match callback of a poolguard
/// cross-TU check (the check forwards its matches) or directly by the
/// standalone tool.
class FactsCollector : public ast_matchers::MatchFinder::MatchCallback {
public:
  explicit FactsCollector(std::shared_ptr<const ModelSet> Models);
  ~FactsCollector() override;

  /// Adds the collector's matchers to \p Finder; matches are delivered to
  /// \p Callback, which must forward them to run().
  void registerMatchers(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback *Callback);
  void registerMatchers(ast_matchers::MatchFinder &Finder) {
    registerMatchers(Finder, this);
  }

  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;

  /// Returns the facts collected so far, with \p MainFile recorded as the
  /// contributing translation unit, and resets the collector.
  Facts takeFacts(llvm::StringRef MainFile);

  /// Configuration files named by the ConfigFiles option (userver static
  /// configs, Drogon config files); see checks/facts/CollectorConfig.h.
  void setConfigFiles(std::vector<std::string> Files);

  /// Errors reading configuration files since the last call: each names the
  /// file, line and key. Facts are still collected without those files.
  std::vector<std::string> takeConfigErrors();

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_FACTSCOLLECTOR_H
