#include "facts/FactsCollector.h"

namespace clang::tidy::poolguard {

struct FactsCollector::Impl {
  std::shared_ptr<const ModelSet> Models;
  Facts Collected;
};

FactsCollector::FactsCollector(std::shared_ptr<const ModelSet> Models)
    : P(std::make_unique<Impl>()) {
  P->Models = std::move(Models);
}
FactsCollector::~FactsCollector() = default;

void FactsCollector::registerMatchers(
    ast_matchers::MatchFinder &Finder,
    ast_matchers::MatchFinder::MatchCallback *Callback) {}

void FactsCollector::run(const ast_matchers::MatchFinder::MatchResult &) {}

Facts FactsCollector::takeFacts(llvm::StringRef MainFile) {
  Facts F = std::move(P->Collected);
  P->Collected = Facts();
  F.TranslationUnits.push_back(MainFile.str());
  return F;
}

} // namespace clang::tidy::poolguard
