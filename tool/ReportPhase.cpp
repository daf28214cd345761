//===----------------------------------------------------------------------===//
//
// The tool's report phase: one reporting path with the plugin and clangd.
//
//===----------------------------------------------------------------------===//

#include "ReportPhase.h"
#include "utils/LLVMCompat.h"
#include "utils/ReadFile.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::poolguard;

namespace poolguard {

namespace {
/// The real file system, but only regular files of a bounded size can be
/// found: findings come from facts files and cache entries, untrusted input
/// that may name a FIFO (reading it would hang the report) or a device.
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}
  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto S = ProxyFileSystem::status(Path);
    if (S && S->getType() != llvm::sys::fs::file_type::regular_file &&
        S->getType() != llvm::sys::fs::file_type::directory_file)
      return std::make_error_code(std::errc::not_supported);
    if (S && S->getSize() > MaxSourceFileBytes)
      return std::make_error_code(std::errc::file_too_large);
    return S;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto S = status(Path);
    if (!S)
      return S.getError();
    return ProxyFileSystem::openFileForRead(Path);
  }
};
} // namespace

struct ReportPhase::Impl {
  ClangTidyContext Context;
  ClangTidyDiagnosticConsumer Consumer;
  TidyDiagnosticsEngine Engine;
  std::vector<std::unique_ptr<ClangTidyCheck>> Checks;
  std::unique_ptr<ConnectionBudgetCheck> BudgetOnly;
  /// The files findings name, read from disk; set once (the diagnostics
  /// engine keeps its states by location in this SourceManager).
  std::unique_ptr<FileManager> Files;
  std::unique_ptr<SourceManager> Sources;

  explicit Impl(std::unique_ptr<ClangTidyOptionsProvider> Provider)
      : Context(std::move(Provider)),
        Consumer(Context, /*ExternalDiagEngine=*/nullptr,
                 /*RemoveIncompatibleErrors=*/true),
        Engine(Context, Consumer) {}

  /// The configuration errors reported since the last call.
  std::vector<std::string> takeConfigErrors() {
    std::vector<std::string> Out;
    std::set<std::string> Seen;
    for (const ClangTidyError &E : Consumer.take()) {
      std::string Text = E.Message.Message + " [" + E.DiagnosticName + "]";
      if (Seen.insert(Text).second)
        Out.push_back(std::move(Text));
    }
    return Out;
  }
};

ReportPhase::ReportPhase(std::unique_ptr<ClangTidyOptionsProvider> Provider,
                         StringRef ProjectFile)
    : P(std::make_unique<Impl>(std::move(Provider))) {
  P->Context.setCurrentFile(ProjectFile);
  ClangTidyCheckFactories Factories;
  for (const ClangTidyModuleRegistry::entry &E :
       ClangTidyModuleRegistry::entries())
    E.instantiate()->addCheckFactories(Factories);
  // Not createChecksForLanguage: without a TU, its default LangOptions would
  // leave out the C++-only checks.
  P->Checks = Factories.createChecks(&P->Context);
  for (const std::unique_ptr<ClangTidyCheck> &C : P->Checks)
    if (auto *X = dynamic_cast<CrossTUCheck *>(C.get()))
      CrossTU.push_back(X);
  ConfigErrors = P->takeConfigErrors();
}

ReportPhase::~ReportPhase() = default;

std::vector<ReportedError>
ReportPhase::report(const Facts &Merged,
                    llvm::function_ref<bool(const Finding &)> Keep) {
  if (!P->Sources) {
    P->Files = std::make_unique<FileManager>(
        FileSystemOptions(), llvm::makeIntrusiveRefCnt<RegularFilesOnly>());
    P->Sources = std::make_unique<SourceManager>(P->Engine.engine(), *P->Files);
    P->Context.setSourceManager(P->Sources.get());
  }
  FileManager &Files = *P->Files;
  SourceManager &SM = *P->Sources;
  std::vector<ReportedError> Out;
  for (CrossTUCheck *Check : CrossTU) {
    for (const Finding &F : Check->reduce(Merged)) {
      if (!Keep(F))
        continue;
      auto FE = Files.getOptionalFileRef(F.Loc.File);
      if (!FE)
        continue;
      FileID FID = SM.translateFile(*FE);
      if (FID.isInvalid())
        FID = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
      if (FID.isInvalid())
        continue;
      SM.setMainFileID(FID);
      Check->reportFindings(F, SM);
      // Taken per finding, so each diagnostic keeps its finding's identity.
      for (ClangTidyError &E : P->Consumer.take()) {
        bool OfF = E.DiagnosticName == F.Check;
        Out.push_back({std::move(E), OfF ? F.Key : std::string(),
                       OfF ? F.Members : std::vector<SourcePos>()});
      }
    }
  }
  return Out;
}

unsigned ReportPhase::suppressedByNolint() const {
  return P->Context.getStats().ErrorsIgnoredNOLINT;
}

BudgetOptions ReportPhase::budgetOptions() {
  for (CrossTUCheck *C : CrossTU)
    if (auto *B = dynamic_cast<ConnectionBudgetCheck *>(C))
      return B->budget();
  if (!P->BudgetOnly) {
    P->BudgetOnly = std::make_unique<ConnectionBudgetCheck>(
        "poolguard-connection-budget", &P->Context);
    (void)P->takeConfigErrors();
  }
  return P->BudgetOnly->budget();
}

} // namespace poolguard
