#include "utils/NoLint.h"

namespace clang::tidy::poolguard {

struct NoLintFile::Impl {
  std::string Text;
  std::vector<NoLintError> Errors;
};

NoLintFile::NoLintFile(llvm::StringRef Text) : P(std::make_unique<Impl>()) {
  P->Text = Text.str();
}
NoLintFile::~NoLintFile() = default;

bool NoLintFile::suppresses(unsigned, llvm::StringRef) const { return false; }

const std::vector<NoLintError> &NoLintFile::errors() const { return P->Errors; }

} // namespace clang::tidy::poolguard
