//===----------------------------------------------------------------------===//
//
// poolguard-clangd refuses a `.clang-tidy` that would overflow its stack.
//
// clangd reads every `.clang-tidy` above an opened file itself (TidyProvider's
// DotClangTidyCache, on a worker thread with a fixed stack) through
// clang::tidy::parseConfigurationWithDiags, whose YAML reader recurses once
// per level of nesting: a small file of nested brackets in a cloned
// repository crashed the editor's server as soon as a file was opened.
//
// The link of poolguard-clangd redirects clangd's calls of that function
// here (GNU ld --wrap, see CMakeLists.txt). A file larger than the limit for
// configuration files, or nested deeper than poolguard reads anywhere, is
// refused before the reader sees it, as poolguard and the plugin refuse it
// (utils/ConfigFile.cpp): an error through clangd's own diagnostic callback,
// which clangd logs as "tidy-config error at <file>:<line>:<column>", and an
// error result, after which clangd uses the configuration of the directories
// above. Every other file goes to clang-tidy's reader unchanged.
//
//===----------------------------------------------------------------------===//

#include "utils/ReadFile.h"
#include "utils/YAMLDepth.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include <system_error>

namespace {

using Options = llvm::ErrorOr<clang::tidy::ClangTidyOptions>;
using DiagCallback = llvm::function_ref<void(const llvm::SMDiagnostic &)>;

} // namespace

// clang::tidy::parseConfigurationWithDiags(llvm::MemoryBufferRef,
// llvm::function_ref<void(const llvm::SMDiagnostic &)>), under the names
// --wrap gives it. The symbol is the same in LLVM 19 and 22.
#define POOLGUARD_PARSE_TIDY_CONFIG                                            \
  _ZN5clang4tidy27parseConfigurationWithDiagsEN4llvm15MemoryBufferRefENS1_12function_refIFvRKNS1_12SMDiagnosticEEEE
#define POOLGUARD_CONCAT(A, B) A##B
#define POOLGUARD_WRAPPED(Prefix, Name) POOLGUARD_CONCAT(Prefix, Name)

extern "C" {
Options POOLGUARD_WRAPPED(__real_, POOLGUARD_PARSE_TIDY_CONFIG)(
    llvm::MemoryBufferRef, DiagCallback);
Options POOLGUARD_WRAPPED(__wrap_, POOLGUARD_PARSE_TIDY_CONFIG)(
    llvm::MemoryBufferRef, DiagCallback);
}

Options POOLGUARD_WRAPPED(__wrap_, POOLGUARD_PARSE_TIDY_CONFIG)(
    llvm::MemoryBufferRef Config, DiagCallback Handler) {
  using namespace clang::tidy::poolguard;
  std::string Message;
  int Line = 1;
  if (Config.getBufferSize() > MaxConfigFileBytes) {
    Message = "is larger than " + llvm::utostr(MaxConfigFileBytes >> 20) +
              " MiB, the limit for this kind of file";
  } else if (std::optional<unsigned> Deep =
                 lineNestedTooDeep(Config.getBuffer())) {
    Message = tooDeepMessage();
    Line = static_cast<int>(*Deep);
  }
  if (Message.empty())
    return POOLGUARD_WRAPPED(__real_, POOLGUARD_PARSE_TIDY_CONFIG)(Config,
                                                                   Handler);
  llvm::SourceMgr SM;
  Handler(llvm::SMDiagnostic(SM, llvm::SMLoc(), Config.getBufferIdentifier(),
                             Line, /*Col=*/0, llvm::SourceMgr::DK_Error,
                             Message, /*LineStr=*/"", /*Ranges=*/{}));
  return std::make_error_code(std::errc::invalid_argument);
}
